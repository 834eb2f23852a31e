import * as z from 'zod'
import { COMPARISONS, COMPARISON_NAMES, type ComparisonName } from './comparisons.ts'

/**
 * A Fellegi–Sunter model as saved to disk: versioned JSON, validated with zod on the way in. `m` and `u` are the
 * probabilities of each comparison level among matches and among non-matches, for pairs where both records have
 * the field (the "missing" level carries no weight and is not listed). The default, untrained model lives in
 * code (`defaultLinkageModel`); a batch run trains one on its own input and writes it beside its output.
 */

export const MODEL_FORMAT = 'sightline-linkage-model'
export const MODEL_VERSION = 1

const Probability = z.number().gt(0).lt(1)

export const ComparisonLevelParameters = z.object({
  label: z.string(),
  m: Probability,
  u: Probability,
})

export const ComparisonParameters = z.object({
  /** False when the run had too little data for this field and kept the default m. */
  trained: z.boolean(),
  levels: z.array(ComparisonLevelParameters),
})

export const LinkageModel = z
  .object({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_VERSION),
    createdAt: z.iso.datetime(),
    trainedOn: z
      .object({
        records: z.number().int().nonnegative(),
        candidatePairs: z.number().int().nonnegative(),
        emIterations: z.number().int(),
      })
      .nullable(),
    /** λ: the probability that two records drawn at random are the same person. */
    probabilityTwoRandomRecordsMatch: Probability,
    /** Link automatically at or above `link`; show for human review from `review` up to `link`. */
    thresholds: z.object({ link: Probability, review: Probability }),
    /** Term-frequency floor: no exact agreement counts for more than log2(m / tfMinimumU) bits. */
    tfMinimumU: Probability,
    /**
     * Bits added (never positive) when a pair agrees on both family name and address, postcode or contact:
     * different people share those together (a household) far more often than each alone suggests.
     */
    householdAdjustment: z.number().lte(0).gte(-30),
    comparisons: z.object(
      Object.fromEntries(COMPARISON_NAMES.map(name => [name, ComparisonParameters])) as Record<
        ComparisonName,
        typeof ComparisonParameters
      >,
    ),
  })
  .superRefine((model, context) => {
    for (const name of COMPARISON_NAMES) {
      const expected = COMPARISONS[name].levels.slice(1)
      const levels = model.comparisons[name].levels
      if (levels.length !== expected.length || levels.some((level, i) => level.label !== expected[i])) {
        context.addIssue({
          code: 'custom',
          path: ['comparisons', name, 'levels'],
          message: `expected the levels ${expected.join(', ')}`,
        })
      }
    }
    if (model.thresholds.review > model.thresholds.link) {
      context.addIssue({
        code: 'custom',
        path: ['thresholds', 'review'],
        message: 'must not be above the link threshold',
      })
    }
  })
export type LinkageModel = z.infer<typeof LinkageModel>

export function parseLinkageModel(json: unknown): LinkageModel {
  return LinkageModel.parse(json)
}
