import {
  COMPARISONS,
  COMPARISON_NAMES,
  F_DOB,
  F_FAMILY,
  F_GIVEN,
  F_LOCATION,
  FIELD_COUNT,
  FLAG_NAMES_SWAPPED,
  FLAG_NHS_CONFLICT,
  FLAG_TWINS,
  LEVEL_COUNTS,
  LOCATION_ADDRESS,
  LOCATION_CONTACT,
  LOCATION_CONTACT_AND_ADDRESS,
  LOCATION_POSTCODE,
  PATTERN_COUNT,
  RADIX,
  compareRecords,
  sharedContact,
  type ComparisonName,
} from './comparisons.ts'
import type { LinkageModel } from './linkage-model.schema.ts'
import type { StoreView } from './record-store.ts'

/**
 * Fellegi–Sunter scoring (reference/linkage.md §1.1, §1.3). A pair's match weight is the prior log-odds
 * log2(λ / (1 − λ)) plus, for each comparison, log2(m / u) of the level the pair falls in, plus a
 * term-frequency adjustment on exact agreements: log2(u_exact) − log2(max(tf, tfMinimumU)), where tf is how
 * common the shared value is in the data. So agreeing on "Smith" counts for less than agreeing on "Ostrowski".
 * Every term is kept, so each weight explains itself field by field (Splink's waterfall).
 */

export const log2 = Math.log2

export function probabilityFromWeight(weight: number): number {
  return 1 / (1 + 2 ** -weight)
}

export function weightFromProbability(probability: number): number {
  return log2(probability / (1 - probability))
}

/**
 * Everything needed to weigh pairs quickly: a weight per level and per pattern. Term-frequency adjustments are
 * worked out per pair from the store's live value counts, so an online index that keeps growing never has a
 * stale table.
 */
export type ScoringTables = {
  /** log2(λ / (1 − λ)). */
  prior: number
  /** Weight of each level, comparison by comparison: levelWeights[offsets[f] + level]; level 0 weighs 0. */
  levelWeights: Float64Array
  offsets: Int32Array
  /** Sum of level weights for every pattern code, with the household adjustment (no prior, no term frequencies). */
  patternWeights: Float64Array
  householdAdjustment: number
  /** log2(u) of the exact levels that carry term-frequency adjustments. */
  tfBase: {
    given: number
    family: number
    dob: number
    contactAndAddress: number
    contact: number
    address: number
    postcode: number
  }
  tfMinimumU: number
  /** False to leave term frequencies out (scoring two records with no population behind them). */
  useTermFrequencies: boolean
}

/** Family name and address (or postcode, or contact) both agree: what siblings have in common. */
export function sameHousehold(levels: Uint8Array): boolean {
  const family = levels[F_FAMILY] as number
  const location = levels[F_LOCATION] as number
  return (family === 1 || family === 2) && location >= 1 && location <= LOCATION_POSTCODE
}

export function levelWeight(m: number, u: number): number {
  return log2(m / u)
}

export function buildScoringTables(model: LinkageModel): ScoringTables {
  const offsets = new Int32Array(FIELD_COUNT)
  const levelWeights = new Float64Array(LEVEL_COUNTS.reduce((a, b) => a + b, 0))
  let offset = 0
  COMPARISON_NAMES.forEach((name, f) => {
    offsets[f] = offset
    model.comparisons[name].levels.forEach((level, i) => {
      levelWeights[offset + i + 1] = levelWeight(level.m, level.u)
    })
    offset += LEVEL_COUNTS[f] as number
  })
  const patternWeights = new Float64Array(PATTERN_COUNT)
  const levels = new Uint8Array(FIELD_COUNT)
  for (let code = 0; code < PATTERN_COUNT; code++) {
    let sum = 0
    for (let f = 0; f < FIELD_COUNT; f++) {
      const level = Math.floor(code / (RADIX[f] as number)) % (LEVEL_COUNTS[f] as number)
      levels[f] = level
      sum += levelWeights[(offsets[f] as number) + level] as number
    }
    if (sameHousehold(levels)) sum += model.householdAdjustment
    patternWeights[code] = sum
  }
  const uOf = (name: ComparisonName, level: number) => (model.comparisons[name].levels[level - 1] as { u: number }).u
  return {
    prior: weightFromProbability(model.probabilityTwoRandomRecordsMatch),
    levelWeights,
    offsets,
    patternWeights,
    householdAdjustment: model.householdAdjustment,
    tfBase: {
      given: log2(uOf('given', 1)),
      family: log2(uOf('family', 1)),
      dob: log2(uOf('dateOfBirth', 1)),
      contactAndAddress: log2(uOf('location', LOCATION_CONTACT_AND_ADDRESS)),
      contact: log2(uOf('location', LOCATION_CONTACT)),
      address: log2(uOf('location', LOCATION_ADDRESS)),
      postcode: log2(uOf('location', LOCATION_POSTCODE)),
    },
    tfMinimumU: model.tfMinimumU,
    useTermFrequencies: true,
  }
}

/**
 * Pseudo-records of prior: a value's frequency is (count + TF_PRIOR · u) / (total + TF_PRIOR), so that in a small
 * population (a handful of records, or a new index) a value seen once is not taken to be rare or common on so
 * little evidence; from a few thousand records on the data speak for themselves.
 */
export const TF_PRIOR = 100

function tf(base: number, count: number, total: number, minimum: number): number {
  const frequency = (count + TF_PRIOR * 2 ** base) / (total + TF_PRIOR)
  return base - log2(Math.max(frequency, minimum))
}

