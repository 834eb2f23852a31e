import type { AgencyKind } from '../agencies/index.ts'
import type { EventType } from '../chronology/index.ts'
import type { RelationshipType } from '../people/index.ts'
import { CaseCalendar, type AgeAtDay0 } from './calendar.ts'
import type { EventDetails } from '../chronology/index.ts'
import type {
  CaseRelationshipView,
  CaseStatus,
  PersonInfo,
  Relation,
  SubjectContext,
  SubjectInfo,
  ViewEvent,
} from './rule.schema.ts'

/**
 * The case as the rules read it: people, relationships and events (a timeline, or what the database holds for a
 * household), indexed once, and for each child a view of their chronology: their own events and those of the
 * people connected to them, each tagged with the connection. Pure and synchronous.
 */

export type CasePerson = {
  readonly ref: string
  readonly kind: 'child' | 'adult' | 'unborn'
  readonly sex?: 'M' | 'F' | 'U' | undefined
  readonly dateOfBirth?: string | null | undefined
  readonly ageAtDay0?: AgeAtDay0 | undefined
  readonly dueDay?: number | undefined
}

export type CaseRelationship = {
  readonly from: string
  readonly to: string
  readonly type: RelationshipType
  readonly fromDay?: number | undefined
  readonly toDay?: number | undefined
}

type CaseEventOf<K extends EventType> = {
  readonly day: number
  readonly agency: AgencyKind
  readonly type: K
  readonly subjects: readonly string[]
  readonly details: Readonly<EventDetails[K]>
  readonly organisation?: string | undefined
  readonly area?: string | undefined
}
/** An event as the engine takes it (a timeline event has this shape); evidence indexes the input array. */
export type CaseEvent = { [K in EventType]: CaseEventOf<K> }[EventType]

export type CaseInput = {
  /** ISO date of day 0; a fixed Wednesday when absent. */
  readonly day0?: string | undefined
  readonly people: readonly CasePerson[]
  readonly relationships: readonly CaseRelationship[]
  readonly events: readonly CaseEvent[]
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
type BaseEvent = DistributiveOmit<ViewEvent, 'rel'>
type Role = Exclude<Relation, 'self' | 'global'>

const rank: Readonly<Record<Relation, number>> = {
  self: 0,
  carer: 1,
  sibling: 2,
  family: 3,
  global: 4,
  associate: 5,
  context: 6,
}

const CARER_TYPES: ReadonlySet<RelationshipType> = new Set([
  'parent',
  'step-parent',
  'mother-partner',
  'father-partner',
  'carer',
  'household-member',
])
const PARTNER_TYPES: ReadonlySet<RelationshipType> = new Set([
  'mother-partner',
  'father-partner',
  'step-parent',
  'household-member',
  'carer',
])

/** The people an event is about: its subjects and the people its details name as involved. */
export function aboutRefs(event: CaseEvent): string[] {
  const refs = new Set(event.subjects)
  const add = (ref: string | undefined) => {
    if (ref) refs.add(ref)
  }
  switch (event.type) {
    case 'police.domestic-abuse':
      add(event.details.perpetrator)
      add(event.details.victim)
      break
    case 'police.arrest':
    case 'police.record':
    case 'household.joined':
    case 'household.left':
    case 'adult.mental-health':
    case 'adult.substance-misuse':
    case 'pregnancy.noted':
      add(event.details.person)
      break
    case 'police.check':
      add(event.details.about)
      break
    case 'concern.raised':
      add(event.details.about)
      break
    default:
      break
  }
  return [...refs]
}

type Interval = readonly [number, number]

function lastAtOrBefore<T extends { readonly day: number }>(items: readonly T[], day: number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (items[mid]!.day <= day) lo = mid + 1
    else hi = mid
  }
  return lo // number of items with day ≤ day
}

const NO_STATUS: CaseStatus = {
  cp: false,
  cpCategory: undefined,
  cpSince: undefined,
  cin: false,
  lac: false,
  assessing: false,
  earlyHelp: false,
  statutorySince: undefined,
}

