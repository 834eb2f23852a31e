import type { AgencyKind } from '../../agencies/index.ts'
import type { EventType } from '../../chronology/index.ts'
import type { Evaluation, SubjectContext, ViewEvent, ViewEventOfType } from '../rule.schema.ts'

/**
 * Shared readings of the record that several rules use: what counts as a missed contact, a sighting of the child,
 * an indicator of physical abuse, adverse information. Each is a plain predicate over events, so a reviewer can
 * read exactly what a rule counts.
 */

export const DAYS_PER_YEAR = 365.25
export const DAYS_PER_MONTH = 30.44
/** Fractures below this age (in months) are indicators of abuse whatever the explanation (a starting point). */
export const FRACTURE_INDICATOR_MONTHS = 18

export const NONE: Evaluation = { findings: [] }

/** A finding citing these events (duplicates dropped, in index order). */
export function fire(
  ...evidence: (ViewEvent | number | undefined | readonly (ViewEvent | number | undefined)[])[]
): Evaluation {
  const indices = new Set<number>()
  const add = (e: ViewEvent | number | undefined) => {
    if (e === undefined) return
    indices.add(typeof e === 'number' ? e : e.index)
  }
  for (const item of evidence) {
    if (Array.isArray(item)) for (const e of item as readonly (ViewEvent | number | undefined)[]) add(e)
    else add(item as ViewEvent | number | undefined)
  }
  return { findings: [{ evidence: [...indices].sort((a, b) => a - b) }] }
}

/** Nothing yet; look again on `nextDue` (the earliest of the given days after today) if nothing happens before. */
export function waitUntil(today: number, ...days: (number | undefined)[]): Evaluation {
  const future = days.filter((d): d is number => d !== undefined && d > today && Number.isFinite(d))
  return future.length === 0 ? NONE : { findings: [], nextDue: Math.min(...future) }
}

export function ofType<K extends EventType>(events: readonly ViewEvent[], ...types: K[]): ViewEventOfType<K>[] {
  if (types.length === 1) {
    const type = types[0]
    return events.filter(e => e.type === type) as ViewEventOfType<K>[]
  }
  const wanted = new Set<EventType>(types)
  return events.filter(e => wanted.has(e.type)) as ViewEventOfType<K>[]
}

const ownCache = new WeakMap<SubjectContext, readonly ViewEvent[]>()
const householdCache = new WeakMap<SubjectContext, readonly ViewEvent[]>()

/** The child's own events (they are a subject, or named in the details). Computed once per context. */
export function own(ctx: SubjectContext): readonly ViewEvent[] {
  let events = ownCache.get(ctx)
  if (!events) {
    events = ctx.events.filter(e => e.rel === 'self')
    ownCache.set(ctx, events)
  }
  return events
}

/** Events about the child or the adults they live with. Computed once per context. */
export function household(ctx: SubjectContext): readonly ViewEvent[] {
  let events = householdCache.get(ctx)
  if (!events) {
    events = ctx.events.filter(e => e.rel === 'self' || e.rel === 'carer')
    householdCache.set(ctx, events)
  }
  return events
}

/** Events in the window of `days` ending today (today included). */
export function within<T extends { readonly day: number }>(events: readonly T[], today: number, days: number): T[] {
  return events.filter(e => e.day > today - days && e.day <= today)
}

/** One event per day (the first recorded): several agencies recording one incident count once. */
export function distinctDays<T extends { readonly day: number }>(events: readonly T[]): T[] {
  const seen = new Set<number>()
  return events.filter(e => (seen.has(e.day) ? false : (seen.add(e.day), true)))
}

export type AgencyGroup = 'health' | 'social-care' | 'education' | 'police' | 'justice' | 'community'

export function agencyGroup(agency: AgencyKind): AgencyGroup {
  switch (agency) {
    case 'health':
    case 'gp':
    case 'hospital':
    case 'ambulance':
    case 'mental-health':
    case 'substance-misuse':
      return 'health'
    case 'social-care':
      return 'social-care'
    case 'school':
    case 'education':
    case 'early-years':
      return 'education'
    case 'police':
      return 'police'
    case 'probation':
    case 'youth-justice':
    case 'court':
      return 'justice'
    default:
      return 'community'
  }
}

