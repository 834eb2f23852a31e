export {
  DemoService,
  PartnershipExistsError,
  LOADING_PHASE,
  ANALYSING_PHASE,
  type SeedRequest,
  type SeedSummary,
  type SeedProgress,
} from './demo.service.ts'
export {
  generateDemoPartnership,
  DEFAULT_FAMILIES_PER_BATCH,
  type DemoPartnership,
  type DemoBatch,
  type DemoGeneratorOptions,
} from './demo-partnership.generator.ts'
export {
  listDemoAccounts,
  listDemoAccounts as demoAccounts,
  DEMO_EMAIL_DOMAIN,
  type DemoAccount,
} from './demo-accounts.ts'
export { SeedOptions, DemoPattern, patternThemes, DEFAULT_CHILDREN, DEFAULT_SEED, MAX_CHILDREN } from './demo.schema.ts'
export { REFERENCE_DATE } from './demo-calendar.ts'
export type { Variation } from './record-variation.ts'
