/**
 * Jaro and Jaro-Winkler similarity, pinned so that match weights are reproducible:
 * - the match window is floor(max(|a|, |b|) / 2) - 1 (at least 0);
 * - transpositions are half the number of matched characters that are out of order;
 * - Winkler's boost uses prefix scale 0.1 over at most 4 common leading characters, and is applied only when
 *   the Jaro similarity exceeds 0.7 (Winkler's boost threshold, as in rapidfuzz and DuckDB).
 * Two empty strings are identical (1); one empty string against a non-empty one scores 0.
 * No allocation per call: the match flags live in buffers that grow to the longest string seen.
 */

let flagsA = new Uint8Array(64)
let flagsB = new Uint8Array(64)

function ensureCapacity(length: number): void {
  if (length <= flagsA.length) return
  const size = Math.max(length, flagsA.length * 2)
  flagsA = new Uint8Array(size)
  flagsB = new Uint8Array(size)
}

export function jaro(a: string, b: string): number {
  const la = a.length
  const lb = b.length
  if (la === 0 && lb === 0) return 1
  if (la === 0 || lb === 0) return 0
  if (a === b) return 1
  ensureCapacity(Math.max(la, lb))
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1)
  flagsA.fill(0, 0, la)
  flagsB.fill(0, 0, lb)
  let matches = 0
  for (let i = 0; i < la; i++) {
    const from = i > window ? i - window : 0
    const to = Math.min(i + window + 1, lb)
    const c = a.charCodeAt(i)
    for (let j = from; j < to; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1
        flagsB[j] = 1
        matches++
        break
      }
    }
  }
  if (matches === 0) return 0
  let outOfOrder = 0
  let k = 0
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue
    while (flagsB[k] === 0) k++
    if (a.charCodeAt(i) !== b.charCodeAt(k)) outOfOrder++
    k++
  }
  const m = matches
  return (m / la + m / lb + (m - outOfOrder / 2) / m) / 3
}

export const WINKLER_PREFIX_SCALE = 0.1
export const WINKLER_MAX_PREFIX = 4
export const WINKLER_BOOST_THRESHOLD = 0.7

export function jaroWinkler(a: string, b: string): number {
  const similarity = jaro(a, b)
  if (similarity <= WINKLER_BOOST_THRESHOLD) return similarity
  const limit = Math.min(WINKLER_MAX_PREFIX, a.length, b.length)
  let prefix = 0
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return similarity + prefix * WINKLER_PREFIX_SCALE * (1 - similarity)
}
