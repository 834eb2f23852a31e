import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { defaultLinkageModel } from './default-model.ts'
import { parseLinkageModel } from './linkage-model.schema.ts'

describe('saved linkage models', () => {
  it('round-trips the default model through JSON', () => {
    const model = defaultLinkageModel(new Date('2026-01-01T00:00:00Z'))
    assert.deepEqual(parseLinkageModel(JSON.parse(JSON.stringify(model))), model)
  })

  it('refuses another format version, levels that do not match this engine, and impossible thresholds', () => {
    const model = defaultLinkageModel()
    assert.throws(() => parseLinkageModel({ ...model, version: 2 }))
    const wrongLevels = structuredClone(model)
    wrongLevels.comparisons.given.levels.pop()
    assert.throws(() => parseLinkageModel(wrongLevels), /expected the levels/)
    assert.throws(
      () => parseLinkageModel({ ...model, thresholds: { link: 0.5, review: 0.9 } }),
      /must not be above the link threshold/,
    )
    assert.throws(() => parseLinkageModel({ ...model, probabilityTwoRandomRecordsMatch: 0 }))
  })
})
