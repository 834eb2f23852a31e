// Decision support: explainable rules over the multi-agency chronology (ARCHITECTURE.md "rules, not scores").
export {
  parseTimeline,
  safeParseTimeline,
  TimelineError,
  type Timeline,
  type TimelineEvent,
  type TimelinePerson,
  type TimelineRelationship,
  type TimelineIssue,
  type TimelineResult,
} from './timeline.schema.ts'
export { detailSchemas, parseEventDetails, type EventDetails } from '../chronology/index.ts'
export {
  Theme,
  themeTitles,
  type Rule,
  type RuleDefinition,
  type RaisedFlag,
  type Finding,
  type Evaluation,
  type SubjectContext,
  type SubjectInfo,
  type SubjectKind,
  type ViewEvent,
  type Relation,
  type CaseStatus,
} from './rule.schema.ts'
export {
  CATALOGUE_VERSION,
  ruleCatalogue,
  buildCatalogue,
  defaultCatalogue,
  selectRules,
  CatalogueError,
  type Catalogue,
  type ConfiguredRule,
  type RuleSettings,
} from './catalogue.ts'
export { CaseWorld, type CaseInput, type CasePerson, type CaseRelationship, type CaseEvent } from './case-world.ts'
export { evaluateSubject, type SubjectEvaluation, type EvaluateOptions, type RuleError } from './engine.ts'
export {
  replayTimeline,
  replayFlags,
  replayDetailed,
  DEFAULT_TAIL_DAYS,
  type ReplayFlag,
  type ReplayOutput,
  type ReplayOptions,
} from './replay.ts'
export { CaseCalendar, DEFAULT_DAY0 } from './calendar.ts'
export { describeParameters, renderRulesDoc, type ParameterDescription } from './rule-docs.ts'
export { ScenarioExpectations, scoreScenario, type ExpectedFlag, type ScenarioScore } from './scenario-score.ts'
