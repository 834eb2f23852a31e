/**
 * Optimal string alignment distance (Damerau-Levenshtein where a transposition of two adjacent characters counts
 * as one edit and no substring is edited twice). `max` bounds the work: once every cell of a row exceeds it, the
 * answer is `max + 1`, which is all a comparison level ("at most one edit") needs to know.
 * No allocation per call once the row buffers have grown to the longest string seen.
 */

let previous2 = new Int32Array(32)
let previous = new Int32Array(32)
let current = new Int32Array(32)

export function damerauLevenshtein(a: string, b: string, max = Number.MAX_SAFE_INTEGER): number {
  if (a === b) return 0
  let la = a.length
  let lb = b.length
  if (Math.abs(la - lb) > max) return max + 1
  // Common prefix and suffix cannot change the distance.
  let start = 0
  while (start < la && start < lb && a.charCodeAt(start) === b.charCodeAt(start)) start++
  while (la > start && lb > start && a.charCodeAt(la - 1) === b.charCodeAt(lb - 1)) {
    la--
    lb--
  }
  const n = la - start
  const m = lb - start
  if (n === 0) return Math.min(m, max + 1)
  if (m === 0) return Math.min(n, max + 1)
  if (m + 1 > current.length) {
    const size = Math.max(m + 1, current.length * 2)
    previous2 = new Int32Array(size)
    previous = new Int32Array(size)
    current = new Int32Array(size)
  }
  for (let j = 0; j <= m; j++) previous[j] = j
  for (let i = 1; i <= n; i++) {
    current[0] = i
    let rowMin = i
    const ca = a.charCodeAt(start + i - 1)
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(start + j - 1)
      const cost = ca === cb ? 0 : 1
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      )
      if (i > 1 && j > 1 && ca === b.charCodeAt(start + j - 2) && a.charCodeAt(start + i - 2) === cb) {
        value = Math.min(value, (previous2[j - 2] as number) + 1)
      }
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > max) return max + 1
    const spare = previous2
    previous2 = previous
    previous = current
    current = spare
  }
  return Math.min(previous[m] as number, max + 1)
}

/**
 * True when a and b are at most one edit apart (one substitution, insertion, deletion, or swap of two adjacent
 * characters): the same answer as damerauLevenshtein(a, b, 1) <= 1, in one pass with no table.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length
  const lb = b.length
  if (la === lb) {
    let i = 0
    while (i < la && a.charCodeAt(i) === b.charCodeAt(i)) i++
    if (i >= la - 1) return true
    // First difference at i: a substitution, or a transposition of i and i + 1.
    let j = i + 1
    if (a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i)) j = i + 2
    for (; j < la; j++) if (a.charCodeAt(j) !== b.charCodeAt(j)) return false
    return true
  }
  if (la === lb + 1) return oneDeletion(a, b)
  if (lb === la + 1) return oneDeletion(b, a)
  return false
}

/** long is short with one character inserted somewhere. */
function oneDeletion(long: string, short: string): boolean {
  let i = 0
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++
  for (let j = i; j < short.length; j++) if (long.charCodeAt(j + 1) !== short.charCodeAt(j)) return false
  return true
}