function nextStatus(s: CaseStatus, e: ViewEvent): CaseStatus {
  const statutory = (next: Omit<CaseStatus, 'statutorySince'>): CaseStatus => {
    const isStatutory = next.cp || next.cin || next.lac || next.assessing
    const since = isStatutory ? (s.statutorySince ?? e.day) : undefined
    return { ...next, statutorySince: since }
  }
  switch (e.type) {
    case 'case.opened': {
      const service = e.details.service
      if (service === 'early-help') return { ...s, earlyHelp: true }
      if (service === 'child-protection') return statutory({ ...s, cp: true, cpSince: s.cpSince ?? e.day })
      if (service === 'looked-after') return statutory({ ...s, lac: true })
      return statutory({ ...s, cin: true })
    }
    case 'case.closed':
      return NO_STATUS
    case 'plan.started':
      return statutory({ ...s, cp: true, cpCategory: e.details.category ?? s.cpCategory, cpSince: s.cpSince ?? e.day })
    case 'plan.ended':
      return statutory({ ...s, cp: false, cpCategory: undefined, cpSince: undefined })
    case 'conference.held':
      if (e.details.outcome === 'plan') return statutory({ ...s, cp: true, cpSince: s.cpSince ?? e.day })
      if (e.details.outcome === 'plan-ended' || (e.details.outcome === 'no-plan' && e.details.kind === 'review'))
        return statutory({ ...s, cp: false, cpCategory: undefined, cpSince: undefined })
      return statutory({ ...s, assessing: false })
    case 'referral.decision': {
      const o = e.details.outcome
      if (o === 'assessment' || o === 'section-47' || o === 'strategy-discussion')
        return statutory({ ...s, assessing: true })
      if (o === 'early-help') return statutory({ ...s, earlyHelp: true, assessing: false })
      return statutory({ ...s, assessing: false })
    }
    case 'strategy-discussion.held':
      return statutory({ ...s, assessing: true })
    case 'assessment.completed': {
      const o = e.details.outcome
      if (o === 'child-in-need') return statutory({ ...s, cin: true, assessing: false })
      if (o === 'section-47') return statutory({ ...s, assessing: true })
      return statutory({ ...s, assessing: false })
    }
    case 'section-47.completed':
      return statutory({ ...s, assessing: false })
    default:
      return s
  }
}

const STATUS_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'case.opened',
  'case.closed',
  'plan.started',
  'plan.ended',
  'conference.held',
  'referral.decision',
  'strategy-discussion.held',
  'assessment.completed',
  'section-47.completed',
])

const KNOWN_BEFORE_BIRTH_DAYS = 84

function activeFrom(subject: SubjectInfo, events: readonly ViewEvent[]): number {
  const birth = subject.birthDay
  const pregnancies = events.filter(
    e =>
      e.type === 'pregnancy.noted' &&
      (e.rel === 'carer' || e.rel === 'self') &&
      (birth === undefined || (e.day < birth && e.day >= birth - 300)),
  )
  if (subject.kind === 'expectant') return pregnancies[0]?.day ?? -Infinity
  if (birth === undefined) return -Infinity
  const candidates = [birth - KNOWN_BEFORE_BIRTH_DAYS]
  if (pregnancies[0]) candidates.push(pregnancies[0].day)
  const own = events.find(e => e.rel === 'self')
  if (own) candidates.push(own.day)
  return Math.min(...candidates)
}

/**
 * An unborn child the record relates to nobody is the child of the recorded pregnancy: of the one whose due day
 * is nearest its own (within 60 days), or of the only pregnancy recorded.
 */