// ------------------------------------------------------------------------------------------------ age

export function ageInYears(ctx: SubjectContext, day: number): number | undefined {
  const days = ctx.ageInDays(day)
  return days === undefined ? undefined : days / DAYS_PER_YEAR
}

export function isBorn(ctx: SubjectContext, day: number): boolean {
  if (ctx.subject.kind === 'expectant') return false
  const days = ctx.ageInDays(day)
  return days === undefined ? ctx.subject.kind !== 'unborn' : days >= 0
}

/** Unborn, or born and younger than `months`. */
export function isInfant(ctx: SubjectContext, day: number, months = 12): boolean {
  if (ctx.subject.kind === 'expectant') return true
  const days = ctx.ageInDays(day)
  if (days === undefined) return ctx.subject.kind === 'unborn'
  return days < months * DAYS_PER_MONTH
}

/** A dependent child: born and under `maxYears + 1` (unknown ages count as dependent). */
export function isDependent(ctx: SubjectContext, day: number, maxYears: number): boolean {
  if (!isBorn(ctx, day)) return false
  const years = ageInYears(ctx, day)
  return years === undefined || years < maxYears + 1
}

// -------------------------------------------------------------------------------------- contact and sight

export function isMissedContact(e: ViewEvent): e is ViewEventOfType<'appointment.was-not-brought' | 'visit.no-access'> {
  return e.type === 'appointment.was-not-brought' || e.type === 'visit.no-access'
}

export function isFamilyCancellation(e: ViewEvent): e is ViewEventOfType<'appointment.cancelled'> {
  return e.type === 'appointment.cancelled' && e.details.by !== 'service'
}

/** Contact prevented by a claim that the child is ill, isolating or away. */
export function isClaimedUnavailable(e: ViewEvent): boolean {
  const unavailable = (reason: string | undefined) => reason === 'ill' || reason === 'isolating' || reason === 'away'
  if (e.type === 'visit.no-access') return unavailable(e.details.reason)
  if (e.type === 'appointment.was-not-brought') return unavailable(e.details.reason)
  if (e.type === 'appointment.cancelled') return e.details.by !== 'service' && unavailable(e.details.reason)
  return false
}

/**
 * A missed or cancelled appointment that was made up: the child was brought to the same service (or, with no
 * service recorded, to the same kind of agency) within `days` after it. Routine, and not counted as a pattern.
 */
export function isMadeUp(mine: readonly ViewEvent[], e: ViewEvent, days = 28): boolean {
  if ((e.type !== 'appointment.was-not-brought' && e.type !== 'appointment.cancelled') || days === 0) return false
  const service = normalise(e.details.service)
  return mine.some(
    a =>
      a.type === 'appointment.attended' &&
      a.day > e.day &&
      a.day <= e.day + days &&
      (service === '' ? a.agency === e.agency : normalise(a.details.service) === service),
  )
}

/** A professional saw the child in person on this occasion. */
export function isSeenInPerson(ctx: SubjectContext, e: ViewEvent): boolean {
  if (e.rel !== 'self') return false
  const restricted = ctx.isRestrictedOn(e.day)
  switch (e.type) {
    case 'visit.completed':
      return e.details.childSeen && e.details.remote !== true && !(restricted && e.details.remote === undefined)
    case 'appointment.attended':
    case 'health.growth':
      return !restricted
    case 'hospital.attendance':
    case 'medical.examination':
    case 'school.concern':
      return true
    case 'injury.observed':
      return e.details.observed !== 'reported'
    default:
      return false
  }
}

/** The child was seen alone (by a visit or for an assessment). */
export function isSeenAlone(e: ViewEvent): boolean {
  if (e.rel !== 'self') return false
  if (e.type === 'visit.completed') return e.details.childSeen && e.details.seenAlone === true
  if (e.type === 'assessment.completed') return e.details.childSeenAlone === true
  return false
}

/** A remote contact with the child (phone or video). */
export function isRemoteContact(ctx: SubjectContext, e: ViewEvent): boolean {
  if (e.rel !== 'self') return false
  if (e.type === 'visit.completed')
    return e.details.remote === true || (ctx.isRestrictedOn(e.day) && e.details.remote !== false)
  if (e.type === 'appointment.attended') return ctx.isRestrictedOn(e.day)
  return false
}

