import { COMPARISONS, COMPARISON_NAMES, type ComparisonName } from './comparisons.ts'
import { MODEL_FORMAT, MODEL_VERSION, type LinkageModel } from './linkage-model.schema.ts'

/**
 * The untrained model: starting values for EM, and the model used as it is when there is nothing to train on.
 * m values are judgements about how often one person's records agree at each level in English multi-agency data
 * (reference/linkage.md §5); u values are typical for a local authority's children and are replaced by
 * estimates from the data whenever a run has at least two records.
 */

/**
 * Match probability at or above which pairs are linked automatically: more likely the same person than not.
 * With probabilities that are calibrated, the threshold that maximises F1 is about half the best F1, and 0.5 gave
 * the best F1 on every labelled set tried, generated and public (docs/benchmarks.md); precision stays high
 * because the safety guards and the cluster density guard hold back the risky links, not the threshold.
 */
export const DEFAULT_LINK_THRESHOLD = 0.5
/** Pairs from here up to the link threshold would go to the human review queue. */
export const DEFAULT_REVIEW_THRESHOLD = 0.05
export const DEFAULT_TF_MINIMUM_U = 1e-4
export const DEFAULT_LAMBDA = 1e-5
/** Siblings share a surname and an address far more often than chance: about 4 bits, in generated households. */
export const DEFAULT_HOUSEHOLD_ADJUSTMENT = -4

const defaults: Record<ComparisonName, { m: number[]; u: number[] }> = {
  given: { m: [0.8, 0.05, 0.05, 0.03, 0.02, 0.02, 0.03], u: [0.01, 0.002, 0.003, 0.01, 0.02, 0.1, 0.855] },
  family: { m: [0.85, 0.03, 0.05, 0.02, 0.02, 0.03], u: [0.002, 0.0005, 0.001, 0.005, 0.05, 0.9415] },
  dateOfBirth: { m: [0.88, 0.015, 0.03, 0.03, 0.02, 0.025], u: [0.0002, 0.00001, 0.0025, 0.03, 0.05, 0.91729] },
  sex: { m: [0.97, 0.03], u: [0.5, 0.5] },
  location: {
    m: [0.1, 0.05, 0.35, 0.15, 0.05, 0.05, 0.05, 0.02, 0.03, 0.15],
    u: [0.000001, 0.0000005, 0.00001, 0.00003, 0.00005, 0.0005, 0.003, 0.01, 0.05, 0.9364085],
  },
  nhsNumber: { m: [0.96, 0.005, 0.02, 0.01, 0.005], u: [1e-7, 1e-8, 1e-6, 0.98, 0.01999889] },
  upn: { m: [0.95, 0.005, 0.02, 0.015, 0.01], u: [1e-7, 1e-8, 1e-6, 0.98, 0.01999889] },
}

export function defaultLinkageModel(createdAt = new Date()): LinkageModel {
  const comparisons = Object.fromEntries(
    COMPARISON_NAMES.map(name => {
      const labels = COMPARISONS[name].levels.slice(1)
      const { m, u } = defaults[name]
      return [
        name,
        { trained: false, levels: labels.map((label, i) => ({ label, m: m[i] as number, u: u[i] as number })) },
      ]
    }),
  ) as LinkageModel['comparisons']
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdAt: createdAt.toISOString(),
    trainedOn: null,
    probabilityTwoRandomRecordsMatch: DEFAULT_LAMBDA,
    thresholds: { link: DEFAULT_LINK_THRESHOLD, review: DEFAULT_REVIEW_THRESHOLD },
    tfMinimumU: DEFAULT_TF_MINIMUM_U,
    householdAdjustment: DEFAULT_HOUSEHOLD_ADJUSTMENT,
    comparisons,
  }
}
