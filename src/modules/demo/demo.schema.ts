import * as z from 'zod'

/** The default size of the demo partnership: loaded at first start, so it must take only a few seconds. */
export const DEFAULT_CHILDREN = 2_000
export const DEFAULT_SEED = 1
/**
 * A ceiling well above the 250,000 of the benchmarks. NHS numbers come from the 999 test range, which holds
 * 900,000 usable numbers: beyond about 400,000 children (with their adults) later people have none.
 */
export const MAX_CHILDREN = 2_000_000

/** What a caller (the CLI, first start, a benchmark) may ask of the demo generator. */
export const SeedOptions = z.object({
  children: z
    .int('children must be a whole number')
    .min(1, 'children must be at least 1')
    .max(MAX_CHILDREN, `children must be at most ${MAX_CHILDREN.toLocaleString('en-GB')}`)
    .default(DEFAULT_CHILDREN),
  seed: z
    .int('seed must be a whole number')
    .min(0, 'seed must be 0 or more')
    .max(0xffff_ffff, 'seed must fit in 32 bits')
    .default(DEFAULT_SEED),
})
export type SeedOptions = z.infer<typeof SeedOptions>

/**
 * The case histories the generator writes for a minority of families, each modelled on what serious case
 * reviews keep finding (reference/risk.md themes T01–T18), so that the rules have something to find.
 */
export const DemoPattern = z.enum([
  'early-help',
  'was-not-brought',
  'baby-injury',
  'domestic-abuse',
  'new-partner',
  'neglect-plan',
  'repeat-referrals',
  'exploitation',
  'home-education',
  'restricted-access',
  'relative-concern-dismissed',
])
export type DemoPattern = z.infer<typeof DemoPattern>

/** The review themes each pattern exercises. */
export const patternThemes: Readonly<Record<DemoPattern, readonly string[]>> = {
  'early-help': [],
  'was-not-brought': ['T01', 'T06'],
  'baby-injury': ['T09', 'T11', 'T13'],
  'domestic-abuse': ['T07', 'T08', 'T12'],
  'new-partner': ['T03', 'T12', 'T13'],
  'neglect-plan': ['T06', 'T04', 'T02', 'T01'],
  'repeat-referrals': ['T05', 'T10', 'T14'],
  exploitation: ['T16', 'T15', 'T12'],
  'home-education': ['T15', 'T05'],
  'restricted-access': ['T17', 'T04', 'T02'],
  'relative-concern-dismissed': ['T10', 'T13', 'T11'],
}