function unbornMothers(input: CaseInput): CaseRelationship[] {
  const parented = new Set(
    input.relationships.filter(r => r.type === 'parent' || r.type === 'step-parent').flatMap(r => [r.from, r.to]),
  )
  const pregnancies = input.events.flatMap(e => (e.type === 'pregnancy.noted' ? [e.details] : []))
  const mothers = [...new Set(pregnancies.map(p => p.person))]
  const found: CaseRelationship[] = []
  for (const p of input.people) {
    if (p.kind !== 'unborn' || parented.has(p.ref)) continue
    let mother: string | undefined
    if (p.dueDay !== undefined) {
      const near = pregnancies
        .filter(q => q.dueDay !== undefined && Math.abs(q.dueDay - p.dueDay!) <= 60)
        .sort((a, b) => Math.abs(a.dueDay! - p.dueDay!) - Math.abs(b.dueDay! - p.dueDay!))
      mother = near[0]?.person
    }
    if (mother === undefined && mothers.length === 1) mother = mothers[0]
    if (mother !== undefined) found.push({ from: mother, to: p.ref, type: 'parent' })
  }
  return found
}

/** One subject's connections, chronology and status, built once and read at any day. */
export class SubjectView {
  readonly subject: SubjectInfo
  readonly roles: ReadonlyMap<string, Role>
  readonly events: readonly ViewEvent[]
  /** Days on which the subject's rules must be re-read: event days and relationship start and end days. */
  readonly evaluationDays: readonly number[]
  /**
   * The first day the subject exists for the rules: for a child not yet born, the day the pregnancy is recorded
   * (or the first entry about the child), else twelve weeks before the birth; -Infinity when born or of unknown age.
   */
  readonly activeFrom: number
  private readonly access: ReadonlyMap<string, readonly Interval[]>
  private readonly statusPoints: readonly { day: number; status: CaseStatus }[]
  private readonly restrictions: readonly Interval[]
  private readonly indices: ReadonlySet<number>

