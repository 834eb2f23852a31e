import {
  F_DOB,
  F_FAMILY,
  F_GIVEN,
  F_LOCATION,
  F_NHS,
  F_UPN,
  LOCATION_ADDRESS,
  LOCATION_CONTACT,
  LOCATION_CONTACT_AND_ADDRESS,
  LOCATION_POSTCODE,
} from './comparisons.ts'
import type { StoreView } from './record-store.ts'

/**
 * u for exact agreement, counted over people instead of records. Σ p² over records is the chance that two
 * records drawn at random agree, and when each person has several records that is mostly the chance that they
 * are the same person: for a postcode or an identifier nearly all of it. What the model needs is the chance that
 * two *different* people agree. So, once a first clustering has guessed who is who, each value is counted once
 * per person holding it, and u = Σ k(k − 1) / (P(P − 1)), k people holding a value out of P with the field.
 *
 * The same counting measures how far family name and address go together among different people (brothers and
 * sisters): `householdAdjustment` = log2(u_family · u_address / u_both) ≤ 0 is added to a pair that agrees on
 * both, so that a shared household is not counted as two independent coincidences.
 */

export type PersonLevelU = {
  /** By comparison index, then level. */
  exact: Map<number, Map<number, number>>
  householdAdjustment: number
}

const FLOOR = 1e-9

/**
 * The share of pairs of different people who share a value. `values(r)` gives record r's value as a small
 * non-negative integer (or -1); each value counts once per cluster. Typed arrays indexed by value, with a stamp
 * per value for "already counted in this cluster", keep this linear and allocation-free at a million records.
 */
function shareOfPairs(
  values: (r: number) => number,
  order: Int32Array,
  clusterStart: Int32Array,
  clusters: number,
): number {
  let holders = new Int32Array(1024)
  let stamp = new Int32Array(1024).fill(-1)
  let people = 0
  for (let c = 0; c < clusters; c++) {
    let any = false
    for (let k = clusterStart[c] as number; k < (clusterStart[c + 1] as number); k++) {
      const value = values(order[k] as number)
      if (value < 0) continue
      if (value >= holders.length) {
        const size = Math.max(value + 1, holders.length * 2)
        const grownHolders = new Int32Array(size)
        grownHolders.set(holders)
        holders = grownHolders
        const grownStamp = new Int32Array(size).fill(-1)
        grownStamp.set(stamp)
        stamp = grownStamp
      }
      if (stamp[value] === c) continue
      stamp[value] = c
      holders[value] = (holders[value] as number) + 1
      any = true
    }
    if (any) people++
  }
  if (people < 2) return 0
  let pairs = 0
  for (let value = 0; value < holders.length; value++) {
    const k = holders[value] as number
    if (k > 1) pairs += k * (k - 1)
  }
  return pairs / (people * (people - 1))
}

export function personLevelU(v: StoreView, clusterOf: Int32Array, clusters: number): PersonLevelU {
  const n = v.count
  const clusterStart = new Int32Array(clusters + 1)
  for (let r = 0; r < n; r++)
    clusterStart[(clusterOf[r] as number) + 1] = (clusterStart[(clusterOf[r] as number) + 1] as number) + 1
  for (let c = 0; c < clusters; c++) clusterStart[c + 1] = (clusterStart[c + 1] as number) + (clusterStart[c] as number)
  const fill = clusterStart.slice(0, clusters)
  const order = new Int32Array(n)
  for (let r = 0; r < n; r++) {
    const c = clusterOf[r] as number
    const at = fill[c] as number
    order[at] = r
    fill[c] = at + 1
  }
  const share = (values: (r: number) => number) => shareOfPairs(values, order, clusterStart, clusters)
  const exact = new Map<number, Map<number, number>>()
  const set = (field: number, level: number, u: number) => {
    let levels = exact.get(field)
    if (!levels) exact.set(field, (levels = new Map<number, number>()))
    levels.set(level, Math.max(u, FLOOR))
  }
  set(
    F_GIVEN,
    1,
    share(r => v.g0[r] as number),
  )
  const family = share(r => v.fam[r] as number)
  set(F_FAMILY, 1, family)
  set(
    F_DOB,
    1,
    share(r => v.dobId[r] as number),
  )
  const postcode = share(r => v.pcUnit[r] as number)
  const address = share(r => v.addr[r] as number)
  const contact = share(r => ((v.email[r] as number) >= 0 ? (v.email[r] as number) : (v.phone[r] as number)))
  set(F_LOCATION, LOCATION_CONTACT_AND_ADDRESS, contact * 0.8)
  set(F_LOCATION, LOCATION_CONTACT, contact * 0.2)
  set(F_LOCATION, LOCATION_ADDRESS, address)
  set(F_LOCATION, LOCATION_POSTCODE, Math.max(postcode - address, postcode * 0.1))
  set(
    F_NHS,
    1,
    share(r => ((v.nhsReliable[r] as number) === 1 ? (v.nhs[r] as number) : -1)),
  )
  set(
    F_NHS,
    2,
    share(r => ((v.nhsReliable[r] as number) === 0 ? (v.nhs[r] as number) : -1)),
  )
  set(
    F_UPN,
    1,
    share(r => ((v.upnReliable[r] as number) === 1 ? (v.upn[r] as number) : -1)),
  )
  set(
    F_UPN,
    2,
    share(r => ((v.upnReliable[r] as number) === 0 ? (v.upn[r] as number) : -1)),
  )

  // Family name and postcode together, as one value: a dense id per combination seen.
  const combinations = new Map<number, number>()
  const combined = new Int32Array(n).fill(-1)
  for (let r = 0; r < n; r++) {
    const f = v.fam[r] as number
    const p = v.pcUnit[r] as number
    if (f < 0 || p < 0) continue
    const key = f * 67_108_864 + p
    let id = combinations.get(key)
    if (id === undefined) combinations.set(key, (id = combinations.size))
    combined[r] = id
  }
  const both = share(r => combined[r] as number)
  const familyShare = share(r => ((v.pcUnit[r] as number) >= 0 ? (v.fam[r] as number) : -1))
  const postcodeShare = share(r => ((v.fam[r] as number) >= 0 ? (v.pcUnit[r] as number) : -1))
  const independent = familyShare * postcodeShare
  const householdAdjustment = both > independent && independent > 0 ? Math.max(-15, Math.log2(independent / both)) : 0
  return { exact, householdAdjustment }
}
