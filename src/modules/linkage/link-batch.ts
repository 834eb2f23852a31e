import { COMPARISON_NAMES, F_NHS, F_UPN, FLAG_NHS_CONFLICT, FLAG_TWINS, LEVEL_COUNTS, RADIX } from './comparisons.ts'
import { DEFAULT_MAX_BLOCK_SIZE, generateCandidates, type BlockingReport, type BlockingRule } from './blocking.ts'
import { assignPersonIds, clusterRecords, DEFAULT_CLUSTER_DENSITY } from './clustering.ts'
import { DEFAULT_LINK_THRESHOLD, DEFAULT_REVIEW_THRESHOLD, defaultLinkageModel } from './default-model.ts'
import { estimateLambda, trainM, type EmSessionReport } from './em-training.ts'
import {
  estimateU,
  exactAgreementU,
  levelCountsFromPatterns,
  sampleRandomPairs,
  type LevelCounts,
} from './estimate-u.ts'
import { personLevelU } from './person-frequencies.ts'
import { buildScoringTables, weightFromProbability } from './fellegi-sunter.ts'
import type { LinkageModel } from './linkage-model.schema.ts'
import { todayAsNumber } from './normalise-date.ts'
import { PARSED_COLUMNS, type ParsedColumn, type SourceRecord } from './normalise-record.ts'
import { detectPostcodeMode } from './normalise-postcode.ts'
import { CODE_BITS, CODE_MASK } from './pair-scoring.ts'
import { RecordStore } from './record-store.ts'
import { createScoringPool } from './scoring-pool.ts'

/**
 * The batch pipeline behind `sightline link`: normalise, block, compare, train (u by random sampling, m and λ by
 * EM), weigh, link at the threshold with the safety guards, cluster, name persons. Pure apart from worker
 * threads: records in, persons and pairs out; the caller reads and writes files.
 */

export type BatchPhase = 'normalising' | 'blocking' | 'comparing' | 'training' | 'weighing' | 'clustering'

export type BatchOptions = {
  /** Link pairs whose match probability is at least this (default: the model's link threshold). */
  threshold?: number
  /** Use this model as it is instead of training one on the input. */
  model?: LinkageModel
  /** Worker threads for comparing and weighing (default: the machine's cores, up to 8). */
  threads?: number
  /** Pairs drawn at random to estimate u (default 1,000,000, or every pair of a small input). */
  uSamplePairs?: number
  maxBlockSize?: number
  maxPairsPerRule?: number
  rules?: readonly BlockingRule[]
  clusterDensity?: number
  /** Compare on the calling thread when there are fewer pairs than this (default 200,000). */
  inlinePairsBelow?: number
  /** Today as yyyymmdd, for reading dates (default: the real today). */
  today?: number
  /**
   * Keep possible twins in different clusters even when other records link to both (default: when at least half
   * the records say what sex the person is, as any children's data does). Without sex on record, a different
   * given name at the same address is, in practice, mostly a keying error (FEBRL-style data), and the pair is
   * only kept from linking directly.
   */
  keepTwinsApart?: boolean
  /** Earlier record id → person id, to keep person ids stable across runs. */
  previousPersonIds?: ReadonlyMap<string, string>
  onProgress?: (done: number, total: number, phase: BatchPhase) => void
}

export type ScoredPairs = {
  left: Int32Array
  right: Int32Array
  /** Match weight in bits, prior included. */
  weight: Float32Array
  /** Packed comparison levels and flags (see pair-scoring.ts). */
  codes: Int32Array
  count: number
}

export type BatchSummary = {
  records: number
  unparsed: Record<ParsedColumn, number>
  candidatePairs: number
  /** Pairs at or above the threshold. */
  pairsAboveThreshold: number
  /** Pairs at or above the threshold that the safety guards did not hold back: the links clustering used. */
  pairsLinked: number
  /** Possible twins and conflicting NHS numbers at or above the review threshold: for a human. */
  pairsHeldForReview: number
  /** Pairs between the review and link thresholds. */
  pairsInReviewBand: number
  mergesRefusedByGuards: number
  mergesRefusedByDensity: number
  clusters: number
  threshold: number
  seconds: number
  timings: Record<BatchPhase | 'training-sample', number>
}

export type BatchResult = {
  recordIds: string[]
  personIds: string[]
  /** Person id of each record, by record index. */
  personOf: string[]
  pairs: ScoredPairs
  model: LinkageModel
  blocking: BlockingReport
  summary: BatchSummary
  emIterations: number
  emSessions: EmSessionReport[]
}

const DEFAULT_U_SAMPLE = 1_000_000

function emptyUnparsed(): Record<ParsedColumn, number> {
  return Object.fromEntries(PARSED_COLUMNS.map(column => [column, 0])) as Record<ParsedColumn, number>
}

function now(): number {
  return performance.now()
}