  constructor(world: CaseWorld, subject: SubjectInfo) {
    this.subject = subject
    const roles = new Map<string, Role>()
    const access = new Map<string, Interval[]>()
    const relationDays: number[] = []
    const setRole = (ref: string, role: Role) => {
      if (ref === subject.ref) return
      const current = roles.get(ref)
      if (current === undefined || rank[role] < rank[current]) roles.set(ref, role)
    }
    const grant = (ref: string, interval: Interval) => {
      const list = access.get(ref) ?? []
      list.push(interval)
      access.set(ref, list)
    }
    const isChild = (ref: string) => world.person(ref)?.kind !== 'adult'
    const intervalOf = (r: CaseRelationship): Interval => {
      if (r.fromDay !== undefined) relationDays.push(r.fromDay)
      if (r.toDay !== undefined) relationDays.push(r.toDay)
      return [r.fromDay ?? -Infinity, r.toDay ?? Infinity]
    }

    // Direct relationships of the child.
    const directCarers = new Set<string>()
    for (const r of world.relationships) {
      const other = r.to === subject.ref ? r.from : r.from === subject.ref ? r.to : undefined
      if (other === undefined) continue
      if (r.type === 'associate') {
        setRole(other, 'associate')
        intervalOf(r)
      } else if (isChild(other)) {
        setRole(other, r.type === 'sibling' || CARER_TYPES.has(r.type) ? 'sibling' : 'family')
      } else if (CARER_TYPES.has(r.type)) {
        setRole(other, 'carer')
        directCarers.add(other)
        grant(other, intervalOf(r))
      } else {
        setRole(other, 'family')
        grant(other, intervalOf(r))
      }
    }
    // One step further through the carers: their partners, their other children, their parents.
    for (const r of world.relationships) {
      const carer = directCarers.has(r.from) ? r.from : directCarers.has(r.to) ? r.to : undefined
      if (carer === undefined) continue
      const other = carer === r.from ? r.to : r.from
      if (other === subject.ref || directCarers.has(other)) continue
      if (isChild(other)) {
        if (CARER_TYPES.has(r.type) || r.type === 'sibling') setRole(other, 'sibling')
      } else if (PARTNER_TYPES.has(r.type)) {
        setRole(other, 'carer')
        grant(other, intervalOf(r))
      } else if (r.type !== 'associate') {
        setRole(other, 'family')
        grant(other, intervalOf(r))
      }
    }
    // Household changes recorded as events, associations and shared places.
    const household = new Set<string>([subject.ref])
    for (const [ref, role] of roles) if (role === 'carer' || role === 'sibling') household.add(ref)
    const places = new Set<string>()
    world.events.forEach((e, position) => {
      if (e.type === 'household.joined' && e.subjects.some(s => household.has(s))) {
        const person = e.details.person
        if (person === subject.ref) return
        if (isChild(person)) {
          setRole(person, 'sibling')
          return
        }
        setRole(person, 'carer')
        const left = world.events.find(
          (l, p) => p > position && l.type === 'household.left' && l.details.person === person,
        )
        grant(person, [e.day, left ? left.day : Infinity])
      } else if (e.type === 'association.recorded' && e.subjects.includes(subject.ref)) {
        setRole(e.details.person, 'associate')
      } else if (e.type === 'place.linked' && e.subjects.includes(subject.ref)) {
        places.add(e.details.place)
      }
    })
    for (const e of world.events) {
      if (e.type === 'place.linked' && places.has(e.details.place)) for (const s of e.subjects) setRole(s, 'context')
    }
    // Adults the record never relates to anyone, but names with the child, or with a carer in a police incident or a
    // concern: treated as part of the household from the day they appear (the boyfriend nobody asked about).
    for (const e of world.events) {
      const withChild = e.subjects.includes(subject.ref)
      const withCarer =
        (e.type === 'police.domestic-abuse' || e.type === 'police.call-out' || e.type === 'concern.raised') &&
        e.refs.some(r => roles.get(r) === 'carer')
      if (!withChild && !withCarer) continue
      for (const ref of e.refs) {
        if (ref === subject.ref || roles.has(ref) || world.person(ref)?.kind !== 'adult' || world.isRelated(ref))
          continue
        setRole(ref, 'carer')
        grant(ref, [e.day, Infinity])
      }
    }
    this.roles = roles
    this.access = access

    // The chronology: every event about the child or someone connected to them.
    const events: ViewEvent[] = []
    for (const e of world.events) {
      let rel: Relation | undefined = e.subjects.length === 0 ? 'global' : undefined
      for (const ref of e.refs) {
        const r: Relation | undefined = ref === subject.ref ? 'self' : roles.get(ref)
        if (r !== undefined && (rel === undefined || rank[r] < rank[rel])) rel = r
      }
      if (rel !== undefined) events.push({ ...e, rel })
    }
    this.events = events
    this.indices = new Set(events.map(e => e.index))

    const points: { day: number; status: CaseStatus }[] = []
    let status = NO_STATUS
    for (const e of events) {
      if (e.rel !== 'self' || !STATUS_TYPES.has(e.type)) continue
      status = nextStatus(status, e)
      points.push({ day: e.day, status })
    }
    this.statusPoints = points

    const restrictions: Interval[] = []
    for (const e of events) {
      if (e.type === 'service.restricted' && e.rel !== 'associate' && e.rel !== 'context' && e.rel !== 'family')
        restrictions.push([e.day, e.details.untilDay ?? Infinity])
    }
    this.restrictions = restrictions

    this.activeFrom = activeFrom(subject, events)

    const days = new Set<number>(events.map(e => e.day))
    for (const d of relationDays) if (d >= world.firstDay && d <= world.lastDay) days.add(d)
    this.evaluationDays = [...days].sort((a, b) => a - b)
  }

  includes(eventIndex: number): boolean {
    return this.indices.has(eventIndex)
  }

  /** How many of the view's events fall on or before the day. */
  countUpTo(day: number): number {
    return lastAtOrBefore(this.events, day)
  }

  status(day: number): CaseStatus {
    const n = lastAtOrBefore(this.statusPoints, day)
    return n === 0 ? NO_STATUS : this.statusPoints[n - 1]!.status
  }

  hasAccessOn(ref: string, day: number): boolean {
    const role = this.roles.get(ref)
    if (role !== 'carer' && role !== 'family') return false
    const intervals = this.access.get(ref)
    if (!intervals) return true
    return intervals.some(([from, to]) => from <= day && day <= to)
  }

