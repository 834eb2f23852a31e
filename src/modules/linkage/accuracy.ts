/**
 * Pairwise accuracy against known truth: a pair of records is a true match when both have the same true entity,
 * and predicted when both are in the same cluster. Counted from cluster sizes (no pair enumeration), so it is
 * exact and fast at a million records.
 */

export type PairwiseAccuracy = {
  truePairs: number
  predictedPairs: number
  correctPairs: number
  precision: number
  recall: number
  f1: number
}

const choose2 = (k: number) => (k * (k - 1)) / 2

export function pairwiseAccuracy(
  predicted: ArrayLike<string | number>,
  truth: ArrayLike<string | number>,
): PairwiseAccuracy {
  const n = predicted.length
  const byPredicted = new Map<string | number, number>()
  const byTruth = new Map<string | number, number>()
  const byBoth = new Map<string, number>()
  for (let r = 0; r < n; r++) {
    const p = predicted[r] as string | number
    const t = truth[r] as string | number
    byPredicted.set(p, (byPredicted.get(p) ?? 0) + 1)
    byTruth.set(t, (byTruth.get(t) ?? 0) + 1)
    const key = `${p}\u0000${t}`
    byBoth.set(key, (byBoth.get(key) ?? 0) + 1)
  }
  let predictedPairs = 0
  for (const k of byPredicted.values()) predictedPairs += choose2(k)
  let truePairs = 0
  for (const k of byTruth.values()) truePairs += choose2(k)
  let correctPairs = 0
  for (const k of byBoth.values()) correctPairs += choose2(k)
  return summarise(truePairs, predictedPairs, correctPairs)
}

export function summarise(truePairs: number, predictedPairs: number, correctPairs: number): PairwiseAccuracy {
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 }
}

/**
 * Accuracy on the pairs that involve at least one record in `subset` (for example, the records that suffered one
 * kind of corruption): precision over predicted pairs touching the subset, recall over true pairs touching it.
 */
export function pairwiseAccuracyTouching(
  predicted: ArrayLike<string | number>,
  truth: ArrayLike<string | number>,
  inSubset: (record: number) => boolean,
): PairwiseAccuracy {
  type Cell = { all: number; marked: number }
  const count = (map: Map<string, Cell>, key: string, marked: boolean) => {
    const cell = map.get(key) ?? { all: 0, marked: 0 }
    cell.all++
    if (marked) cell.marked++
    map.set(key, cell)
  }
  const byPredicted = new Map<string, Cell>()
  const byTruth = new Map<string, Cell>()
  const byBoth = new Map<string, Cell>()
  for (let r = 0; r < predicted.length; r++) {
    const marked = inSubset(r)
    const p = String(predicted[r])
    const t = String(truth[r])
    count(byPredicted, p, marked)
    count(byTruth, t, marked)
    count(byBoth, `${p}\u0000${t}`, marked)
  }
  // Pairs with at least one marked record: all pairs minus pairs of unmarked records.
  const touching = (map: Map<string, Cell>) => {
    let sum = 0
    for (const { all, marked } of map.values()) sum += choose2(all) - choose2(all - marked)
    return sum
  }
  return summarise(touching(byTruth), touching(byPredicted), touching(byBoth))
}
