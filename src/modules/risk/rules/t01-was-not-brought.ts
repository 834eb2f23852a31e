import * as z from 'zod'
import { defineRule, type Rule, type ViewEvent } from '../rule.schema.ts'
import {
  NONE,
  agencyGroup,
  distinctDays,
  fire,
  isDependent,
  isFamilyCancellation,
  isMissedContact,
  isSeenInPerson,
  isBorn,
  safeguardingHistory,
  isMadeUp,
  own,
  waitUntil,
  within,
  DAYS_PER_YEAR,
  type AgencyGroup,
} from './signals.ts'

const EVIDENCE_WNB =
  'Health guidance codes a child’s non-attendance as “was not brought”: patterns and context matter, not a one-off miss ' +
  '[risk.md T01; 31]. Hamzah Khan was missing from health and education for almost his whole life [82]; Khyra Ishaq’s ' +
  'missed appointments were not connected with other signs [84].'

export const r01a = defineRule({
  id: 'R01a',
  version: 1,
  theme: 'T01',
  title: 'Repeatedly not brought or no access',
  looksFor:
    'A dependent child not brought to appointments, or not found at home visits, at least `count` times within ' +
    '`windowDays`, counting every agency together. An appointment made up (the child brought to the same service ' +
    'within `madeUpDays`) does not count, and one the service rebooked counts only when `madeUpDays` have passed ' +
    'without the child being brought; a visit with no access always counts.',
  parameters: z.object({
    count: z.int().min(2).max(6).default(2),
    windowDays: z.int().min(30).max(365).default(90),
    maxAgeYears: z.int().min(4).max(17).default(12),
    madeUpDays: z.int().min(0).max(42).default(28),
  }),
  evidence: EVIDENCE_WNB,
  action:
    'Review the missed contacts across agencies with the child’s health visitor or school nurse and GP; find out who ' +
    'has seen the child and when; consider a home visit to see the child.',
  schedule: 'absence',
  evaluate(ctx, p) {
    if (!isDependent(ctx, ctx.today, p.maxAgeYears)) return NONE
    const mine = own(ctx)
    const counted: ViewEvent[] = []
    let nextDue: number | undefined
    for (const e of distinctDays(within(mine.filter(isMissedContact), ctx.today, p.windowDays))) {
      if (isMadeUp(mine, e, p.madeUpDays)) continue
      // A miss the service has rebooked counts once the rebooked chance has passed without the child being brought.
      const rebooked = e.type === 'appointment.was-not-brought' && e.details.rebooked === true
      const countsFrom = rebooked ? e.day + p.madeUpDays : e.day
      if (countsFrom <= ctx.today) counted.push(e)
      else nextDue = nextDue === undefined ? countsFrom : Math.min(nextDue, countsFrom)
    }
    return counted.length >= p.count ? fire(counted) : waitUntil(ctx.today, nextDue)
  },
})

export const r01b = defineRule({
  id: 'R01b',
  version: 1,
  theme: 'T01',
  title: 'Not brought while on a child protection plan for neglect',
  looksFor:
    'Any “was not brought” or no-access visit while the child is on a child protection plan for neglect (or a plan ' +
    'whose category is multiple or not recorded).',
  parameters: z.object({
    includeAllCategories: z.boolean().default(false),
  }),
  evidence:
    'A child on a child protection plan for neglect who misses one appointment should raise concern [risk.md T01; 31].',
  action: 'Tell the child’s social worker today; agree who will see the child and when, and record it on the plan.',
  schedule: 'event',
  evaluate(ctx, p) {
    const missed = own(ctx).filter(e => e.day === ctx.today && isMissedContact(e))
    for (const e of missed) {
      const s = ctx.status(e.day)
      if (!s.cp) continue
      const c = s.cpCategory
      if (p.includeAllCategories || c === undefined || c === 'neglect' || c === 'multiple') return fire(e)
    }
    return NONE
  },
})

export const r01c = defineRule({
  id: 'R01c',
  version: 1,
  theme: 'T01',
  title: 'Appointments repeatedly cancelled by the family',
  looksFor: 'At least `count` appointments cancelled or rearranged by the family within `windowDays`.',
  parameters: z.object({
    count: z.int().min(2).max(6).default(3),
    windowDays: z.int().min(30).max(365).default(90),
    maxAgeYears: z.int().min(4).max(17).default(12),
  }),
  evidence:
    'Repeated cancelling and rescheduling deserves curiosity and can be a sign of disguised compliance [risk.md T01; 32].',
  action:
    'Possible avoidance: consider an unannounced visit and check with the other agencies whether they have seen the child.',
  schedule: 'event',
  evaluate(ctx, p) {
    if (!isDependent(ctx, ctx.today, p.maxAgeYears)) return NONE
    const cancelled = within(own(ctx).filter(isFamilyCancellation), ctx.today, p.windowDays)
    return cancelled.length >= p.count ? fire(cancelled) : NONE
  },
})