  isRestrictedOn(day: number): boolean {
    return this.restrictions.some(([from, to]) => from <= day && day <= to)
  }
}

/** The indexed case: build once per household (or timeline), then read any subject at any day. */
export class CaseWorld {
  readonly calendar: CaseCalendar
  readonly relationships: readonly CaseRelationship[]
  /** The events in day order (then input order), with the people each is about. */
  readonly events: readonly BaseEvent[]
  readonly subjects: readonly SubjectInfo[]
  readonly firstDay: number
  readonly lastDay: number
  private readonly people: ReadonlyMap<string, PersonInfo>
  private readonly byPerson: ReadonlyMap<string, readonly BaseEvent[]>
  private readonly related: ReadonlySet<string>
  private readonly views = new Map<string, SubjectView>()

  constructor(input: CaseInput) {
    this.calendar = new CaseCalendar(input.day0)
    const relationships = [...input.relationships, ...unbornMothers(input)]
    this.relationships = relationships
    this.related = new Set(relationships.flatMap(r => [r.from, r.to]))
    const events: BaseEvent[] = input.events.map((e, index) => ({
      index,
      day: e.day,
      type: e.type,
      agency: e.agency,
      organisation: e.organisation,
      area: e.area,
      subjects: e.subjects,
      details: e.details,
      refs: aboutRefs(e),
    })) as BaseEvent[]
    events.sort((a, b) => a.day - b.day || a.index - b.index)
    this.events = events
    this.firstDay = events[0]?.day ?? 0
    this.lastDay = events.at(-1)?.day ?? 0

    const byPerson = new Map<string, BaseEvent[]>()
    for (const e of events) {
      for (const ref of e.refs) {
        const list = byPerson.get(ref) ?? []
        list.push(e)
        byPerson.set(ref, list)
      }
    }
    this.byPerson = byPerson

    // Due days of pregnancies, by mother: the latest recorded.
    const dueByMother = new Map<string, number>()
    for (const e of events) {
      if (e.type === 'pregnancy.noted' && e.details.dueDay !== undefined)
        dueByMother.set(e.details.person, e.details.dueDay)
    }
    const parentsOf = (ref: string) =>
      relationships
        .filter(r => (r.to === ref || r.from === ref) && (r.type === 'parent' || r.type === 'step-parent'))
        .map(r => (r.to === ref ? r.from : r.to))

    const people = new Map<string, PersonInfo>()
    for (const p of input.people) {
      let birthDay: number | undefined
      if (p.dateOfBirth) birthDay = this.calendar.dayOf(p.dateOfBirth)
      else if (p.ageAtDay0) birthDay = this.calendar.birthDayFromAge(p.ageAtDay0)
      else if (p.dueDay !== undefined) birthDay = p.dueDay
      else if (p.kind === 'unborn')
        birthDay = parentsOf(p.ref)
          .map(m => dueByMother.get(m))
          .find(d => d !== undefined)
      people.set(p.ref, { ref: p.ref, kind: p.kind, sex: p.sex ?? 'U', birthDay })
    }
    this.people = people

    const subjects: SubjectInfo[] = []
    for (const p of people.values()) {
      if (p.kind !== 'adult') subjects.push({ ref: p.ref, kind: p.kind, sex: p.sex, birthDay: p.birthDay })
    }
    // A pregnancy with no unborn (or newborn) child in the record for it: the expectant mother is read instead.
    for (const [mother, dueDay] of this.pregnancies(events)) {
      if (people.get(mother)?.kind !== 'adult') continue
      const hasChild = relationships.some(r => {
        const child = r.from === mother ? r.to : r.to === mother ? r.from : undefined
        if (child === undefined || (r.type !== 'parent' && r.type !== 'step-parent')) return false
        const c = people.get(child)
        if (!c || c.kind === 'adult') return false
        return (
          c.kind === 'unborn' || c.birthDay === undefined || dueDay === undefined || Math.abs(c.birthDay - dueDay) <= 90
        )
      })
      const p = people.get(mother)!
      if (!hasChild) subjects.push({ ref: mother, kind: 'expectant', sex: p.sex, birthDay: dueDay })
    }
    this.subjects = subjects
  }

