import * as z from 'zod'
import type { AgencyKind } from '../agencies/index.ts'
import type { EventType } from '../chronology/index.ts'
import type { RelationshipType } from '../people/index.ts'
import type { EventDetails } from '../chronology/index.ts'

/**
 * The vocabulary of decision support (ARCHITECTURE.md, "rules, not scores"): review themes, rules, what a rule sees
 * of one child's case, and what it returns. A rule is data (id, version, theme, parameters with safe bounds, the
 * evidence it cites, the action it prompts) plus one small pure function.
 */

/** The review themes of reference/risk.md §2. */
export const Theme = z.enum([
  'T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09',
  'T10', 'T11', 'T12', 'T13', 'T14', 'T15', 'T16', 'T17', 'T18',
]) // prettier-ignore
export type Theme = z.infer<typeof Theme>

export const themeTitles: Readonly<Record<Theme, string>> = {
  T01: '“Was not brought”: missed appointments and no-access visits',
  T02: 'Child not seen, not seen alone, voice of the child',
  T03: 'Unseen men, new partners and household composition',
  T04: 'Disguised compliance and selective engagement',
  T05: 'Start-again syndrome, drift and repeat referrals',
  T06: 'Cumulative harm and neglect',
  T07: 'Domestic abuse',
  T08: 'Parental mental health and substance misuse',
  T09: 'Babies: non-mobile bruising, injuries under one, unsafe sleep',
  T10: 'Concerns from relatives and third parties dismissed',
  T11: 'Escalation: strategy discussions, section 47, medicals',
  T12: 'Information held by one agency not shared or sought',
  T13: 'Over-reliance on parental self-report',
  T14: 'Optimism in the record',
  T15: 'Children not in school',
  T16: 'Harm outside the home: exploitation, missing, peers and places',
  T17: 'Restricted access: lockdown and remote contact',
  T18: 'Race, ethnicity, culture, language and disability',
}

/**
 * How a person is connected to the child whose case is being read: the child themself, an adult with parental or
 * household access (parent, step-parent, partner, carer, household member), a sibling, wider family, a peer or
 * adult outside the family, someone linked to the same place, or nobody in particular (an event with no subjects,
 * such as a lockdown).
 */
export type Relation = 'self' | 'carer' | 'sibling' | 'family' | 'associate' | 'context' | 'global'

type ViewEventOf<K extends EventType> = {
  /** Index of the event in the input (the timeline's `events`): what evidence lists. */
  readonly index: number
  readonly day: number
  readonly type: K
  readonly agency: AgencyKind
  readonly organisation: string | undefined
  readonly area: string | undefined
  readonly subjects: readonly string[]
  readonly details: Readonly<EventDetails[K]>
  /** The people the event is about: its subjects and the people its details name as involved. */
  readonly refs: readonly string[]
  /** The closest connection between the child and the people the event is about. */
  readonly rel: Relation
}
/** An event as one child's rules see it. */
export type ViewEvent = { [K in EventType]: ViewEventOf<K> }[EventType]
/** The events of the given type(s). */
export type ViewEventOfType<K extends EventType> = Extract<ViewEvent, { type: K }>

export type SubjectKind = 'child' | 'unborn' | 'expectant'

export type SubjectInfo = {
  readonly ref: string
  /** `expectant`: an adult whose pregnancy is recorded when the timeline has no unborn child for it. */
  readonly kind: SubjectKind
  readonly sex: 'M' | 'F' | 'U'
  /** Case day of birth (or of the expected birth); undefined when the record gives no age. */
  readonly birthDay: number | undefined
}

export type PersonInfo = {
  readonly ref: string
  readonly kind: 'child' | 'adult' | 'unborn'
  readonly sex: 'M' | 'F' | 'U'
  readonly birthDay: number | undefined
}

/** Social-care status on a day, derived from the child's own events. */
export type CaseStatus = {
  readonly cp: boolean
  readonly cpCategory: 'neglect' | 'physical' | 'emotional' | 'sexual' | 'multiple' | undefined
  readonly cpSince: number | undefined
  readonly cin: boolean
  readonly lac: boolean
  /** Referral accepted for assessment, strategy discussion or section 47 enquiries, not yet concluded. */
  readonly assessing: boolean
  readonly earlyHelp: boolean
  /** First day of the current statutory involvement (CIN, CP, looked after, assessment), if any. */
  readonly statutorySince: number | undefined
}

