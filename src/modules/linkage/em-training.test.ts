import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  COMPARISON_NAMES,
  encodeLevels,
  F_DOB,
  F_FAMILY,
  F_GIVEN,
  F_LOCATION,
  FIELD_COUNT,
  PATTERN_COUNT,
} from './comparisons.ts'
import { defaultLinkageModel } from './default-model.ts'
import { estimateLambda, trainM } from './em-training.ts'
import { seededRandom } from './seeded-random.ts'

const model = defaultLinkageModel()
const defaultM = COMPARISON_NAMES.map(name => model.comparisons[name].levels.map(level => level.m))
const defaultU = COMPARISON_NAMES.map(name => model.comparisons[name].levels.map(level => level.u))

/** Draw a level (1-based) from probabilities over levels 1.. */
function draw(probabilities: number[], random: () => number): number {
  let u = random()
  for (let i = 0; i < probabilities.length; i++) {
    u -= probabilities[i] as number
    if (u <= 0) return i + 1
  }
  return probabilities.length
}

describe('EM training of m', () => {
  it('recovers m from pairs drawn from a known model, without labels', () => {
    const random = seededRandom(3)
    const trueM = defaultM.map(row => [...row])
    trueM[F_GIVEN] = [0.7, 0.1, 0.06, 0.04, 0.04, 0.02, 0.04]
    trueM[F_DOB] = [0.8, 0.04, 0.08, 0.04, 0.02, 0.02]
    const counts = new Float64Array(PATTERN_COUNT)
    const levels = new Uint8Array(FIELD_COUNT)
    // Candidate pairs: matches, and non-matches that share a date of birth or a given name (as blocking makes them).
    for (let k = 0; k < 60_000; k++) {
      const match = k % 3 === 0
      for (let f = 0; f < FIELD_COUNT; f++) levels[f] = draw((match ? trueM : defaultU)[f] as number[], random)
      if (!match && k % 2 === 0) levels[F_DOB] = 1
      if (!match && k % 2 === 1) levels[F_GIVEN] = 1
      const code = encodeLevels(levels)
      counts[code] = (counts[code] as number) + 1
    }
    const result = trainM(counts, defaultU, defaultM)
    for (const f of [F_GIVEN, F_FAMILY, F_DOB]) {
      assert.ok(result.trained[f], `${COMPARISON_NAMES[f]} trained`)
      ;(result.m[f] as number[]).forEach((m, i) => {
        assert.ok(
          Math.abs(m - ((trueM[f] as number[])[i] as number)) < 0.02,
          `${COMPARISON_NAMES[f]} level ${i + 1}: ${m} against ${(trueM[f] as number[])[i]}`,
        )
      })
    }
  })

  it('does not learn that brothers and sisters are the same person', () => {
    const random = seededRandom(5)
    const counts = new Float64Array(PATTERN_COUNT)
    const levels = new Uint8Array(FIELD_COUNT)
    for (let k = 0; k < 40_000; k++) {
      const match = k % 4 === 0
      for (let f = 0; f < FIELD_COUNT; f++) levels[f] = draw((match ? defaultM : defaultU)[f] as number[], random)
      if (!match) {
        // Siblings: same surname and address, different given name and date of birth.
        levels[F_FAMILY] = 1
        levels[F_LOCATION] = 3
        levels[F_GIVEN] = 7
        levels[F_DOB] = 6
      }
      const code = encodeLevels(levels)
      counts[code] = (counts[code] as number) + 1
    }
    const result = trainM(counts, defaultU, defaultM)
    const givenDifferent = (result.m[F_GIVEN] as number[])[6] as number
    const dobDifferent = (result.m[F_DOB] as number[])[5] as number
    assert.ok(givenDifferent < 0.1, `m(given different) = ${givenDifferent}`)
    assert.ok(dobDifferent < 0.1, `m(date of birth different) = ${dobDifferent}`)
  })

  it('keeps the defaults for a field it has no data on', () => {
    const counts = new Float64Array(PATTERN_COUNT)
    const levels = new Uint8Array(FIELD_COUNT)
    levels[F_GIVEN] = 1
    levels[F_DOB] = 1
    counts[encodeLevels(levels)] = 1000
    const result = trainM(counts, defaultU, defaultM)
    assert.equal(result.trained[F_LOCATION], false)
    assert.deepEqual(result.m[F_LOCATION], defaultM[F_LOCATION])
  })

  it('estimates λ as the share of all pairs that the candidate weights say are matches', () => {
    // 100 certain matches among 1,000,000 pairs.
    const weights = new Float32Array(200)
    weights.fill(60, 0, 100)
    weights.fill(-60, 100)
    const lambda = estimateLambda(weights, 200, 1_000_000, 1e-3)
    assert.ok(Math.abs(lambda - 1e-4) < 1e-6, String(lambda))
  })
})
