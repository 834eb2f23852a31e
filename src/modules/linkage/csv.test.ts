import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { csvLine, parseCsv } from './csv.ts'

describe('CSV', () => {
  it('handles quotes, embedded commas, quotes and line breaks, CRLF, a BOM and stray spaces', () => {
    const text =
      '\ufeffRecord_ID , Given_Name,Address\r\n1, Kai ,"1 High St, Leeds"\r\n2,"Jo ""JJ""","Flat 2\nThe Mews"\r\n3,Ann\r\n'
    const table = parseCsv(text)
    assert.deepEqual(table.header, ['Record_ID', 'Given_Name', 'Address'])
    assert.equal(table.rows, 3)
    assert.deepEqual(table.columns.get('record_id'), ['1', '2', '3'])
    assert.deepEqual(table.columns.get('given_name'), ['Kai', 'Jo "JJ"', 'Ann'])
    assert.deepEqual(table.columns.get('address'), ['1 High St, Leeds', 'Flat 2\nThe Mews', ''])
    assert.deepEqual(table.lines, [2, 3, 5])
  })

  it('skips blank lines, keeps only the wanted columns and tolerates a missing final newline', () => {
    const table = parseCsv('a,b,c\n\n1,2,3\n   \n4,5,6', new Set(['a', 'c']))
    assert.deepEqual([...table.columns.keys()], ['a', 'c'])
    assert.deepEqual(table.columns.get('c'), ['3', '6'])
    assert.deepEqual(table.lines, [3, 5])
  })

  it('quotes only what needs quoting when writing', () => {
    assert.equal(csvLine(['a', 'b,c', 'say "hi"', ' x']), 'a,"b,c","say ""hi"""," x"')
  })
})