/**
 * The event happened out of the child's area: as recorded (`outOfArea`, `foundOutOfArea`), or, when that is not
 * recorded, because its `area` differs from the child's home area (the area most of the child's other entries in the
 * year before give). An explicit `false` is believed.
 */
export function isOutOfArea(ctx: SubjectContext, e: ViewEvent): boolean {
  let recorded: boolean | undefined
  if (e.type === 'police.arrest') recorded = e.details.outOfArea
  else if (e.type === 'missing.episode') recorded = e.details.foundOutOfArea
  else return false
  if (recorded !== undefined) return recorded
  if (e.area === undefined) return false
  const counts = new Map<string, number>()
  for (const o of own(ctx)) {
    if (o.area === undefined || o.day > e.day || o.day <= e.day - 365) continue
    if (o.type === 'police.arrest' || o.type === 'missing.episode') continue
    counts.set(o.area, (counts.get(o.area) ?? 0) + 1)
  }
  const home = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
  return home !== undefined && normalise(home) !== normalise(e.area)
}

// ----------------------------------------------------------------------------------------------- injuries

export function isInjury(e: ViewEvent): boolean {
  return e.type === 'injury.observed' || (e.type === 'hospital.attendance' && e.details.reason === 'injury')
}

/** Not independently mobile: as recorded, else (no mobility recorded) under `months` old. */
export function isNonMobile(ctx: SubjectContext, e: ViewEvent, months = 6): boolean {
  if (e.type === 'injury.observed' && e.details.childMobile !== undefined) return !e.details.childMobile
  const days = ctx.ageInDays(e.day)
  return days !== undefined && days >= 0 && days < months * DAYS_PER_MONTH
}

/** No explanation was given (recorded as none, or no explanation recorded at all). */
export function isUnexplained(e: ViewEventOfType<'injury.observed'>): boolean {
  const { explanation, explanationSource } = e.details
  return (
    explanationSource === 'none' ||
    (explanationSource === undefined && (explanation === undefined || explanation.trim() === ''))
  )
}

/**
 * An indicator of physical (or sexual) abuse that calls for a strategy discussion: an injury to a child who is not
 * mobile, an unexplained injury, a bite, genital injury, a fracture under 18 months, a late presentation; an allegation
 * of physical or sexual abuse; medical findings consistent with abuse; a carer arrested for an offence against a
 * child.
 */
export function isPhysicalIndicator(ctx: SubjectContext, e: ViewEvent): boolean {
  switch (e.type) {
    case 'injury.observed': {
      if (e.rel !== 'self') return false
      if (isNonMobile(ctx, e) || isUnexplained(e)) return true
      if (e.details.kind === 'bite' || e.details.site === 'genitals') return true
      const days = ctx.ageInDays(e.day)
      return e.details.kind === 'fracture' && days !== undefined && days < FRACTURE_INDICATOR_MONTHS * DAYS_PER_MONTH
    }
    case 'hospital.attendance':
      return e.rel === 'self' && e.details.reason === 'injury' && (e.details.delayDays ?? 0) >= 1
    case 'concern.raised':
      return e.rel === 'self' && (e.details.category === 'physical' || e.details.category === 'sexual')
    case 'medical.examination':
      return e.rel === 'self' && e.details.findings === 'consistent-with-abuse'
    case 'police.arrest':
      return e.details.offence === 'against-child' && isAboutCarer(ctx, e)
    default:
      return false
  }
}

/** Sites where accidental bruising in a young child is rare (ear, neck, trunk, buttocks, genitals). */
const PROTECTED_SITES: ReadonlySet<string> = new Set(['ear', 'neck', 'torso', 'back', 'buttocks', 'genitals'])

/** A bruise (or an injury of unrecorded kind) at a protected site, not explained by a witness or a doctor. */
export function isProtectedSiteBruise(e: ViewEvent): boolean {
  if (e.type !== 'injury.observed') return false
  const { kind, site, explanationSource } = e.details
  if (site === undefined || !PROTECTED_SITES.has(site)) return false
  if (kind !== undefined && kind !== 'bruise') return false
  return explanationSource !== 'witness' && explanationSource !== 'medical'
}