export type CaseRelationshipView = {
  readonly from: string
  readonly to: string
  readonly type: RelationshipType
  readonly fromDay: number | undefined
  readonly toDay: number | undefined
}

/** What a rule sees: one child's chronology up to the end of `today`, their household and relationships. */
export interface SubjectContext {
  readonly today: number
  readonly subject: SubjectInfo
  /** The first day of the record (the earliest event of the case). */
  readonly firstDay: number
  /** Events about the child and the people connected to them, up to and including today, by day then index. */
  readonly events: readonly ViewEvent[]
  /** Age in days on a day (negative before birth); undefined when unknown. */
  ageInDays(day: number): number | undefined
  /** Social-care status at the end of a day (day ≤ today). */
  status(day: number): CaseStatus
  /** How a person is connected to the child (not time-bound; see `hasAccessOn`). */
  roleOf(ref: string): Exclude<Relation, 'global'> | undefined
  /** The person is an adult with parental, household or family access to the child on the day. */
  hasAccessOn(ref: string, day: number): boolean
  /** The people with a given connection to the child. */
  peopleWithRole(role: Exclude<Relation, 'global' | 'self'>): readonly string[]
  person(ref: string): PersonInfo | undefined
  /** Contact with the child was restricted to remote means on the day (`service.restricted`). */
  isRestrictedOn(day: number): boolean
  /**
   * Relationships that touch the child or the people connected to them, as recorded (`from` holds the role `type`
   * towards `to`), leaving out those that start after today.
   */
  relationships(): readonly CaseRelationshipView[]
  /** Events about any person of the case, up to today (for links between children: peers and places). */
  eventsAbout(ref: string): readonly ViewEvent[]
  isWorkingDay(day: number): boolean
  addWorkingDays(day: number, n: number): number
}

/** One occurrence of a rule's pattern: the events that raised it. */
export type Finding = {
  /** Indices of the events that raised it, across agencies. */
  readonly evidence: readonly number[]
}

/** What a rule returns at the end of a day. */
export type Evaluation = {
  readonly findings: readonly Finding[]
  /**
   * For rules about absence (not seen, not brought, not answered): the next day on which the result could change
   * if no new event arrives. A scheduler indexes it instead of polling every child.
   */
  readonly nextDue?: number | undefined
}

export type Parameters = z.ZodObject

/** A rule of the catalogue, with its parameters' zod schema (defaults and safe bounds). */
export type RuleDefinition<P extends Parameters = Parameters> = {
  readonly id: string
  readonly version: number
  readonly theme: Theme
  readonly title: string
  /** What the rule looks for, in plain words (docs/risk-rules.md). */
  readonly looksFor: string
  readonly parameters: P
  /** The review evidence it cites (reference/risk.md), with source numbers. */
  readonly evidence: string
  /** The professional action it prompts. */
  readonly action: string
  /** `event`: re-evaluated when events arrive; `absence`: also scheduled by its due dates. */
  readonly schedule: 'event' | 'absence'
  /** Kinds of subject the rule reads; most rules are about children (born or unborn). */
  readonly appliesTo: readonly SubjectKind[]
  evaluate(ctx: SubjectContext, params: z.output<P>): Evaluation
}

/** A rule with its parameters type erased, as the catalogue holds it. */
export type Rule = Omit<RuleDefinition, 'evaluate'> & {
  evaluate(ctx: SubjectContext, params: Readonly<Record<string, unknown>>): Evaluation
}

/** Define a rule: keeps the parameters typed inside, erases them outside. */
export function defineRule<P extends Parameters>(
  definition: Omit<RuleDefinition<P>, 'appliesTo'> & { appliesTo?: readonly SubjectKind[] },
): Rule {
  return {
    ...definition,
    appliesTo: definition.appliesTo ?? ['child', 'unborn'],
    evaluate: (ctx, params) => definition.evaluate(ctx, params as z.output<P>),
  }
}

/** A flag raised for a subject: the contract's replay output plus the rule version that raised it. */
export type RaisedFlag = {
  readonly rule: string
  readonly ruleVersion: number
  readonly theme: Theme
  readonly subject: string
  readonly day: number
  readonly evidence: readonly number[]
  readonly action: string
}
