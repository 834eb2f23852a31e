import {
  COMPARISON_NAMES,
  F_DOB,
  F_FAMILY,
  F_GIVEN,
  F_LOCATION,
  F_NHS,
  F_UPN,
  FIELD_COUNT,
  LEVEL_COUNTS,
  LOCATION_ADDRESS,
  LOCATION_CONTACT,
  LOCATION_CONTACT_AND_ADDRESS,
  LOCATION_POSTCODE,
  PATTERN_COUNT,
  RADIX,
} from './comparisons.ts'
import type { LinkageModel } from './linkage-model.schema.ts'
import type { StoreView } from './record-store.ts'
import { seededRandom } from './seeded-random.ts'

/**
 * u probabilities: how often two records of different people fall in each level (reference/linkage.md §1.4).
 * Exact agreement on a field is worked out from the value counts (Σ p², the chance that two records drawn at
 * random share a value), which is exact and needs no luck with rare values; every other level is measured on
 * pairs of records drawn at random, which are almost all non-matches. A level never seen in the sample keeps a
 * small share based on the default model rather than a u of zero (an infinite weight).
 */

/** Per comparison, how many pairs fell in each level (index 0 = missing). */
export type LevelCounts = Float64Array[]

export function levelCountsFromPatterns(patternCounts: Float64Array): LevelCounts {
  const counts = LEVEL_COUNTS.map(n => new Float64Array(n))
  for (let code = 0; code < PATTERN_COUNT; code++) {
    const c = patternCounts[code] as number
    if (c === 0) continue
    for (let f = 0; f < FIELD_COUNT; f++) {
      const level = Math.floor(code / (RADIX[f] as number)) % (LEVEL_COUNTS[f] as number)
      const row = counts[f] as Float64Array
      row[level] = (row[level] as number) + c
    }
  }
  return counts
}

export type SampledPairs = { left: Int32Array; right: Int32Array; count: number; exhaustive: boolean }

/** Up to `maxPairs` distinct-record pairs drawn at random, or every pair when there are no more than that. */
export function sampleRandomPairs(n: number, maxPairs: number, seed = 1): SampledPairs {
  const all = (n * (n - 1)) / 2
  if (all <= maxPairs) {
    const left = new Int32Array(all)
    const right = new Int32Array(all)
    let k = 0
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        left[k] = i
        right[k] = j
        k++
      }
    }
    return { left, right, count: all, exhaustive: true }
  }
  const random = seededRandom(seed)
  const left = new Int32Array(maxPairs)
  const right = new Int32Array(maxPairs)
  for (let k = 0; k < maxPairs; k++) {
    const i = Math.floor(random() * n)
    let j = Math.floor(random() * (n - 1))
    if (j >= i) j++
    left[k] = i
    right[k] = j
  }
  return { left, right, count: maxPairs, exhaustive: false }
}

function sumOfSquares(counts: Int32Array | Iterable<number>, total: number): number {
  if (total === 0) return 0
  let sum = 0
  for (const c of counts) if (c > 0) sum += (c / total) * (c / total)
  return sum
}