/**
 * An injury that matters on its own (for the child or a sibling): not mobile (as recorded; by age for the child),
 * unexplained, a bite or genital injury, a fracture under 18 months, a bruise at a protected site under four, a late
 * presentation.
 */
export function isWorryingInjury(ctx: SubjectContext, e: ViewEvent): boolean {
  if (e.type === 'hospital.attendance') return e.details.reason === 'injury' && (e.details.delayDays ?? 0) >= 1
  if (e.type !== 'injury.observed') return false
  const own = e.rel === 'self'
  if (e.details.childMobile === false || (own && isNonMobile(ctx, e)) || isUnexplained(e)) return true
  if (e.details.kind === 'bite' || e.details.site === 'genitals') return true
  const days = own ? ctx.ageInDays(e.day) : undefined
  if (days !== undefined && days < 4 * DAYS_PER_YEAR && isProtectedSiteBruise(e)) return true
  return e.details.kind === 'fracture' && days !== undefined && days < FRACTURE_INDICATOR_MONTHS * DAYS_PER_MONTH
}

// ------------------------------------------------------------------------------------------------- adults

const HARM_OFFENCES = new Set(['violence', 'domestic-abuse', 'sexual', 'against-child', 'weapon'])

/** A police record or arrest that makes an adult a risk to children: orders, or violent, sexual, abuse offences. */
export function isHarmRecord(e: ViewEvent): boolean {
  if (e.type === 'police.record') {
    if (e.details.kind === 'restraining-order' || e.details.kind === 'non-molestation-order') return true
    return e.details.offence !== undefined && HARM_OFFENCES.has(e.details.offence)
  }
  if (e.type === 'police.arrest') return e.details.offence !== undefined && HARM_OFFENCES.has(e.details.offence)
  if (e.type === 'police.check') return e.details.result === 'trace'
  return false
}

/** The adult this event is about (a detail naming them, else its only adult subject). */
export function adultOf(ctx: SubjectContext, e: ViewEvent): string | undefined {
  let named: string | undefined
  switch (e.type) {
    case 'police.record':
    case 'police.arrest':
    case 'household.joined':
    case 'household.left':
    case 'adult.mental-health':
    case 'adult.substance-misuse':
      named = e.details.person
      break
    case 'police.check':
      named = e.details.about
      break
    default:
      break
  }
  if (named !== undefined) return ctx.person(named)?.kind === 'adult' ? named : undefined
  const adults = e.subjects.filter(s => ctx.person(s)?.kind === 'adult')
  return adults.length === 1 ? adults[0] : undefined
}

/** The event is about an adult who is a carer of the child (or, for an expectant mother, about herself). */
export function isAboutCarer(ctx: SubjectContext, e: ViewEvent): boolean {
  const adult = adultOf(ctx, e)
  if (adult === undefined) return false
  return ctx.roleOf(adult) === 'carer' || (ctx.subject.kind === 'expectant' && adult === ctx.subject.ref)
}

/** The adult is a carer (parent, partner, household member) of the child. */
export function isCarer(ctx: SubjectContext, ref: string | undefined): boolean {
  return ref !== undefined && ctx.roleOf(ref) === 'carer'
}

/** Social care has met or checked the adult: an entry of theirs about him, a visit he was at, a police check. */
export function isKnownToSocialCare(ctx: SubjectContext, ref: string): boolean {
  for (const e of ctx.eventsAbout(ref)) {
    if (e.agency === 'social-care' && e.type !== 'household.joined') return true
    if (
      e.type === 'police.check' &&
      e.details.about === ref &&
      e.details.result !== 'not-returned' &&
      e.details.result !== undefined
    )
      return true
    if (e.type === 'household.joined' && e.details.person === ref && e.details.checked === true) return true
  }
  return ctx.events.some(
    e => e.type === 'visit.completed' && e.agency === 'social-care' && (e.details.othersPresent ?? []).includes(ref),
  )
}

// -------------------------------------------------------------------------------------- adverse information

/**
 * New adverse information about the child or household, graded: `strong` is enough on its own to call a
 * judgement into question; `weak` (a single missed appointment, an explained injury to a mobile child, a call-out,
 * a new adult already checked) only in numbers, counted by occasion. A missed appointment is strong for a child on
 * a plan.
 */
