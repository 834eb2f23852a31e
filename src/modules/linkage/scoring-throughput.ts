import { PATTERN_COUNT } from './comparisons.ts'
import { generateCandidates } from './blocking.ts'
import { defaultLinkageModel } from './default-model.ts'
import { buildScoringTables } from './fellegi-sunter.ts'
import type { LinkageModel } from './linkage-model.schema.ts'
import { PARSED_COLUMNS, type ParsedColumn, type SourceRecord } from './normalise-record.ts'
import { comparePairs, weighPairs } from './pair-scoring.ts'
import { RecordStore } from './record-store.ts'

/**
 * How fast one core scores candidate pairs: comparison vector, pattern weight and term-frequency adjustments,
 * the per-pair work of a batch run, on the calling thread only. For benchmarks.
 */
export type ScoringThroughput = { records: number; pairs: number; seconds: number; pairsPerSecond: number }

export function measureScoringThroughput(
  records: readonly SourceRecord[],
  options: { maxPairs?: number; model?: LinkageModel; today?: number } = {},
): ScoringThroughput {
  const store = new RecordStore({ expectedRecords: records.length })
  const unparsed = Object.fromEntries(PARSED_COLUMNS.map(column => [column, 0])) as Record<ParsedColumn, number>
  const context = { today: options.today ?? 20991231, postcodeMode: 'uk' as const }
  for (const record of records) store.addSource(record, context, unparsed)
  store.releaseCaches()
  const candidates = generateCandidates(store.view)
  const count = Math.min(candidates.count, options.maxPairs ?? 5_000_000)
  const tables = buildScoringTables(options.model ?? defaultLinkageModel())
  const codes = new Int32Array(count)
  const weights = new Float32Array(count)
  const patternCounts = new Float64Array(PATTERN_COUNT)
  // One warm-up pass over a slice, so that the timed pass runs optimised code.
  const warm = Math.min(count, 100_000)
  comparePairs(store.view, candidates.left, candidates.right, 0, warm, codes, patternCounts)
  weighPairs(tables, store.view, candidates.left, candidates.right, codes, 0, warm, weights)
  const started = performance.now()
  comparePairs(store.view, candidates.left, candidates.right, 0, count, codes, patternCounts)
  weighPairs(tables, store.view, candidates.left, candidates.right, codes, 0, count, weights)
  const seconds = (performance.now() - started) / 1000
  return { records: records.length, pairs: count, seconds, pairsPerSecond: count / seconds }
}