  private pregnancies(events: readonly BaseEvent[]): Map<string, number | undefined> {
    const found = new Map<string, number | undefined>()
    for (const e of events)
      if (e.type === 'pregnancy.noted') found.set(e.details.person, e.details.dueDay ?? found.get(e.details.person))
    return found
  }

  person(ref: string): PersonInfo | undefined {
    return this.people.get(ref)
  }

  /** The person has at least one recorded relationship. */
  isRelated(ref: string): boolean {
    return this.related.has(ref)
  }

  eventsOfPerson(ref: string): readonly BaseEvent[] {
    return this.byPerson.get(ref) ?? []
  }

  view(subjectRef: string): SubjectView {
    let view = this.views.get(subjectRef)
    if (!view) {
      const subject = this.subjects.find(s => s.ref === subjectRef)
      if (!subject) throw new RangeError(`'${subjectRef}' is not a subject of this case`)
      view = new SubjectView(this, subject)
      this.views.set(subjectRef, view)
    }
    return view
  }

  /** The subjects whose rules must be re-read when the event at this input index arrives. */
  affectedSubjects(eventIndex: number): string[] {
    return this.subjects.filter(s => this.view(s.ref).includes(eventIndex)).map(s => s.ref)
  }

  /** What the rules see of one subject at the end of a day. */
  context(subjectRef: string, today: number): SubjectContext {
    return new DayContext(this, this.view(subjectRef), today)
  }
}

class DayContext implements SubjectContext {
  readonly today: number
  readonly subject: SubjectInfo
  readonly firstDay: number
  readonly events: readonly ViewEvent[]
  private readonly world: CaseWorld
  private readonly view: SubjectView

  constructor(world: CaseWorld, view: SubjectView, today: number) {
    this.world = world
    this.view = view
    this.today = today
    this.subject = view.subject
    this.firstDay = world.firstDay
    this.events = view.events.slice(0, view.countUpTo(today))
  }

  ageInDays(day: number): number | undefined {
    return this.subject.birthDay === undefined ? undefined : day - this.subject.birthDay
  }

  status(day: number): CaseStatus {
    return this.view.status(Math.min(day, this.today))
  }

  roleOf(ref: string): Exclude<Relation, 'global'> | undefined {
    return ref === this.subject.ref ? 'self' : this.view.roles.get(ref)
  }

  hasAccessOn(ref: string, day: number): boolean {
    return this.view.hasAccessOn(ref, day)
  }

  peopleWithRole(role: Exclude<Relation, 'global' | 'self'>): readonly string[] {
    return [...this.view.roles].filter(([, r]) => r === role).map(([ref]) => ref)
  }

  person(ref: string): PersonInfo | undefined {
    return this.world.person(ref)
  }

  isRestrictedOn(day: number): boolean {
    return this.view.isRestrictedOn(day)
  }

  eventsAbout(ref: string): readonly ViewEvent[] {
    const rel: Relation = this.roleOf(ref) ?? 'context'
    const all = this.world.eventsOfPerson(ref)
    return all.slice(0, lastAtOrBefore(all, this.today)).map(e => ({ ...e, rel }))
  }

  relationships(): readonly CaseRelationshipView[] {
    const connected = (ref: string) => ref === this.subject.ref || this.view.roles.has(ref)
    return this.world.relationships
      .filter(r => (r.fromDay === undefined || r.fromDay <= this.today) && connected(r.from) && connected(r.to))
      .map(r => ({ from: r.from, to: r.to, type: r.type, fromDay: r.fromDay, toDay: r.toDay }))
  }

  isWorkingDay(day: number): boolean {
    return this.world.calendar.isWorkingDay(day)
  }

  addWorkingDays(day: number, n: number): number {
    return this.world.calendar.addWorkingDays(day, n)
  }
}