export function adverseGrade(ctx: SubjectContext, e: ViewEvent): 'strong' | 'weak' | undefined {
  const selfish = e.rel === 'self'
  const home = e.rel === 'self' || e.rel === 'carer'
  switch (e.type) {
    case 'injury.observed':
      if (!selfish && e.rel !== 'sibling') return undefined
      return isWorryingInjury(ctx, e) ? 'strong' : 'weak'
    case 'hospital.attendance':
      if (!selfish || (e.details.reason !== 'injury' && e.details.reason !== 'ingestion')) return undefined
      return (e.details.delayDays ?? 0) >= 1 ? 'strong' : 'weak'
    case 'police.domestic-abuse':
      return home || e.rel === 'sibling' ? 'strong' : undefined
    case 'police.call-out':
      return home ? 'weak' : undefined
    case 'police.arrest':
    case 'police.record':
      if (!home) return undefined
      return isHarmRecord(e) || (e.type === 'police.arrest' && e.details.offence === 'supply') ? 'strong' : 'weak'
    case 'police.check':
      return home && e.details.result === 'trace' ? 'strong' : undefined
    case 'household.joined':
      if (ctx.person(e.details.person)?.kind !== 'adult') return undefined
      return e.details.checked === true ? 'weak' : 'strong'
    case 'appointment.was-not-brought':
    case 'visit.no-access': {
      if (!selfish) return undefined
      const s = ctx.status(e.day)
      return s.cp || s.cin || s.lac ? 'strong' : 'weak'
    }
    case 'concern.raised':
      return selfish || e.rel === 'sibling' || e.rel === 'carer' ? 'strong' : undefined
    case 'missing.episode':
    case 'exploitation.indicator':
    case 'school.exclusion':
      return selfish ? 'strong' : undefined
    case 'school.roll-change':
      return selfish &&
        (e.details.to === 'elective-home-education' ||
          e.details.to === 'missing-education' ||
          e.details.to === 'off-roll')
        ? 'strong'
        : undefined
    case 'agreement.broken':
    case 'evidence.received':
      return home ? 'strong' : undefined
    case 'adult.mental-health':
    case 'adult.substance-misuse':
      if (!home) return undefined
      return e.details.severity === 'low' ? 'weak' : 'strong'
    case 'home.conditions':
      return home &&
        (e.details.conditions === 'poor' || e.details.conditions === 'squalid' || e.details.sleep === 'unsafe')
        ? 'strong'
        : undefined
    case 'health.growth':
      return selfish && (e.details.trend === 'falling' || (e.details.weightCentile ?? 50) <= 2) ? 'strong' : undefined
    case 'medical.examination':
      return selfish && e.details.findings === 'consistent-with-abuse' ? 'strong' : undefined
    case 'school.concern':
      return selfish ? 'weak' : undefined
    default:
      return undefined
  }
}

/** The adverse events among these, if they amount to enough: any strong one, or `weakNeeded` weak ones. */
export function enoughAdverse(ctx: SubjectContext, events: readonly ViewEvent[], weakNeeded = 2): ViewEvent[] {
  const strong: ViewEvent[] = []
  const weak: ViewEvent[] = []
  for (const e of events) {
    const grade = adverseGrade(ctx, e)
    if (grade === 'strong') strong.push(e)
    else if (grade === 'weak') weak.push(e)
  }
  // Lesser items count by occasion: a hospital attendance and its injury record are one.
  if (strong.length > 0 || distinctDays(weak).length >= weakNeeded)
    return [...strong, ...weak].sort((a, b) => a.day - b.day || a.index - b.index)
  return []
}

// ------------------------------------------------------------------------------------------ involvement

const INVOLVEMENT: ReadonlySet<EventType> = new Set<EventType>([
  'concern.raised',
  'referral.decision',
  'case.opened',
  'assessment.completed',
  'strategy-discussion.held',
  'section-47.completed',
  'conference.held',
  'plan.started',
  'police.domestic-abuse',
  'legal.meeting',
])