function idShares(ids: Int32Array, n: number, filter?: (r: number) => boolean): { present: number; squares: number } {
  const counts = new Map<number, number>()
  let present = 0
  for (let r = 0; r < n; r++) {
    const id = ids[r] as number
    if (id < 0 || (filter && !filter(r))) continue
    present++
    counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  return { present, squares: sumOfSquares(counts.values(), present) }
}

/** u of the exact levels, from value counts. Keyed by comparison index, then level. */
export function exactAgreementU(v: StoreView): Map<number, Map<number, number>> {
  const n = v.count
  const result = new Map<number, Map<number, number>>()
  const set = (field: number, level: number, u: number) => {
    if (!(u > 0)) return
    let levels = result.get(field)
    if (!levels) result.set(field, (levels = new Map<number, number>()))
    levels.set(level, u)
  }
  set(F_GIVEN, 1, sumOfSquares(v.givenCount, v.totals.given))
  set(F_FAMILY, 1, sumOfSquares(v.familyCount, v.totals.family))
  set(F_DOB, 1, sumOfSquares(v.dobCount, v.totals.dob))

  // Location: which of address, postcode, email, phone each record has decides when a pair is comparable.
  const masks = new Float64Array(16)
  for (let r = 0; r < n; r++) {
    const mask =
      ((v.addr[r] as number) >= 0 ? 1 : 0) |
      ((v.pcUnit[r] as number) >= 0 ? 2 : 0) |
      ((v.email[r] as number) >= 0 ? 4 : 0) |
      ((v.phone[r] as number) >= 0 ? 8 : 0)
    masks[mask] = (masks[mask] as number) + 1
  }
  let comparable = 0
  for (let a = 1; a < 16; a++)
    for (let b = 1; b < 16; b++)
      if ((a & b) !== 0) comparable += ((masks[a] as number) / n) * ((masks[b] as number) / n)
  if (comparable > 0) {
    const share = (bit: number) => {
      let present = 0
      for (let m = 0; m < 16; m++) if ((m & bit) !== 0) present += masks[m] as number
      return (present / n) ** 2 / comparable
    }
    const address = share(1) * sumOfSquares(v.addrCount, v.totals.address)
    const postcode = share(2) * sumOfSquares(v.pcUnitCount, v.totals.postcode)
    const email = idShares(v.email, n)
    const phone = idShares(v.phone, n)
    // Random pairs that share a phone or email are mostly one household: most also share the address.
    const contact = share(4) * email.squares + share(8) * phone.squares
    set(F_LOCATION, LOCATION_CONTACT_AND_ADDRESS, contact * 0.8)
    set(F_LOCATION, LOCATION_CONTACT, contact * 0.2)
    set(F_LOCATION, LOCATION_ADDRESS, address)
    set(F_LOCATION, LOCATION_POSTCODE, Math.max(postcode - address, postcode * 0.1))
  }
  for (const [field, ids, reliable] of [
    [F_NHS, v.nhs, v.nhsReliable],
    [F_UPN, v.upn, v.upnReliable],
  ] as const) {
    const shares = identifierShares(v, ids, reliable)
    if (shares.present === 0) continue
    set(field, 1, shares.reliable)
    set(field, 2, shares.unreliable)
  }
  return result
}

/**
 * u of agreement on an identifier. Σ p² over records would count the same person's records agreeing with each
 * other (for an identifier that is nearly all of it), so values are counted by the distinct people holding them,
 * a person being told apart by date of birth (or, without one, by given name): u is the chance that two
 * different people share a value, with a floor for the keying errors no sample can show.
 */
function identifierShares(
  v: StoreView,
  ids: Int32Array,
  reliable: Uint8Array,
): { present: number; reliable: number; unreliable: number } {
  const holders = new Map<number, Set<number>>()
  const reliableValue = new Set<number>()
  let present = 0
  let reliableCount = 0
  for (let r = 0; r < v.count; r++) {
    const id = ids[r] as number
    if (id < 0) continue
    present++
    if (reliable[r] === 1) {
      reliableCount++
      reliableValue.add(id)
    }
    const who = (v.dob[r] as number) !== 0 ? (v.dob[r] as number) : -1 - (v.g0[r] as number)
    let set = holders.get(id)
    if (!set) holders.set(id, (set = new Set()))
    set.add(who)
  }
  let people = 0
  for (const set of holders.values()) people += set.size
  let sharedReliable = 0
  let sharedUnreliable = 0
  for (const [id, set] of holders) {
    if (set.size < 2) continue
    const pairs = (set.size * (set.size - 1)) / 2
    if (reliableValue.has(id)) sharedReliable += pairs
    else sharedUnreliable += pairs
  }
  const allPairs = Math.max(1, (people * (people - 1)) / 2)
  const reliableShare = present > 0 ? reliableCount / present : 0
  return {
    present,
    reliable: Math.max(sharedReliable / allPairs, IDENTIFIER_U_FLOOR * reliableShare ** 2, U_FLOOR),
    unreliable: Math.max(sharedUnreliable / allPairs, IDENTIFIER_U_FLOOR * (1 - reliableShare) ** 2, U_FLOOR),
  }
}

const IDENTIFIER_U_FLOOR = 1e-8
const U_FLOOR = 1e-12

/**
 * Combine exact-agreement u (from value counts) with the other levels' shares in a random sample. Returns u per
 * comparison for levels 1.., in model order.
 */
/** Pseudo-observations of the default model in u estimates, so that a tiny input does not give absurd u. */
const U_PRIOR_RECORDS = 100
const U_PRIOR_PAIRS = 100

export function estimateU(
  sample: LevelCounts,
  exact: ReadonlyMap<number, ReadonlyMap<number, number>>,
  defaults: LinkageModel,
  records = Number.POSITIVE_INFINITY,
): number[][] {
  return COMPARISON_NAMES.map((name, f) => {
    const counts = sample[f] as Float64Array
    const levels = LEVEL_COUNTS[f] as number
    const fallback = defaults.comparisons[name].levels.map(level => level.u)
    // Exact-agreement u from value counts, shrunk towards the default by U_PRIOR_RECORDS records' worth.
    const shrink = records / (records + U_PRIOR_RECORDS)
    const known = new Map<number, number>()
    for (const [level, value] of exact.get(f) ?? [])
      known.set(level, shrink * value + (1 - shrink) * (fallback[level - 1] as number))
    const knownTotal = Math.min(
      0.5,
      [...known.values()].reduce((a, b) => a + b, 0),
    )
    let sampled = 0
    let fallbackShare = 0
    for (let level = 1; level < levels; level++) {
      if (known.has(level)) continue
      sampled += counts[level] as number
      fallbackShare += fallback[level - 1] as number
    }
    const u: number[] = []
    for (let level = 1; level < levels; level++) {
      const exactU = known.get(level)
      if (exactU !== undefined) {
        u.push(Math.max(U_FLOOR, Math.min(exactU, 0.5)))
        continue
      }
      // Shrink towards the default shares with the weight of one sampled pair; a level never seen in the sample
      // is given half a pair's worth: the sample cannot tell a smaller u from zero.
      const prior = (fallback[level - 1] as number) / fallbackShare
      const share = Math.max(
        ((counts[level] as number) + U_PRIOR_PAIRS * prior) / (sampled + U_PRIOR_PAIRS),
        0.5 / (sampled + 1),
      )
      u.push(Math.max(U_FLOOR, share * (1 - knownTotal)))
    }
    const total = u.reduce((a, b) => a + b, 0)
    return u.map(x => Math.min(x / total, 1 - 1e-9))
  })
}
