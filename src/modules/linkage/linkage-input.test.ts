import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { LinkageInputError, readLinkageCsv } from './linkage-input.ts'

describe('reading the link input', () => {
  it('maps contract columns case-insensitively and ignores unknown ones', () => {
    const input = readLinkageCsv('RECORD_ID,Given_Name,family_name,favourite_colour\nr1,Kai,Smith,blue\n')
    assert.deepEqual(input.records, [{ recordId: 'r1', givenName: 'Kai', familyName: 'Smith' }])
    assert.deepEqual(input.columns, ['record_id', 'given_name', 'family_name'])
  })

  it('refuses a file without a record_id column, naming the header line', () => {
    assert.throws(
      () => readLinkageCsv('id,given_name\n1,Kai\n'),
      (error: unknown) => {
        assert.ok(error instanceof LinkageInputError)
        assert.match(error.message, /no record_id column \(line 1; its header is: id, given_name\)/)
        return true
      },
    )
    assert.throws(() => readLinkageCsv(''), /no record_id column/)
  })

  it('refuses duplicate record ids, naming both lines', () => {
    assert.throws(
      () => readLinkageCsv('record_id,given_name\na,Kai\nb,Jo\n"a",Ann\n'),
      /record_id 'a' appears twice: on line 2 and again on line 4/,
    )
  })

  it('refuses a row with no record_id, naming its line', () => {
    assert.throws(() => readLinkageCsv('record_id,given_name\na,Kai\n,Jo\n'), /the row on line 3 has no record_id/)
  })
})