/**
 * The child is known to services: open to social care now, or a concern, referral, assessment, domestic-abuse
 * incident or other safeguarding involvement about the child, a sibling or a carer within `withinDays`. Returns the
 * most recent such event (or the event that opened the current involvement), else undefined.
 */
export function knownToServices(ctx: SubjectContext, day: number, withinDays: number): ViewEvent | undefined {
  let found: ViewEvent | undefined
  for (const e of ctx.events) {
    if (e.day > day) break
    if (e.rel !== 'self' && e.rel !== 'carer' && e.rel !== 'sibling') continue
    if (INVOLVEMENT.has(e.type) && e.day > day - withinDays) found = e
  }
  if (found) return found
  const s = ctx.status(day)
  if (s.cp || s.cin || s.lac || s.assessing || s.earlyHelp) {
    return [...ctx.events].reverse().find(e => e.rel === 'self' && e.day <= day && INVOLVEMENT.has(e.type))
  }
  return undefined
}

/** Involvement beyond universal services and early help: assessments, enquiries, plans, proceedings. */
function isStatutoryEvent(e: ViewEvent): boolean {
  switch (e.type) {
    case 'strategy-discussion.held':
    case 'section-47.completed':
    case 'assessment.completed':
    case 'conference.held':
    case 'plan.started':
    case 'legal.meeting':
      return true
    case 'case.opened':
      return e.details.service !== 'early-help'
    case 'referral.decision':
      return (
        e.details.outcome === 'assessment' ||
        e.details.outcome === 'section-47' ||
        e.details.outcome === 'strategy-discussion'
      )
    default:
      return false
  }
}

/**
 * A safeguarding history within `withinDays`: statutory involvement (assessment, enquiry, plan, proceedings) about
 * the child or a sibling, a domestic-abuse incident at home, or concerns raised on two or more days. Stricter than
 * `knownToServices`: a single concern met by early help is not enough. Returns the most recent such event.
 */
export function safeguardingHistory(ctx: SubjectContext, day: number, withinDays: number): ViewEvent | undefined {
  let found: ViewEvent | undefined
  const concernDays = new Set<number>()
  let lastConcern: ViewEvent | undefined
  for (const e of ctx.events) {
    if (e.day > day) break
    if (e.day <= day - withinDays) continue
    if (e.rel !== 'self' && e.rel !== 'carer' && e.rel !== 'sibling') continue
    if ((isStatutoryEvent(e) && e.rel !== 'carer') || e.type === 'police.domestic-abuse') found = e
    if (e.type === 'concern.raised') {
      concernDays.add(e.day)
      lastConcern = e
    }
  }
  if (found) return found
  if (concernDays.size >= 2) return lastConcern
  const s = ctx.status(day)
  if (s.cp || s.cin || s.lac || s.assessing)
    return [...ctx.events].reverse().find(e => e.rel === 'self' && e.day <= day && isStatutoryEvent(e))
  return undefined
}

/** Open to statutory social care (child in need, child protection, looked after, or being assessed) on the day. */
export function isStatutoryOpen(ctx: SubjectContext, day: number): boolean {
  const s = ctx.status(day)
  return s.cp || s.cin || s.lac || s.assessing
}

/** Decisions that close or reduce involvement: NFA, closure, step-down. */
export function isClosingDecision(e: ViewEvent): boolean {
  switch (e.type) {
    case 'case.closed':
      return e.details.reason !== 'moved-away'
    case 'referral.decision':
      return e.details.outcome === 'no-further-action' || e.details.outcome === 'early-help'
    case 'assessment.completed':
      return e.details.outcome === 'no-further-action'
    case 'section-47.completed':
      return e.details.outcome !== 'substantiated'
    case 'strategy-discussion.held':
      return e.details.outcome === 'no-section-47'
    default:
      return false
  }
}

/** A key that tells referrers apart: the person, else the kind of referrer and where they work. */
export function referrerKey(e: ViewEventOfType<'concern.raised'>): string {
  if (e.details.referrerRef) return `ref:${e.details.referrerRef}`
  if (e.details.referrer === 'professional') return `professional:${e.agency}`
  return `${e.details.referrer}:${e.organisation ?? ''}`
}

/** Normalise free text for comparing accounts. */
export function normalise(text: string | undefined): string {
  return (text ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}
