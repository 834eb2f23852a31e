import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { generateCandidates, type BlockingRule } from './blocking.ts'
import { normaliseRecord, type SourceRecord } from './normalise-record.ts'
import { RecordStore } from './record-store.ts'

const context = { today: 20260115, postcodeMode: 'uk' as const }
function storeOf(records: SourceRecord[]): RecordStore {
  const store = new RecordStore()
  for (const record of records) store.add(normaliseRecord(record, context))
  return store
}
const base: SourceRecord = {
  recordId: '0',
  givenName: 'Oliver',
  familyName: 'Whitstone',
  dateOfBirth: '2016-04-09',
  postcode: 'PL22 6PX',
}

describe('blocking', () => {
  it('finds a candidate for each single kind of corruption', () => {
    const variants: Record<string, Partial<SourceRecord>> = {
      'day and month swapped': { dateOfBirth: '2016-09-04' },
      'surname changed': { familyName: 'Okafor' },
      nickname: { givenName: 'Ollie' },
      'date mistyped and moved': { dateOfBirth: '2016-04-19', postcode: 'PL22 9ZZ' },
      'date missing, moved within the district': { dateOfBirth: '', postcode: 'PL22 1AB' },
      'names swapped': { givenName: 'Whitstone', familyName: 'Oliver' },
      'double-barrelled': { familyName: 'Smith-Whitstone' },
      'given name and postcode missing': { givenName: '', postcode: '' },
    }
    for (const [what, change] of Object.entries(variants)) {
      const store = storeOf([base, { ...base, ...change, recordId: '1' }])
      const candidates = generateCandidates(store.view)
      assert.equal(candidates.count, 1, what)
    }
  })

  it('produces each pair once, however many rules find it, and reports every rule', () => {
    const store = storeOf([base, { ...base, recordId: '1' }, { ...base, recordId: '2', givenName: 'Amelia' }])
    const candidates = generateCandidates(store.view)
    assert.equal(candidates.count, 3)
    const pairs = new Set(
      Array.from({ length: candidates.count }, (_, k) => `${candidates.left[k]}-${candidates.right[k]}`),
    )
    assert.equal(pairs.size, 3)
    const total = candidates.report.rules.reduce((sum, rule) => sum + rule.candidatePairs, 0)
    assert.equal(total, 3)
    assert.ok(candidates.report.rules.some(rule => rule.repeatedPairs > 0))
  })

  it('skips the largest blocks of a rule that would go over its pair budget, and says so', () => {
    const records = Array.from({ length: 60 }, (_, i): SourceRecord => ({
      recordId: String(i),
      givenName: i < 50 ? 'Jack' : `Name${'abcdefghij'.charAt(i - 50)}`,
      familyName: 'Smith',
    }))
    const rule: BlockingRule = { name: 'given', description: 'given name', key: (v, r) => v.g0[r] as number }
    const candidates = generateCandidates(storeOf(records).view, { rules: [rule], maxPairsPerRule: 100 })
    const report = candidates.report.rules[0]
    assert.equal(report?.skippedBlocks, 1)
    assert.equal(report?.skippedPairs, (50 * 49) / 2)
    assert.equal(candidates.count, 0)
    assert.equal(report?.largestBlocks[0]?.size, 50)
  })
})
