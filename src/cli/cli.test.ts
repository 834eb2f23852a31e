import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { AuditWriter } from '../platform/audit/index.ts'
import { openDatabase } from '../platform/db/index.ts'

const bin = fileURLToPath(new URL('../../bin/sightline.js', import.meta.url))
const dataDir = mkdtempSync(path.join(tmpdir(), 'sightline-cli-'))

function sightline(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, SIGHTLINE_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('the sightline command', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }))

  it('lists its commands', () => {
    const result = sightline(['--help'])
    assert.equal(result.status, 0)
    for (const command of ['serve', 'migrate', 'seed']) assert.match(result.stdout, new RegExp(`^  ${command} `, 'm'))
  })

  it('explains each command with --help', () => {
    for (const command of ['serve', 'migrate', 'seed']) {
      const result = sightline([command, '--help'])
      assert.equal(result.status, 0, command)
      assert.match(result.stdout, new RegExp(`^Usage: sightline ${command}`), command)
    }
  })

  it('refuses an unknown command or option with status 2', () => {
    assert.equal(sightline(['frobnicate']).status, 2)
    const bad = sightline(['seed', '--childs', '5'])
    assert.equal(bad.status, 2)
    assert.match(bad.stderr, /Unknown option '--childs'/)
    const notNumber = sightline(['seed', '--children', 'lots'])
    assert.equal(notNumber.status, 2)
    assert.match(notNumber.stderr, /--children must be a whole number from 1 to/)
  })

  it('names a malformed environment variable and exits 2', () => {
    const result = sightline(['migrate'], { PORT: 'eighty' })
    assert.equal(result.status, 2)
    assert.match(result.stderr, /PORT: must be a whole number/)
  })

  it('says clearly when PostgreSQL cannot be reached, without the password, and exits 3', () => {
    const result = sightline(['migrate'], { DATABASE_URL: 'postgres://someone:secret-pw@127.0.0.1:1/sightline' })
    assert.equal(result.status, 3)
    assert.match(result.stderr, /Cannot reach the PostgreSQL database at 127\.0\.0\.1:1\/sightline \(ECONNREFUSED\)/)
    assert.ok(!result.stderr.includes('secret-pw'))
  })

  it('migrates, seeds a small partnership with progress, and refuses to seed it twice', () => {
    assert.equal(sightline(['migrate']).status, 0)
    const seeded = sightline(['seed', '--children', '40', '--seed', '7'])
    assert.equal(seeded.status, 0, seeded.stderr)
    assert.match(seeded.stderr, /Seeding/)
    assert.match(seeded.stdout, /front-door@demo\.sightline\.test/)
    const again = sightline(['seed', '--children', '40'])
    assert.equal(again.status, 2)
    assert.match(again.stderr, /already holds a partnership/)
  })
  it('verifies the audit chain, and exits 1 naming the first broken link after tampering', async () => {
    const writeEvents = async () => {
      const database = await openDatabase({ engine: 'pglite', dataDir })
      await database.migrate()
      for (let i = 0; i < 3; i++) {
        await new AuditWriter().write(database.db, { actor: undefined, requestId: `r${i}` }, { action: 'child.viewed', subjectType: 'person', subjectId: String(i) })
      }
      await database.close()
    }
    await writeEvents()
    const intact = sightline(['audit', 'verify'])
    assert.equal(intact.status, 0, intact.stderr)
    assert.match(intact.stdout, /Verified 3 audit events .* the chain is intact/)
    const database = await openDatabase({ engine: 'pglite', dataDir })
    await database.db.transaction(async tx => {
      await tx.execute(sql`alter table audit_event disable trigger user`)
      await tx.execute(sql`update audit_event set reason = 'nothing to see' where seq = 2`)
      await tx.execute(sql`alter table audit_event enable trigger user`)
    })
    await database.close()
    const broken = sightline(['audit', 'verify'])
    assert.equal(broken.status, 1)
    assert.match(broken.stderr, /BROKEN at event 2 \(id \d+\): its stored hash does not match its content/)
    assert.equal(sightline(['audit', 'check']).status, 2)
  })
  it('replays a timeline into the contract’s flags, and refuses a bad one naming the event and field', () => {
    const timeline = path.join(dataDir, 'timeline.json')
    const out = path.join(dataDir, 'flags.json')
    writeFileSync(
      timeline,
      JSON.stringify({
        id: 'not-brought',
        title: 'A baby repeatedly not brought to health appointments',
        people: [{ ref: 'C1', kind: 'child', givenName: 'Amy', familyName: 'Smith', ageAtDay0: { months: 7 } }],
        relationships: [],
        events: [-120, -90, -60, -30].map(day => ({ day, agency: 'health', type: 'appointment.was-not-brought', subjects: ['C1'], details: { service: 'health-visiting' } })),
      }),
    )
    const ok = sightline(['replay', timeline, '--out', out])
    assert.equal(ok.status, 0, ok.stderr)
    const flags = (JSON.parse(readFileSync(out, 'utf8')) as { flags: { theme: string; subject: string; evidence: number[] }[] }).flags
    assert.ok(flags.some(f => f.theme === 'T01' && f.subject === 'C1' && f.evidence.length >= 2), JSON.stringify(flags))
    writeFileSync(timeline, JSON.stringify({ id: 'bad', people: [{ ref: 'C1', kind: 'child' }], relationships: [], events: [{ day: 1, agency: 'police', type: 'police.call-out', subjects: ['C1'], details: { colour: 'red' } }] }))
    const bad = sightline(['replay', timeline])
    assert.equal(bad.status, 2)
    assert.match(bad.stderr, /events\[0\] \(police\.call-out\): unknown field 'details\.colour'/)
  })
})