export async function linkRecords(records: readonly SourceRecord[], options: BatchOptions = {}): Promise<BatchResult> {
  const started = now()
  const timings = {
    normalising: 0,
    blocking: 0,
    comparing: 0,
    'training-sample': 0,
    training: 0,
    weighing: 0,
    clustering: 0,
  }
  const progress = options.onProgress ?? (() => undefined)
  const n = records.length
  const today = options.today ?? todayAsNumber()

  // 1. Normalise.
  let t = now()
  const postcodeMode = detectPostcodeMode(
    (function* () {
      for (const record of records) if (record.postcode) yield record.postcode
    })(),
  )
  const store = new RecordStore({ expectedRecords: n })
  const unparsed = emptyUnparsed()
  const context = { today, postcodeMode }
  for (let r = 0; r < n; r++) {
    store.addSource(records[r] as SourceRecord, context, unparsed)
    if ((r & 16383) === 16383) progress(r + 1, n, 'normalising')
  }
  store.releaseCaches()
  progress(n, n, 'normalising')
  const view = store.view
  timings.normalising = now() - t

  // 2. Block.
  t = now()
  const describe = (r: number) => {
    const given = view.names[view.g0[r] as number] ?? ''
    const family = view.names[view.fam[r] as number] ?? ''
    const dob = view.dob[r] ? String(view.dob[r]) : ''
    const postcode = view.postcodes[view.pcUnit[r] as number] ?? ''
    return [given, family, dob, postcode].filter(Boolean).join(' ')
  }
  const candidates = generateCandidates(view, {
    ...(options.rules ? { rules: options.rules } : {}),
    maxBlockSize: options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE,
    ...(options.maxPairsPerRule ? { maxPairsPerRule: options.maxPairsPerRule } : {}),
    onProgress: (done, total) => progress(done, total, 'blocking'),
    describe,
  })
  timings.blocking = now() - t

  const pool = createScoringPool(view, {
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.inlinePairsBelow === undefined ? {} : { inlineBelow: options.inlinePairsBelow }),
  })
  try {
    // 3. Compare every candidate pair once.
    t = now()
    const compared = await pool.compare(candidates, done => progress(done, candidates.count, 'comparing'))
    timings.comparing = now() - t

    // 4. Train: u from random pairs and value counts, then m by EM over the candidates, in sessions.
    const totalPairs = Math.max(1, (n * (n - 1)) / 2)
    const defaults = defaultLinkageModel()
    const defaultM = COMPARISON_NAMES.map(name => defaults.comparisons[name].levels.map(level => level.m))
    let sampleLevels: LevelCounts | undefined
    if (!options.model && n >= 2) {
      t = now()
      const sample = sampleRandomPairs(n, options.uSamplePairs ?? DEFAULT_U_SAMPLE)
      const sampled = await pool.compare(sample, done => progress(done, sample.count, 'training'))
      sampleLevels = levelCountsFromPatterns(sampled.patternCounts)
      timings['training-sample'] = now() - t
    }
    let emIterations = 0
    let emSessions: EmSessionReport[] = []
    const train = (
      exact: ReadonlyMap<number, ReadonlyMap<number, number>>,
      householdAdjustment: number,
    ): LinkageModel => {
      const u = sampleLevels
        ? estimateU(sampleLevels, exact, defaults, n)
        : COMPARISON_NAMES.map(name => defaults.comparisons[name].levels.map(level => level.u))
      const em = trainM(compared.patternCounts, u, defaultM)
      emIterations += em.iterations
      emSessions = em.sessions
      return {
        ...defaults,
        trainedOn: { records: n, candidatePairs: candidates.count, emIterations },
        probabilityTwoRandomRecordsMatch: clampProbability(Math.min(0.5, Math.max(1e-12, n / 2 / totalPairs))),
        householdAdjustment,
        comparisons: Object.fromEntries(
          COMPARISON_NAMES.map((name, f) => [
            name,
            {
              trained: em.trained[f] as boolean,
              levels: defaults.comparisons[name].levels.map((level, i) => ({
                label: level.label,
                m: clampProbability((em.m[f] as number[])[i] as number),
                u: clampProbability((u[f] as number[])[i] as number),
              })),
            },
          ]),
        ) as LinkageModel['comparisons'],
      }
    }

    // 5–6. Weigh, settle λ, link and cluster. Training runs twice: the first clustering tells who is who well
    // enough to count values by person rather than by record (see person-frequencies.ts), and the model is
    // trained again on those counts.
    const threshold = options.threshold ?? options.model?.thresholds.link ?? DEFAULT_LINK_THRESHOLD
    const review = Math.min(options.model?.thresholds.review ?? DEFAULT_REVIEW_THRESHOLD, threshold)
    let model = options.model ?? defaults
    let exact: ReadonlyMap<number, ReadonlyMap<number, number>> = n >= 2 ? exactAgreementU(view) : new Map()
    let householdAdjustment = defaults.householdAdjustment
    let weights: Float32Array = new Float32Array(0)
    let decided: ReturnType<typeof decide> | undefined
    const passes = options.model ? 1 : 2
    // Keep possible twins apart through other links too, when the data records sex (as records of children do).
    const twinsApart = options.keepTwinsApart ?? view.totals.sex >= n / 2
    for (let pass = 1; pass <= passes; pass++) {
      t = now()
      if (!options.model) model = train(exact, householdAdjustment)
      timings.training += now() - t
      t = now()
      weights = await pool.weigh(candidates, compared.codes, buildScoringTables(model), done =>
        progress(done, candidates.count, 'weighing'),
      )
      if (!options.model && candidates.count > 0) {
        const lambda = estimateLambda(weights, candidates.count, totalPairs, model.probabilityTwoRandomRecordsMatch)
        model = { ...model, probabilityTwoRandomRecordsMatch: clampProbability(lambda) }
      }
      const prior = weightFromProbability(model.probabilityTwoRandomRecordsMatch)
      for (let k = 0; k < candidates.count; k++) weights[k] = (weights[k] as number) + prior
      timings.weighing += now() - t
      t = now()
      decided = decide(
        n,
        candidates,
        compared.codes,
        weights,
        threshold,
        review,
        options.clusterDensity ?? DEFAULT_CLUSTER_DENSITY,
        twinsApart,
      )
      if (pass < passes) {
        const byPerson = personLevelU(view, decided.clustering.clusterOf, decided.clustering.clusters)
        exact = byPerson.exact
        householdAdjustment = byPerson.householdAdjustment
      }
      timings.clustering += now() - t
    }
    model = { ...model, thresholds: { link: threshold, review } }
    const { clustering, above, held, band, linked } = decided as ReturnType<typeof decide>
    const personIds = assignPersonIds(
      clustering.clusterOf,
      clustering.clusters,
      store.recordIds,
      options.previousPersonIds,
    )
    const personOf = Array.from(clustering.clusterOf, cluster => personIds[cluster] as string)
    progress(1, 1, 'clustering')

    return {
      recordIds: store.recordIds,
      personIds,
      personOf,
      pairs: {
        left: candidates.left,
        right: candidates.right,
        weight: weights,
        codes: compared.codes,
        count: candidates.count,
      },
      model,
      blocking: candidates.report,
      emIterations,
      emSessions,
      summary: {
        records: n,
        unparsed,
        candidatePairs: candidates.count,
        pairsAboveThreshold: above,
        pairsLinked: linked,
        pairsHeldForReview: held,
        pairsInReviewBand: band,
        mergesRefusedByGuards: clustering.refusedByConstraint,
        mergesRefusedByDensity: clustering.refusedByDensity,
        clusters: clustering.clusters,
        threshold,
        seconds: (now() - started) / 1000,
        timings,
      },
    }
  } finally {
    await pool.close()
  }
}