function missedGroup(e: ViewEvent): AgencyGroup | undefined {
  if (e.type === 'school.absence') return 'education'
  if (e.type === 'school.roll-change' && (e.details.to === 'missing-education' || e.details.to === 'off-roll'))
    return 'education'
  if (isMissedContact(e) || isFamilyCancellation(e)) return agencyGroup(e.agency)
  return undefined
}

export const r01d = defineRule({
  id: 'R01d',
  version: 1,
  theme: 'T01',
  title: 'Missed by several agencies at once',
  looksFor:
    'Within `windowDays`, missed contact recorded by at least `groups` different kinds of agency: health ' +
    '(not brought), social care (no access), education (absence), and others.',
  parameters: z.object({
    groups: z.int().min(2).max(4).default(3),
    windowDays: z.int().min(7).max(90).default(30),
  }),
  evidence:
    'The cross-agency picture no single agency sees: a health “was not brought”, a social-work no-access visit and ' +
    'school absence together [risk.md T01, R01d; 31, 82].',
  action:
    'High priority: share the missed contacts between the agencies today and agree who will see the child within 24 hours.',
  schedule: 'event',
  evaluate(ctx, p) {
    if (!isBorn(ctx, ctx.today)) return NONE
    const recent = within(own(ctx), ctx.today, p.windowDays)
    const byGroup = new Map<AgencyGroup, ViewEvent[]>()
    for (const e of recent) {
      const g = missedGroup(e)
      if (g) byGroup.set(g, [...(byGroup.get(g) ?? []), e])
    }
    if (byGroup.size < p.groups) return NONE
    if (!recent.some(e => e.day === ctx.today && missedGroup(e))) return NONE
    return fire([...byGroup.values()].flat())
  },
})

export const r01e = defineRule({
  id: 'R01e',
  version: 1,
  theme: 'T01',
  title: 'Child not visible to any service',
  looksFor:
    'A child under `maxAgeYears + 1`, not looked after, with a safeguarding history in the last `knownWithinDays` ' +
    '(an assessment, enquiry or plan for the child or a sibling, domestic abuse at home, or concerns on two or more ' +
    'days), whom no professional has seen in person for `unseenDays` since their own record began.',
  parameters: z.object({
    unseenDays: z.int().min(60).max(365).default(182),
    maxAgeYears: z.int().min(1).max(4).default(4),
    knownWithinDays: z.int().min(90).max(1095).default(730),
  }),
  evidence:
    'Hamzah Khan was missing from health and education for almost his whole life [risk.md T01; 82]; Ofsted found ' +
    'children seen too infrequently and difficulty seeing a child not connected with abuse [28].',
  action:
    'Find out who last saw the child; arrange for the health visitor or social worker to see the child at home; check ' +
    'GP registration and nursery or school roll.',
  schedule: 'absence',
  evaluate(ctx, p) {
    const born = ctx.subject.birthDay
    if (ctx.subject.kind === 'expectant') return NONE
    const mine = own(ctx)
    const first = mine[0]
    // Nothing before the child's own record starts can be read as "not seen".
    if (!first) return NONE
    const last = mine.filter(e => isSeenInPerson(ctx, e)).at(-1)
    const since = Math.max(last?.day ?? first.day, born ?? first.day, first.day)
    const due = since + p.unseenDays
    const ageAtDue = born === undefined ? undefined : (due - born) / DAYS_PER_YEAR
    if (ageAtDue !== undefined && ageAtDue >= p.maxAgeYears + 1) return NONE
    if (ctx.today < due) return waitUntil(ctx.today, due)
    if (!isBorn(ctx, ctx.today) || ctx.status(ctx.today).lac) return NONE
    const known = safeguardingHistory(ctx, ctx.today, p.knownWithinDays)
    return known ? fire(last, known) : NONE
  },
})

export const t01Rules: readonly Rule[] = [r01a, r01b, r01c, r01d, r01e]