/**
 * The term-frequency adjustment of one comparison for a pair at `level`, or 0. With it, an exact agreement
 * weighs log2(m / max(tf, tfMinimumU)) in all: the level's own u cancels out.
 */
export function tfAdjustment(
  t: ScoringTables,
  v: StoreView,
  i: number,
  j: number,
  field: number,
  level: number,
  flags: number,
): number {
  if (!t.useTermFrequencies) return 0
  const min = t.tfMinimumU
  if (field === F_GIVEN) {
    return level === 1 && (flags & FLAG_NAMES_SWAPPED) === 0
      ? tf(t.tfBase.given, v.givenCount[v.g0[i] as number] as number, v.totals.given, min)
      : 0
  }
  if (field === F_FAMILY) {
    return level === 1 && (flags & FLAG_NAMES_SWAPPED) === 0
      ? tf(t.tfBase.family, v.familyCount[v.fam[i] as number] as number, v.totals.family, min)
      : 0
  }
  if (field === F_DOB)
    return level === 1 ? tf(t.tfBase.dob, v.dobCount[v.dobId[i] as number] as number, v.totals.dob, min) : 0
  if (field !== F_LOCATION) return 0
  switch (level) {
    case LOCATION_CONTACT_AND_ADDRESS:
    case LOCATION_CONTACT: {
      const id = sharedContact(v, i, j)
      const total = v.email[i] === id ? v.totals.email : v.totals.phone
      const base = level === LOCATION_CONTACT ? t.tfBase.contact : t.tfBase.contactAndAddress
      return tf(base, v.contactCount[id] as number, total, min)
    }
    case LOCATION_ADDRESS:
      return tf(t.tfBase.address, v.addrCount[v.addr[i] as number] as number, v.totals.address, min)
    case LOCATION_POSTCODE:
      return tf(t.tfBase.postcode, v.pcUnitCount[v.pcUnit[i] as number] as number, v.totals.postcode, min)
    default:
      return 0
  }
}

/** Sum of term-frequency adjustments for a pair whose levels are in `levels`. */
export function tfTotal(
  t: ScoringTables,
  v: StoreView,
  i: number,
  j: number,
  levels: Uint8Array,
  flags: number,
): number {
  let sum = 0
  if (levels[F_GIVEN] === 1) sum += tfAdjustment(t, v, i, j, F_GIVEN, 1, flags)
  if (levels[F_FAMILY] === 1) sum += tfAdjustment(t, v, i, j, F_FAMILY, 1, flags)
  if (levels[F_DOB] === 1) sum += tfAdjustment(t, v, i, j, F_DOB, 1, flags)
  const location = levels[F_LOCATION] as number
  if (location >= 1 && location <= LOCATION_POSTCODE) sum += tfAdjustment(t, v, i, j, F_LOCATION, location, flags)
  return sum
}

export type ComparisonExplanation = {
  comparison: ComparisonName
  label: string
  level: number
  levelLabel: string
  /** log2(m / u) of the level (0 when missing). */
  weight: number
  /** Term-frequency adjustment (0 unless the level is an exact agreement on a field with term frequencies). */
  tfAdjustment: number
  m: number | undefined
  u: number | undefined
}

export type PairDecision = 'link' | 'review' | 'no-link'

export type PairScore = {
  /** Total match weight in bits: prior + comparisons + term-frequency adjustments + household adjustment. */
  matchWeight: number
  matchProbability: number
  prior: number
  /** Bits taken off because family name and address agree together, as they do for siblings (0 otherwise). */
  householdAdjustment: number
  comparisons: ComparisonExplanation[]
  namesSwapped: boolean
  possibleTwins: boolean
  conflictingNhsNumbers: boolean
  /** At or above the link threshold and no safety guard: link. Guarded pairs and the grey band: review. */
  decision: PairDecision
}

/** Why a pair scored what it did, comparison by comparison: the waterfall a reviewer sees. */
export function explainPair(model: LinkageModel, tables: ScoringTables, v: StoreView, i: number, j: number): PairScore {
  const levels = new Uint8Array(FIELD_COUNT)
  const flags = compareRecords(v, i, j, levels)
  const comparisons = COMPARISON_NAMES.map((name, f): ComparisonExplanation => {
    const level = levels[f] as number
    const parameters = level === 0 ? undefined : model.comparisons[name].levels[level - 1]
    return {
      comparison: name,
      label: COMPARISONS[name].label,
      level,
      levelLabel: COMPARISONS[name].levels[level] as string,
      weight: tables.levelWeights[(tables.offsets[f] as number) + level] as number,
      tfAdjustment: tfAdjustment(tables, v, i, j, f, level, flags),
      m: parameters?.m,
      u: parameters?.u,
    }
  })
  const householdAdjustment = sameHousehold(levels) ? tables.householdAdjustment : 0
  const matchWeight = comparisons.reduce(
    (sum, c) => sum + c.weight + c.tfAdjustment,
    tables.prior + householdAdjustment,
  )
  const matchProbability = probabilityFromWeight(matchWeight)
  const guarded = (flags & (FLAG_TWINS | FLAG_NHS_CONFLICT)) !== 0
  const decision: PairDecision =
    matchProbability >= model.thresholds.link && !guarded
      ? 'link'
      : matchProbability >= model.thresholds.review
        ? 'review'
        : 'no-link'
  return {
    matchWeight,
    matchProbability,
    prior: tables.prior,
    householdAdjustment,
    comparisons,
    namesSwapped: (flags & FLAG_NAMES_SWAPPED) !== 0,
    possibleTwins: (flags & FLAG_TWINS) !== 0,
    conflictingNhsNumbers: (flags & FLAG_NHS_CONFLICT) !== 0,
    decision,
  }
}
