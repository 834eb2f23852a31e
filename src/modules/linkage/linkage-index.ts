import {
  createCompactor,
  DEFAULT_BLOCKING_RULES,
  DEFAULT_MAX_BLOCK_SIZE,
  NO_KEY,
  type BlockingRule,
  type KeyCompactor,
} from './blocking.ts'
import { defaultLinkageModel } from './default-model.ts'
import { buildScoringTables, explainPair, type PairScore, type ScoringTables } from './fellegi-sunter.ts'
import type { LinkageModel } from './linkage-model.schema.ts'
import { todayAsNumber } from './normalise-date.ts'
import type { PostcodeMode } from './normalise-postcode.ts'
import { normaliseRecord, type ParsedColumn, type SourceRecord } from './normalise-record.ts'
import { RecordStore } from './record-store.ts'

/**
 * An index of records that grows one record at a time: the shape online matching needs (a new referral arrives;
 * which known person is it?). Adding a record normalises it into the same columnar store the batch uses and
 * files it under each blocking rule's key, so candidates for a new record are the records sharing any key, found
 * without rebuilding anything. Term frequencies come from the index's own live counts.
 *
 * Persistence (index tables in PostgreSQL) and the review queue are not part of this class: it holds only what
 * matching needs, in memory, so that a repository can load it and keep it up to date.
 */

export type IndexedMatch = { index: number; recordId: string; score: PairScore }

export type LinkageIndexOptions = {
  model?: LinkageModel
  rules?: readonly BlockingRule[]
  /** Blocks bigger than this are generic values and give no candidates (default 1000). */
  maxBlockSize?: number
  today?: number
  postcodeMode?: PostcodeMode
}

export class LinkageIndex {
  readonly store = new RecordStore()
  readonly model: LinkageModel
  private readonly tables: ScoringTables
  private readonly rules: readonly BlockingRule[]
  private readonly blocks: Map<number, number[]>[]
  private readonly compactors: KeyCompactor[]
  private readonly maxBlockSize: number
  private readonly context: { today: number; postcodeMode: PostcodeMode }

  constructor(options: LinkageIndexOptions = {}) {
    this.model = options.model ?? defaultLinkageModel()
    this.tables = buildScoringTables(this.model)
    this.rules = options.rules ?? DEFAULT_BLOCKING_RULES
    this.blocks = this.rules.map(() => new Map<number, number[]>())
    this.compactors = this.rules.map(() => createCompactor())
    this.maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE
    this.context = { today: options.today ?? todayAsNumber(), postcodeMode: options.postcodeMode ?? 'uk' }
  }

  get size(): number {
    return this.store.size
  }

  recordId(index: number): string {
    return this.store.recordIds[index] as string
  }

  /** Add a record; returns its index and the columns whose values could not be read. */
  add(record: SourceRecord): { index: number; unparsed: readonly ParsedColumn[] } {
    const normalised = normaliseRecord(record, this.context)
    const index = this.store.add(normalised)
    this.rules.forEach((rule, k) => {
      const key = rule.key(this.store.view, index, this.compactors[k] as KeyCompactor)
      if (key === NO_KEY) return
      const block = (this.blocks[k] as Map<number, number[]>).get(key)
      if (block) block.push(index)
      else (this.blocks[k] as Map<number, number[]>).set(key, [index])
    })
    return { index, unparsed: normalised.unparsed }
  }

  /** Records that share a blocking key with record `index` (itself excluded), in index order. */
  candidates(index: number): number[] {
    const found = new Set<number>()
    this.rules.forEach((rule, k) => {
      const key = rule.key(this.store.view, index, this.compactors[k] as KeyCompactor)
      if (key === NO_KEY) return
      const block = (this.blocks[k] as Map<number, number[]>).get(key)
      if (!block || block.length > this.maxBlockSize) return
      for (const other of block) if (other !== index) found.add(other)
    })
    return [...found].sort((a, b) => a - b)
  }

  /** The score of two indexed records, explained comparison by comparison. */
  score(i: number, j: number): PairScore {
    return explainPair(this.model, this.tables, this.store.view, i, j)
  }

  /** Add a record and score it against its candidates, best first; only those at or above `minimumProbability`. */
  match(
    record: SourceRecord,
    minimumProbability = this.model.thresholds.review,
  ): { index: number; matches: IndexedMatch[] } {
    const { index } = this.add(record)
    const matches = this.candidates(index)
      .map(other => ({ index: other, recordId: this.recordId(other), score: this.score(other, index) }))
      .filter(match => match.score.matchProbability >= minimumProbability)
      .sort((a, b) => b.score.matchWeight - a.score.matchWeight)
    return { index, matches }
  }
}

/**
 * Score two records against each other with a model (the default one unless given), explained field by field.
 * Pure: no population, so no term-frequency adjustments.
 */
export function scorePair(
  a: SourceRecord,
  b: SourceRecord,
  model: LinkageModel = defaultLinkageModel(),
  today = todayAsNumber(),
): PairScore {
  const store = new RecordStore({ expectedRecords: 2 })
  const context = { today, postcodeMode: 'uk' as const }
  store.add(normaliseRecord(a, context))
  store.add(normaliseRecord(b, context))
  return explainPair(model, { ...buildScoringTables(model), useTermFrequencies: false }, store.view, 0, 1)
}
