import * as z from 'zod'
import { defineRule, type Rule, type ViewEvent } from '../rule.schema.ts'
import {
  NONE,
  DAYS_PER_YEAR,
  agencyGroup,
  distinctDays,
  fire,
  isFamilyCancellation,
  isMadeUp,
  isMissedContact,
  normalise,
  ofType,
  own,
  within,
} from './signals.ts'

const EVIDENCE_NEGLECT =
  'Neglect is complex and cumulative, often in poverty [risk.md T06; 13]; it rarely has a trigger incident, so ' +
  'without a chronology incidents are seen in isolation [59]; Daniel Pelka’s weight loss, scavenging, bruises and ' +
  'poor attendance were handled separately by school, nurse, GP and paediatrician [80, 81].'

type Domain = 'health care' | 'growth' | 'home conditions' | 'school attendance' | 'presentation' | 'supervision'

/** The neglect domains the record shows in a window, each with the events that show it. */
function domains(
  events: readonly ViewEvent[],
  own: readonly ViewEvent[],
  absenceSessions: number,
): Map<Domain, ViewEvent[]> {
  const found = new Map<Domain, ViewEvent[]>()
  const add = (d: Domain, e: readonly ViewEvent[]) => {
    if (e.length > 0) found.set(d, [...(found.get(d) ?? []), ...e])
  }
  const missedHealth = own.filter(e => isMissedContact(e) && agencyGroup(e.agency) === 'health')
  if (missedHealth.length >= 2) add('health care', missedHealth)
  add(
    'growth',
    ofType(own, 'health.growth').filter(e => e.details.trend === 'falling' || (e.details.weightCentile ?? 50) <= 2),
  )
  add(
    'home conditions',
    ofType(events, 'home.conditions').filter(
      e =>
        (e.rel === 'self' || e.rel === 'carer') &&
        (e.details.conditions === 'poor' || e.details.conditions === 'squalid' || e.details.sleep === 'unsafe'),
    ),
  )
  const absences = ofType(own, 'school.absence')
  const sessions = absences.reduce((n, e) => n + (e.details.sessions ?? 1), 0)
  if (sessions >= absenceSessions) add('school attendance', absences)
  add(
    'school attendance',
    ofType(own, 'school.roll-change').filter(e => e.details.to === 'missing-education'),
  )
  add('presentation', ofType(own, 'school.concern'))
  add(
    'presentation',
    ofType(own, 'concern.raised').filter(e => e.details.category === 'neglect'),
  )
  const accidents = distinctDays(
    ofType(own, 'hospital.attendance').filter(e => e.details.reason === 'injury' || e.details.reason === 'ingestion'),
  )
  if (accidents.length >= 2) add('supervision', accidents)
  return found
}

export const r06a = defineRule({
  id: 'R06a',
  version: 1,
  theme: 'T06',
  title: 'Concerns across several areas of care',
  looksFor:
    'Within `windowDays`, signs in at least `domains` different areas of the child’s care, each perhaps minor on its ' +
    'own: missed health care (two or more), faltering growth, poor home conditions or unsafe sleep, school absence ' +
    '(at least `absenceSessions` sessions) or missing education, concerns about presentation (school or neglect ' +
    'referrals), and repeated accidents.',
  parameters: z.object({
    domains: z.int().min(2).max(6).default(3),
    windowDays: z.int().min(90).max(730).default(365),
    absenceSessions: z.int().min(4).max(60).default(20),
  }),
  evidence: EVIDENCE_NEGLECT,
  action:
    'Build a multi-agency chronology and complete a Graded Care Profile 2 with the family; consider a neglect referral.',
  schedule: 'event',
  evaluate(ctx, p) {
    const recent = within(ctx.events, ctx.today, p.windowDays)
    const found = domains(
      recent,
      recent.filter(e => e.rel === 'self'),
      p.absenceSessions,
    )
    return found.size >= p.domains ? fire([...found.values()].flat()) : NONE
  },
})

