import type { AgencyKind } from '../../agencies/index.ts'
import type { EventType } from '../../chronology/index.ts'
import { buildCatalogue, ruleCatalogue } from '../catalogue.ts'
import { replayTimeline, type ReplayFlag } from '../replay.ts'
import { parseTimeline, type Timeline } from '../timeline.schema.ts'

/**
 * Small builders for rule tests: a family (child C, mother M, her partner P), events written in one line each,
 * and a replay through one rule. Every timeline goes through the real parser, so tests also check the vocabulary.
 */

export type PersonSpec = Record<string, unknown> & { ref: string; kind: 'child' | 'adult' | 'unborn' }
export type EventSpec = {
  day: number
  agency: AgencyKind
  type: EventType
  subjects: string[]
  details?: Record<string, unknown>
  organisation?: string
  area?: string
}

export function ev(
  day: number,
  agency: AgencyKind,
  type: EventType,
  subjects: string[],
  details: Record<string, unknown> = {},
): EventSpec {
  return { day, agency, type, subjects, details }
}

export type FamilySpec = {
  /** The child's age on day 0 (default four years); `null` for no recorded age. */
  age?: Record<string, number> | null
  people?: PersonSpec[]
  relationships?: Record<string, unknown>[]
  events: EventSpec[]
}

/** Child C, mother M and her partner P (a carer of C from before the record), plus whatever the test adds. */
export function family(spec: FamilySpec): Timeline {
  const age = spec.age === undefined ? { years: 4 } : spec.age
  const child: PersonSpec = {
    ref: 'C',
    kind: 'child',
    givenName: 'Child',
    sex: 'F',
    ...(age ? { ageAtDay0: age } : {}),
  }
  return parseTimeline({
    id: 'test',
    people: [
      child,
      { ref: 'M', kind: 'adult', sex: 'F' },
      { ref: 'P', kind: 'adult', sex: 'M' },
      ...(spec.people ?? []),
    ],
    relationships: [
      { from: 'M', to: 'C', type: 'parent' },
      { from: 'P', to: 'C', type: 'mother-partner' },
      ...(spec.relationships ?? []),
    ],
    events: spec.events,
  })
}

/** Replay a timeline through one rule (with optional settings) and return its flags. */
export function flagsOf(timeline: Timeline, ruleId: string, settings: Record<string, unknown> = {}): ReplayFlag[] {
  const rule = ruleCatalogue.filter(r => r.id === ruleId)
  if (rule.length === 0) throw new RangeError(`no rule ${ruleId}`)
  const catalogue = buildCatalogue({ [ruleId]: settings }, rule)
  return replayTimeline(timeline, catalogue).flags
}

/** The rule's flag for a subject (default C): its day and evidence, or undefined. */
export function flagFor(timeline: Timeline, ruleId: string, subject = 'C', settings: Record<string, unknown> = {}) {
  const flag = flagsOf(timeline, ruleId, settings).find(f => f.subject === subject)
  return flag ? { day: flag.day, evidence: flag.evidence } : undefined
}
