import * as z from 'zod'
import { AgencyKind } from '../agencies/index.ts'
import { EventType } from '../chronology/index.ts'
import { PersonKind, RelationshipType, Sex } from '../people/index.ts'
import { isIsoDate } from './calendar.ts'
import { detailSchemas, personRefFields, type EventDetails } from '../chronology/index.ts'

/**
 * Timelines (contracts/timeline.md): a case history as data. Parsing is all or nothing: every problem is reported
 * with the index of the person, relationship or event and the field, and a timeline with any problem is refused.
 * Unknown event types, agencies and detail fields are errors; fields outside the contract on people, relationships
 * and the timeline itself are ignored. `day0` (an ISO date) is an optional extension that pins day 0 to a date.
 */

const IsoDate = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD')
const Ref = z.string().trim().min(1, 'must not be empty')

export const AgeAtDay0 = z
  .object({
    years: z.number().min(0).max(120).optional(),
    months: z.number().min(0).max(1500).optional(),
    weeks: z.number().min(0).max(6000).optional(),
    days: z.number().min(0).max(45000).optional(),
  })
  .refine(a => a.years !== undefined || a.months !== undefined || a.weeks !== undefined || a.days !== undefined, {
    message: 'must give at least one of years, months, weeks, days',
  })

export const TimelinePerson = z.object({
  ref: Ref,
  kind: PersonKind,
  givenName: z.string().nullish(),
  middleNames: z.string().nullish(),
  familyName: z.string().nullish(),
  dateOfBirth: IsoDate.nullish(),
  ageAtDay0: AgeAtDay0.optional(),
  dueDay: z.int().optional(),
  sex: Sex.optional(),
  nhsNumber: z.string().nullish(),
})
export type TimelinePerson = z.infer<typeof TimelinePerson>

export const TimelineRelationship = z.object({
  from: Ref,
  to: Ref,
  type: RelationshipType,
  fromDay: z.int().optional(),
  toDay: z.int().optional(),
})
export type TimelineRelationship = z.infer<typeof TimelineRelationship>

const EventBase = z.object({
  day: z.int(),
  agency: AgencyKind,
  type: EventType,
  subjects: z.array(Ref).default([]),
  details: z.record(z.string(), z.unknown()).default({}),
  organisation: z.string().optional(),
  area: z.string().optional(),
  summary: z.string().optional(),
})

type EventOf<K extends EventType> = {
  day: number
  agency: AgencyKind
  type: K
  subjects: string[]
  details: EventDetails[K]
  organisation?: string | undefined
  area?: string | undefined
  summary?: string | undefined
}
/** One event of a timeline, its details typed by its type. */
export type TimelineEvent = { [K in EventType]: EventOf<K> }[EventType]

export type Timeline = {
  id?: string | undefined
  title?: string | undefined
  day0?: string | undefined
  people: TimelinePerson[]
  relationships: TimelineRelationship[]
  events: TimelineEvent[]
}

const TimelineShape = z.object({
  id: z.string().optional(),
  title: z.string().optional(),
  day0: IsoDate.optional(),
  people: z.array(z.unknown()).min(1, 'a timeline needs at least one person'),
  relationships: z.array(z.unknown()).default([]),
  events: z.array(z.unknown()),
})

export type TimelineIssue = { path: string; message: string }

/** A timeline was refused; `issues` names each problem (at most 50 are kept). */
export class TimelineError extends Error {
  readonly issues: readonly TimelineIssue[]

  constructor(issues: readonly TimelineIssue[]) {
    const shown = issues.slice(0, 5).map(i => i.message)
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''
    super(`Timeline refused: ${shown.join('; ')}${more}`)
    this.name = 'TimelineError'
    this.issues = issues
  }
}

export type TimelineResult = { ok: true; timeline: Timeline } | { ok: false; issues: TimelineIssue[] }

const MAX_ISSUES = 50

function pathOf(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : `${p}.${String(k)}`), prefix)
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

