import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { pairwiseAccuracy } from './accuracy.ts'
import { linkRecords } from './link-batch.ts'
import { parseLinkageModel } from './linkage-model.schema.ts'
import { normaliseRecord, PARSED_COLUMNS, type ParsedColumn, type SourceRecord } from './normalise-record.ts'
import { RecordStore } from './record-store.ts'
import { generateSyntheticRecords } from './synthetic-records.ts'

const today = 20260101

describe('the batch pipeline', () => {
  it('links a small file without any trouble, every record exactly once', async () => {
    const records: SourceRecord[] = [
      {
        recordId: 'p1',
        givenName: 'Kai',
        familyName: 'Smith',
        dateOfBirth: '2015-03-07',
        sex: 'M',
        postcode: 'LS6 2AB',
      },
      {
        recordId: 'h1',
        givenName: 'Kye',
        familyName: 'Smyth-Jones',
        dateOfBirth: '07/03/2015',
        sex: '1',
        postcode: 'ls62ab',
      },
      {
        recordId: 's1',
        givenName: 'Amelia',
        familyName: 'Okafor',
        dateOfBirth: '2012-01-30',
        sex: 'F',
        postcode: 'M1 1AE',
      },
      { recordId: 'bad', givenName: '???', dateOfBirth: 'soon', postcode: '??' },
    ]
    const result = await linkRecords(records, { today })
    assert.deepEqual(result.recordIds, ['p1', 'h1', 's1', 'bad'])
    assert.equal(result.personOf.length, 4)
    assert.equal(result.personOf[0], result.personOf[1])
    assert.notEqual(result.personOf[0], result.personOf[2])
    assert.equal(result.summary.unparsed.given_name, 1)
    assert.equal(result.summary.unparsed.date_of_birth, 1)
    assert.equal(result.summary.unparsed.postcode, 1)
    assert.doesNotThrow(() => parseLinkageModel(JSON.parse(JSON.stringify(result.model))))
  })

  it('gives the same persons on worker threads as on the calling thread, and with a saved model', async () => {
    const data = generateSyntheticRecords({ records: 3000, style: 'agencies', seed: 4 })
    const inline = await linkRecords(data.records, {
      today,
      inlinePairsBelow: Number.MAX_SAFE_INTEGER,
      uSamplePairs: 200_000,
    })
    const threaded = await linkRecords(data.records, { today, inlinePairsBelow: 0, threads: 2, uSamplePairs: 200_000 })
    assert.deepEqual(threaded.personOf, inline.personOf)
    const saved = parseLinkageModel(JSON.parse(JSON.stringify(inline.model)))
    const again = await linkRecords(data.records, { today, model: saved })
    assert.deepEqual(again.personOf, inline.personOf)
    assert.ok(pairwiseAccuracy(inline.personOf, data.truth).f1 > 0.95)
  })

  it('keeps person ids stable when given the previous run', async () => {
    const data = generateSyntheticRecords({ records: 600, style: 'agencies', seed: 6 })
    const first = await linkRecords(data.records, { today })
    const previous = new Map(first.recordIds.map((id, r) => [id, first.personOf[r] as string]))
    const renamed = new Map([...previous].map(([id, person]) => [id, `old-${person}`]))
    const second = await linkRecords(data.records, { today, previousPersonIds: renamed })
    const byId = new Map(second.recordIds.map((id, r) => [id, second.personOf[r] as string]))
    for (const [id, person] of renamed) assert.equal(byId.get(id), person)
  })

  it('normalises the same way record by record and in bulk', () => {
    const data = generateSyntheticRecords({ records: 2000, style: 'agencies', seed: 8 })
    const context = { today, postcodeMode: 'uk' as const }
    const one = new RecordStore()
    const bulk = new RecordStore()
    const unparsedOne = Object.fromEntries(PARSED_COLUMNS.map(c => [c, 0])) as Record<ParsedColumn, number>
    const unparsedBulk = { ...unparsedOne }
    for (const record of data.records) {
      const normalised = normaliseRecord(record, context)
      for (const column of normalised.unparsed) unparsedOne[column]++
      one.add(normalised)
      bulk.addSource(record, context, unparsedBulk)
    }
    assert.deepEqual(unparsedBulk, unparsedOne)
    for (const column of [
      'g0',
      'g1',
      'fam',
      'f0',
      'f1',
      'dob',
      'sex',
      'pcUnit',
      'pcDistrict',
      'addr',
      'addrStreet',
      'nhs',
      'nhsReliable',
      'upn',
      'email',
      'phone',
    ] as const) {
      assert.deepEqual(bulk.view[column].subarray(0, bulk.size), one.view[column].subarray(0, one.size), column)
    }
  })
})
