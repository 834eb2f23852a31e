import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { pairwiseAccuracy, pairwiseAccuracyTouching, type PairwiseAccuracy } from './accuracy.ts'
import { linkRecords } from './link-batch.ts'
import { CORRUPTIONS, generateSyntheticRecords, type Corruption, type SyntheticStyle } from './synthetic-records.ts'

/**
 * The accuracy harness: generated records with known truth and realistic corruptions (reference/linkage.md §5),
 * linked at the default threshold, with pairwise precision, recall and F1 overall and for the pairs touching
 * each kind of corruption. The floors sit a little under the figures measured when they were set (recorded in
 * docs/benchmarks.md), so that a change that makes linking worse fails here.
 */

type Floors = { overall: [number, number, number]; byCorruption: Partial<Record<Corruption, [number, number, number]>> }

const FLOORS: Record<SyntheticStyle, Floors> = {
  agencies: {
    overall: [0.98, 0.95, 0.965],
    byCorruption: {
      nickname: [0.97, 0.91, 0.94],
      'given-variant': [0.97, 0.89, 0.93],
      'given-typo': [0.97, 0.93, 0.95],
      'known-by-middle-name': [0.93, 0.48, 0.64],
      'names-swapped': [0.96, 0.92, 0.94],
      'family-typo': [0.96, 0.95, 0.96],
      'family-changed': [0.96, 0.92, 0.94],
      'double-barrel-part': [0.97, 0.94, 0.96],
      'dob-day-month-swapped': [0.97, 0.97, 0.97],
      'dob-typo': [0.96, 0.93, 0.95],
      'dob-missing': [0.95, 0.93, 0.94],
      moved: [0.97, 0.94, 0.96],
      'postcode-typo': [0.97, 0.94, 0.96],
      'postcode-missing': [0.96, 0.95, 0.96],
      'nhs-mistyped': [0.97, 0.94, 0.96],
      'sex-missing': [0.97, 0.94, 0.96],
      'unparseable-value': [0.92, 0.96, 0.94],
    },
  },
  febrl: {
    overall: [0.97, 0.92, 0.945],
    byCorruption: {
      nickname: [0.97, 0.9, 0.94],
      'given-typo': [0.97, 0.92, 0.94],
      'placeholder-given': [0.97, 0.9, 0.93],
      'names-swapped': [0.97, 0.82, 0.89],
      'family-typo': [0.97, 0.94, 0.96],
      'dob-typo': [0.96, 0.91, 0.94],
      'dob-missing': [0.97, 0.88, 0.92],
      moved: [0.97, 0.92, 0.945],
      'postcode-typo': [0.97, 0.91, 0.94],
    },
  },
  historical: {
    overall: [0.97, 0.87, 0.92],
    byCorruption: {
      nickname: [0.97, 0.8, 0.88],
      'given-typo': [0.97, 0.79, 0.87],
      'family-typo': [0.97, 0.82, 0.89],
      'dob-day-month-swapped': [0.95, 0.93, 0.94],
      'dob-typo': [0.97, 0.86, 0.91],
      'dob-missing': [0.96, 0.83, 0.89],
      moved: [0.97, 0.86, 0.91],
      'postcode-missing': [0.96, 0.84, 0.9],
    },
  },
}

const SIZES: Record<SyntheticStyle, number> = { agencies: 12_000, febrl: 5_000, historical: 8_000 }

const format = (a: PairwiseAccuracy) =>
  `P ${a.precision.toFixed(3)}  R ${a.recall.toFixed(3)}  F1 ${a.f1.toFixed(3)}  (${a.truePairs} true pairs)`

function check(what: string, accuracy: PairwiseAccuracy, [precision, recall, f1]: [number, number, number]): void {
  assert.ok(accuracy.precision >= precision, `${what}: precision ${accuracy.precision.toFixed(4)} < ${precision}`)
  assert.ok(accuracy.recall >= recall, `${what}: recall ${accuracy.recall.toFixed(4)} < ${recall}`)
  assert.ok(accuracy.f1 >= f1, `${what}: F1 ${accuracy.f1.toFixed(4)} < ${f1}`)
}

describe('accuracy harness on generated records with known truth', () => {
  for (const style of ['agencies', 'febrl', 'historical'] as const) {
    it(`links ${style}-style records above the floors, overall and for each kind of corruption`, async t => {
      const data = generateSyntheticRecords({ records: SIZES[style], style, seed: 1 })
      const result = await linkRecords(data.records, { today: 20260101 })
      const overall = pairwiseAccuracy(result.personOf, data.truth)
      t.diagnostic(`${style} overall: ${format(overall)}`)
      check(`${style} overall`, overall, FLOORS[style].overall)
      for (const corruption of CORRUPTIONS) {
        const accuracy = pairwiseAccuracyTouching(result.personOf, data.truth, r =>
          (data.corruptions[r] as Corruption[]).includes(corruption),
        )
        if (accuracy.truePairs === 0) continue
        t.diagnostic(`${style} ${corruption}: ${format(accuracy)}`)
        const floor = FLOORS[style].byCorruption[corruption]
        if (floor) check(`${style} ${corruption}`, accuracy, floor)
      }
    })
  }

  it('never puts twins together in the generated data', async () => {
    const data = generateSyntheticRecords({ records: SIZES.agencies, style: 'agencies', seed: 2 })
    const result = await linkRecords(data.records, { today: 20260101 })
    const personsOf = new Map<number, Set<string>>()
    data.truth.forEach((person, r) => {
      const set = personsOf.get(person) ?? new Set<string>()
      set.add(result.personOf[r] as string)
      personsOf.set(person, set)
    })
    const twins = data.twins.length
    let merged = 0
    for (const [a, b] of data.twins) {
      const ofA = personsOf.get(a) ?? new Set<string>()
      if ([...(personsOf.get(b) ?? [])].some(id => ofA.has(id))) merged++
    }
    assert.ok(twins > 5, `expected some twins in the generated data, found ${twins}`)
    assert.equal(merged, 0, `${merged} of ${twins} twin pairs were merged`)
  })

  it('computes pairwise accuracy from clusters', () => {
    const a = pairwiseAccuracy(['p', 'p', 'q', 'q'], [1, 1, 1, 2])
    assert.deepEqual(a, { truePairs: 3, predictedPairs: 2, correctPairs: 1, precision: 0.5, recall: 1 / 3, f1: 0.4 })
    const touching = pairwiseAccuracyTouching(['p', 'p', 'q', 'q'], [1, 1, 1, 2], r => r === 3)
    assert.equal(touching.truePairs, 0)
    assert.equal(touching.predictedPairs, 1)
  })
})