/** Link at the threshold with the safety guards, then cluster. */
function decide(
  n: number,
  candidates: { left: Int32Array; right: Int32Array; count: number },
  codes: Int32Array,
  weights: Float32Array,
  threshold: number,
  review: number,
  density: number,
  twinsApart: boolean,
) {
  const linkWeight = weightFromProbability(threshold)
  const reviewWeight = weightFromProbability(review)
  let above = 0
  let held = 0
  let band = 0
  const linkLeft: number[] = []
  const linkRight: number[] = []
  const linkWeights: number[] = []
  const strong: number[] = []
  const cannotLeft: number[] = []
  const cannotRight: number[] = []
  const nhsPlace = RADIX[F_NHS] as number
  const upnPlace = RADIX[F_UPN] as number
  for (let k = 0; k < candidates.count; k++) {
    const w = weights[k] as number
    const packed = codes[k] as number
    const flags = packed >>> CODE_BITS
    const guarded = (flags & (FLAG_TWINS | FLAG_NHS_CONFLICT)) !== 0
    if (guarded) {
      // Never linked automatically. Conflicting NHS numbers, and possible twins when the data records sex, are
      // also kept apart in clustering, so that no chain of other links joins them.
      if ((flags & FLAG_NHS_CONFLICT) !== 0 || twinsApart) {
        cannotLeft.push(candidates.left[k] as number)
        cannotRight.push(candidates.right[k] as number)
      }
      if (w >= reviewWeight) held++
    }
    if (w >= linkWeight) {
      above++
      if (guarded) continue
      linkLeft.push(candidates.left[k] as number)
      linkRight.push(candidates.right[k] as number)
      linkWeights.push(w)
      const code = packed & CODE_MASK
      const nhs = Math.floor(code / nhsPlace) % (LEVEL_COUNTS[F_NHS] as number)
      const upn = Math.floor(code / upnPlace) % (LEVEL_COUNTS[F_UPN] as number)
      strong.push(nhs === 1 || upn === 1 ? 1 : 0)
    } else if (w >= reviewWeight && !guarded) band++
  }
  const clustering = clusterRecords(
    n,
    {
      left: Int32Array.from(linkLeft),
      right: Int32Array.from(linkRight),
      weight: Float64Array.from(linkWeights),
      strong: Uint8Array.from(strong),
      count: linkLeft.length,
    },
    {
      cannotLink: { left: Int32Array.from(cannotLeft), right: Int32Array.from(cannotRight), count: cannotLeft.length },
      density,
    },
  )
  return { clustering, above, held, band, linked: linkLeft.length }
}

function clampProbability(p: number): number {
  return Math.min(Math.max(p, 1e-15), 1 - 1e-9)
}
