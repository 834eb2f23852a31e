import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

/** `sightline link` as contracts/linkage.md describes it, run as a separate process. */

const bin = fileURLToPath(new URL('../../../bin/sightline.js', import.meta.url))
const dir = mkdtempSync(path.join(tmpdir(), 'sightline-link-'))
const file = (name: string) => path.join(dir, name)

function sightline(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DATABASE_URL: '' },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const INPUT = [
  'Record_ID, Source ,GIVEN_NAME,family_name,date_of_birth,sex,postcode,nhs_number,shoe_size',
  'p1,police,Kai,Smith,2015-03-07,M,LS6 2AB,943 476 5919,3',
  'h1,health,"Kye","Smyth-Jones",07/03/2015,1,ls62ab,9434765919,',
  's1,school,Amelia,"Okafor, Jr",20120130,F,M1 1AE,,',
  's2,school,Baby,Okafor,31/02/2012,female,??,12345,',
  't1,school,Leo,Smith,2015-03-07,M,LS6 2AB,,',
].join('\r\n')

describe('sightline link', () => {
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('explains itself with --help', () => {
    const result = sightline(['link', '--help'])
    assert.equal(result.status, 0)
    assert.match(
      result.stdout,
      /^Usage: sightline link INPUT\.csv --out CLUSTERS\.csv \[--pairs PAIRS\.csv\] \[--threshold P\]/,
    )
  })

  it('writes every record once with its person, the pairs, the model and a summary', () => {
    writeFileSync(file('in.csv'), INPUT)
    const result = sightline([
      'link',
      file('in.csv'),
      '--out',
      file('clusters.csv'),
      '--pairs',
      file('pairs.csv'),
      '--save-model',
      file('clusters.model.json'),
      '--report',
      file('clusters.report.json'),
    ])
    assert.equal(result.status, 0, result.stderr)
    const rows = readFileSync(file('clusters.csv'), 'utf8').trim().split('\n')
    assert.equal(rows[0], 'record_id,person_id')
    const person = new Map(rows.slice(1).map(row => row.split(',') as [string, string]))
    assert.deepEqual([...person.keys()], ['p1', 'h1', 's1', 's2', 't1'])
    assert.equal(person.get('p1'), person.get('h1'))
    assert.notEqual(person.get('p1'), person.get('t1'), 'a possible twin is never linked automatically')
    assert.notEqual(person.get('p1'), person.get('s1'))
    const pairs = readFileSync(file('pairs.csv'), 'utf8').trim().split('\n')
    assert.equal(pairs[0], 'record_id_l,record_id_r,match_weight,match_probability')
    assert.ok(
      pairs.slice(1).some(row => row.startsWith('p1,h1,')),
      pairs.join('\n'),
    )
    for (const row of pairs.slice(1)) assert.ok(Number(row.split(',')[3]) >= 0.5, row)
    assert.match(result.stderr, /Records read: +5/)
    assert.match(result.stderr, /Values unparsed: +date_of_birth 1, postcode 1, nhs_number 1/)
    assert.match(result.stderr, /Candidate pairs scored: +\d+/)
    assert.match(result.stderr, /Pairs linked: +\d+/)
    assert.match(result.stderr, /Clusters: +\d+/)
    assert.match(result.stderr, /Seconds taken: +\d+\.\d/)

    // The saved model scores the same file the same way.
    const again = sightline([
      'link',
      file('in.csv'),
      '--out',
      file('again.csv'),
      '--model',
      file('clusters.model.json'),
    ])
    assert.equal(again.status, 0, again.stderr)
    assert.equal(readFileSync(file('again.csv'), 'utf8'), readFileSync(file('clusters.csv'), 'utf8'))
    const report = JSON.parse(readFileSync(file('clusters.report.json'), 'utf8')) as { blocking: { rules: unknown[] } }
    assert.ok(report.blocking.rules.length > 5)
  })

  it('refuses a file without a record_id column with status 2, naming the line', () => {
    writeFileSync(file('no-id.csv'), 'id,given_name\n1,Kai\n')
    const result = sightline(['link', file('no-id.csv'), '--out', file('x.csv')])
    assert.equal(result.status, 2)
    assert.match(result.stderr, /no record_id column \(line 1/)
  })

  it('refuses duplicate record ids with status 2, naming both lines', () => {
    writeFileSync(file('dup.csv'), 'record_id,given_name\na,Kai\nb,Jo\na,Ann\n')
    const result = sightline(['link', file('dup.csv'), '--out', file('x.csv')])
    assert.equal(result.status, 2)
    assert.match(result.stderr, /record_id 'a' appears twice: on line 2 and again on line 4/)
  })

  it('refuses an unreadable file and bad options with status 2', () => {
    const missing = sightline(['link', file('nowhere.csv'), '--out', file('x.csv')])
    assert.equal(missing.status, 2)
    assert.match(missing.stderr, /cannot read .*nowhere\.csv/)
    writeFileSync(file('ok.csv'), 'record_id\na\n')
    assert.equal(sightline(['link', file('ok.csv')]).status, 2)
    const threshold = sightline(['link', file('ok.csv'), '--out', file('x.csv'), '--threshold', '95'])
    assert.equal(threshold.status, 2)
    assert.match(threshold.stderr, /--threshold must be a probability between 0 and 1/)
    assert.equal(sightline(['link', file('ok.csv'), '--out', file('x.csv'), '--model', file('nowhere.json')]).status, 2)
  })

  it('accepts a file of one record, and a header alone', () => {
    writeFileSync(file('one.csv'), 'record_id\nonly\n')
    assert.equal(sightline(['link', file('one.csv'), '--out', file('one-out.csv')]).status, 0)
    assert.equal(readFileSync(file('one-out.csv'), 'utf8').trim().split('\n').length, 2)
    writeFileSync(file('none.csv'), 'record_id,given_name\n')
    assert.equal(sightline(['link', file('none.csv'), '--out', file('none-out.csv')]).status, 0)
    assert.equal(readFileSync(file('none-out.csv'), 'utf8'), 'record_id,person_id\n')
  })
})