export const r06b = defineRule({
  id: 'R06b',
  version: 1,
  theme: 'T06',
  title: 'Accidents with forewarning',
  looksFor:
    'At least `count` emergency attendances for injuries or ingestions within `windowDays` for a child under `maxAgeYears + 1`.',
  parameters: z.object({
    count: z.int().min(2).max(4).default(2),
    windowDays: z.int().min(90).max(365).default(180),
    maxAgeYears: z.int().min(1).max(7).default(4),
  }),
  evidence: `${EVIDENCE_NEGLECT} “Accidents with forewarning” are one of the ways neglect presents in reviews [30a].`,
  action:
    'Review supervision and home safety with the health visitor; share the attendances with the GP and any social worker.',
  schedule: 'event',
  evaluate(ctx, p) {
    const age = ctx.ageInDays(ctx.today)
    if (age !== undefined && (age < 0 || age >= (p.maxAgeYears + 1) * DAYS_PER_YEAR)) return NONE
    const accidents = distinctDays(
      within(ofType(own(ctx), 'hospital.attendance'), ctx.today, p.windowDays).filter(
        e => e.details.reason === 'injury' || e.details.reason === 'ingestion',
      ),
    )
    return accidents.length >= p.count ? fire(accidents) : NONE
  },
})

const CENTILE_LINES = [0.4, 2, 9, 25, 50, 75, 91, 98, 99.6]

function nearestLine(centile: number): number {
  let best = 0
  for (let i = 1; i < CENTILE_LINES.length; i++) {
    if (
      Math.abs(Math.log(centile + 0.1) - Math.log(CENTILE_LINES[i]! + 0.1)) <
      Math.abs(Math.log(centile + 0.1) - Math.log(CENTILE_LINES[best]! + 0.1))
    )
      best = i
  }
  return best
}

export const r06c = defineRule({
  id: 'R06c',
  version: 1,
  theme: 'T06',
  title: 'Faltering growth and missed health contact',
  looksFor:
    'Weight recorded as falling (or dropping at least `linesDropped` centile lines within `windowDays`) and the child ' +
    'not brought to an appointment or not found at a visit within `windowDays`.',
  parameters: z.object({
    linesDropped: z.int().min(1).max(4).default(2),
    windowDays: z.int().min(90).max(730).default(365),
  }),
  evidence: `${EVIDENCE_NEGLECT} Khyra Ishaq’s missed appointments and weight loss were not connected [84].`,
  action: 'Arrange a paediatric review of growth; see the child at home; consider a neglect referral.',
  schedule: 'event',
  evaluate(ctx, p) {
    const recent = within(own(ctx), ctx.today, p.windowDays)
    const growth = ofType(recent, 'health.growth')
    const falling: ViewEvent[] = []
    for (const g of growth) {
      if (g.details.trend === 'falling') falling.push(g)
      const c = g.details.weightCentile
      if (c === undefined) continue
      const high = growth.filter(h => h.day < g.day && h.details.weightCentile !== undefined)
      const peak = high.reduce<(typeof growth)[number] | undefined>(
        (best, h) => (best === undefined || h.details.weightCentile! > best.details.weightCentile! ? h : best),
        undefined,
      )
      if (peak && nearestLine(peak.details.weightCentile!) - nearestLine(c) >= p.linesDropped) falling.push(peak, g)
    }
    const missed = recent.filter(isMissedContact)
    return falling.length > 0 && missed.length > 0 ? fire(falling, missed) : NONE
  },
})

export const r06e = defineRule({
  id: 'R06e',
  version: 1,
  theme: 'T06',
  title: 'Repeatedly missed at the same health service',
  looksFor:
    'At least `count` appointments at the same service (as recorded) not attended or cancelled by the family within ' +
    '`windowDays`, not made up within 28 days: a possible unmet medical need.',
  parameters: z.object({
    count: z.int().min(2).max(6).default(3),
    windowDays: z.int().min(90).max(730).default(365),
  }),
  evidence:
    'Medical neglect of children with serious conditions is a Panel concern [risk.md T06; 1]; disabled children in ' +
    'reviews had frequently rescheduled, unkept specialist appointments [30b].',
  action:
    'Ask the service what the child’s condition needs; speak to the family and the GP; consider whether this is medical neglect.',
  schedule: 'event',
  evaluate(ctx, p) {
    const byService = new Map<string, ViewEvent[]>()
    const mine = own(ctx)
    for (const e of within(mine, ctx.today, p.windowDays)) {
      if ((e.type !== 'appointment.was-not-brought' && !isFamilyCancellation(e)) || isMadeUp(mine, e)) continue
      const service =
        e.type === 'appointment.was-not-brought' || e.type === 'appointment.cancelled'
          ? normalise(e.details.service)
          : ''
      if (service === '') continue
      byService.set(service, [...(byService.get(service) ?? []), e])
    }
    for (const misses of byService.values()) if (misses.length >= p.count) return fire(misses)
    return NONE
  },
})

export const t06Rules: readonly Rule[] = [r06a, r06b, r06c, r06e]
