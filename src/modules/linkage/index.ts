/**
 * Identity resolution: which records are the same person, however each agency spells them.
 * Normalise, block, compare, score (Fellegi–Sunter, trained unsupervised on the input), cluster.
 */
export {
  linkRecords,
  type BatchOptions,
  type BatchPhase,
  type BatchResult,
  type BatchSummary,
  type ScoredPairs,
} from './link-batch.ts'
export { LinkageIndex, scorePair, type IndexedMatch, type LinkageIndexOptions } from './linkage-index.ts'
export { readLinkageCsv, LinkageInputError, type LinkageInput } from './linkage-input.ts'
export {
  explainPair,
  buildScoringTables,
  probabilityFromWeight,
  weightFromProbability,
  type PairScore,
  type PairDecision,
  type ComparisonExplanation,
  type ScoringTables,
} from './fellegi-sunter.ts'
export { COMPARISONS, COMPARISON_NAMES, type ComparisonName } from './comparisons.ts'
export { LinkageModel, parseLinkageModel, MODEL_FORMAT, MODEL_VERSION } from './linkage-model.schema.ts'
export { defaultLinkageModel, DEFAULT_LINK_THRESHOLD, DEFAULT_REVIEW_THRESHOLD } from './default-model.ts'
export {
  DEFAULT_BLOCKING_RULES,
  generateCandidates,
  type BlockingRule,
  type BlockingReport,
  type RuleReport,
} from './blocking.ts'
export { assignPersonIds, clusterRecords, type Clustering, type ClusteringOptions } from './clustering.ts'
export type { EmSessionReport } from './em-training.ts'
export {
  normaliseRecord,
  INPUT_COLUMNS,
  PARSED_COLUMNS,
  type SourceRecord,
  type NormalisedRecord,
  type ParsedColumn,
} from './normalise-record.ts'
export { RecordStore, type StoreView } from './record-store.ts'
export { parseCsv, csvLine, csvField, type CsvTable } from './csv.ts'
export { jaro, jaroWinkler } from './jaro-winkler.ts'
export { damerauLevenshtein, withinOneEdit } from './damerau-levenshtein.ts'
export { soundex, nameSound } from './phonetic.ts'
export { parseDateOfBirth, todayAsNumber, formatDate } from './normalise-date.ts'
export { parsePostcode } from './normalise-postcode.ts'
export { parseNhsNumber, parseUpn, upnCheckLetter } from './normalise-identifiers.ts'
export { foldName, normaliseGivenName, normaliseFamilyName } from './normalise-name.ts'
export { measureScoringThroughput, type ScoringThroughput } from './scoring-throughput.ts'
export { pairwiseAccuracy, pairwiseAccuracyTouching, type PairwiseAccuracy } from './accuracy.ts'
export {
  generateSyntheticRecords,
  CORRUPTIONS,
  type Corruption,
  type SyntheticData,
  type SyntheticOptions,
  type SyntheticStyle,
} from './synthetic-records.ts'
