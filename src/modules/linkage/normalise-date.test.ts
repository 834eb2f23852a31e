import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseDateOfBirth } from './normalise-date.ts'

const context = { today: 20260115 }
const value = (raw: string) => {
  const parsed = parseDateOfBirth(raw, context)
  return parsed.kind === 'date' ? parsed.value : parsed.kind
}

describe('dates of birth', () => {
  it('reads every format of the contract, day first where ambiguous', () => {
    const cases: Record<string, number> = {
      '2015-03-07': 20150307,
      '20150307': 20150307,
      '07/03/2015': 20150307,
      '7/3/2015': 20150307,
      '07/03/15': 20150307,
      '07-03-15': 20150307,
      '7 March 2015': 20150307,
      '7th March 2015': 20150307,
      '7 Mar 2015': 20150307,
      'March 7, 2015': 20150307,
      '07.03.2015': 20150307,
      '2015-03-07T00:00:00Z': 20150307,
      ' 07/03/2015 ': 20150307,
    }
    for (const [raw, expected] of Object.entries(cases)) assert.equal(value(raw), expected, raw)
  })

  it('reads two-digit years as the latest year not after today', () => {
    assert.equal(value('01/02/25'), 20250201)
    assert.equal(value('01/02/85'), 19850201)
    assert.equal(value('01/02/26'), 19260201)
    assert.equal(value('01/01/26'), 20260101)
  })

  it('does not guess: 03/07 is 3 July, and the swap is left to the comparison', () => {
    assert.equal(value('03/07/2015'), 20150703)
  })

  it('calls impossible, future and garbled dates unparsed, and placeholders missing', () => {
    for (const raw of ['31/02/2015', '2015-13-01', '00/00/0000', 'unknown', '2030-01-01', '12345'])
      assert.equal(value(raw), 'unparsed', raw)
    for (const raw of ['', '01/01/1900', '1900-01-01']) assert.equal(value(raw), 'missing', raw)
  })
})