function toIssues(where: string, issue: z.core.$ZodIssue, input: unknown): TimelineIssue[] {
  const path = pathOf(where, issue.path)
  const field = issue.path.map(String).join('.')
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(key => ({
      path: `${path}.${key}`,
      message: `${where}: unknown field '${field ? `${field}.` : ''}${key}'`,
    }))
  }
  if (issue.code === 'invalid_value' && issue.path.length === 1 && (field === 'agency' || field === 'type')) {
    const value = (input as Record<string, unknown>)[field]
    const what = field === 'agency' ? 'agency' : 'event type'
    return [{ path, message: `${where}: unknown ${what} '${String(value)}'` }]
  }
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
    return [{ path, message: `${where}: ${field || 'value'} is required` }]
  }
  return [{ path, message: `${where}: ${field ? `${field}: ` : ''}${issue.message}` }]
}

/** Check and parse a timeline without throwing. */
export function safeParseTimeline(input: unknown): TimelineResult {
  const issues: TimelineIssue[] = []
  const add = (...found: TimelineIssue[]) => {
    for (const i of found) if (issues.length < MAX_ISSUES) issues.push(i)
  }

  const shape = TimelineShape.safeParse(input)
  if (!shape.success) {
    for (const issue of shape.error.issues) add(...toIssues('timeline', issue, input))
    return { ok: false, issues }
  }

  const people: TimelinePerson[] = []
  const refs = new Set<string>()
  shape.data.people.forEach((raw, i) => {
    const where = `people[${i}]`
    const parsed = TimelinePerson.safeParse(raw)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(...toIssues(where, issue, raw))
      return
    }
    if (refs.has(parsed.data.ref))
      add({ path: `${where}.ref`, message: `${where}: ref '${parsed.data.ref}' is used twice` })
    refs.add(parsed.data.ref)
    people.push(parsed.data)
  })
  const checkRef = (where: string, field: string, ref: string) => {
    if (!refs.has(ref))
      add({ path: `${where}.${field}`, message: `${where}: ${field} '${ref}' is not one of the people` })
  }

  const relationships: TimelineRelationship[] = []
  shape.data.relationships.forEach((raw, i) => {
    const where = `relationships[${i}]`
    const parsed = TimelineRelationship.safeParse(raw)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(...toIssues(where, issue, raw))
      return
    }
    checkRef(where, 'from', parsed.data.from)
    checkRef(where, 'to', parsed.data.to)
    if (parsed.data.from === parsed.data.to)
      add({ path: `${where}.to`, message: `${where}: a person cannot be related to themselves` })
    relationships.push(parsed.data)
  })

  const events: TimelineEvent[] = []
  shape.data.events.forEach((raw, i) => {
    const where = `events[${i}]`
    const base = EventBase.safeParse(raw)
    if (!base.success) {
      for (const issue of base.error.issues) add(...toIssues(where, issue, raw))
      return
    }
    const { type } = base.data
    const details = detailSchemas[type].safeParse(base.data.details)
    if (!details.success) {
      for (const issue of details.error.issues)
        add(...toIssues(`${where} (${type})`, { ...issue, path: ['details', ...issue.path] }, raw))
      return
    }
    base.data.subjects.forEach((s, j) => checkRef(where, `subjects[${j}]`, s))
    const values = details.data as Record<string, unknown>
    for (const field of personRefFields[type] ?? []) {
      const value = values[field]
      if (typeof value === 'string') checkRef(where, `details.${field}`, value)
      else if (Array.isArray(value)) value.forEach((v, j) => checkRef(where, `details.${field}[${j}]`, String(v)))
    }
    events.push({ ...base.data, details: details.data } as TimelineEvent)
  })

  if (issues.length > 0) return { ok: false, issues }
  const { id, title, day0 } = shape.data
  return { ok: true, timeline: { id, title, day0, people, relationships, events } }
}

/** Check and parse a timeline; throws `TimelineError` naming every problem. */
export function parseTimeline(input: unknown): Timeline {
  const result = safeParseTimeline(input)
  if (!result.ok) throw new TimelineError(result.issues)
  return result.timeline
}
