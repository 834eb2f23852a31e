import { decodeLevels, encodeLevels, compareRecords, FIELD_COUNT } from './comparisons.ts'
import { tfTotal, type ScoringTables } from './fellegi-sunter.ts'
import type { StoreView } from './record-store.ts'

/**
 * The hot loops, shared by the main thread and the worker threads. A pair's comparison vector and flags are
 * packed into one integer (pattern code in the low 20 bits, flags above), so that counting patterns for EM and
 * weighing pairs afterwards need no further string work.
 */

export const CODE_BITS = 20
export const CODE_MASK = (1 << CODE_BITS) - 1

/** Compare pairs [from, to) and write their packed codes; optionally count each pattern. */
export function comparePairs(
  v: StoreView,
  left: Int32Array,
  right: Int32Array,
  from: number,
  to: number,
  codes: Int32Array,
  patternCounts?: Float64Array,
): void {
  const levels = new Uint8Array(FIELD_COUNT)
  for (let k = from; k < to; k++) {
    const flags = compareRecords(v, left[k] as number, right[k] as number, levels)
    const code = encodeLevels(levels)
    codes[k] = code | (flags << CODE_BITS)
    if (patternCounts) patternCounts[code] = (patternCounts[code] as number) + 1
  }
}

/** Weigh pairs [from, to) from their codes: pattern weight plus term-frequency adjustments (no prior). */
export function weighPairs(
  tables: ScoringTables,
  v: StoreView,
  left: Int32Array,
  right: Int32Array,
  codes: Int32Array,
  from: number,
  to: number,
  weights: Float32Array,
): void {
  const levels = new Uint8Array(FIELD_COUNT)
  const patternWeights = tables.patternWeights
  for (let k = from; k < to; k++) {
    const packed = codes[k] as number
    const code = packed & CODE_MASK
    decodeLevels(code, levels)
    weights[k] =
      (patternWeights[code] as number) +
      tfTotal(tables, v, left[k] as number, right[k] as number, levels, packed >>> CODE_BITS)
  }
}
