import * as z from 'zod'
import { defineRule, type Rule } from '../rule.schema.ts'
import {
  NONE,
  DAYS_PER_YEAR,
  ageInYears,
  fire,
  isSeenAlone,
  isSeenInPerson,
  isStatutoryOpen,
  ofType,
  own,
  waitUntil,
} from './signals.ts'

const EVIDENCE_SEEN =
  'Ofsted: children were seen too infrequently and not asked for their views [risk.md T02; 28]. Daniel Pelka was ' +
  '“invisible” [80]; no one-to-one contact with Logan Mwangi away from home [87, 88]; Star Hobson’s visits were ' +
  '“superficial” [72].'

export const r02a = defineRule({
  id: 'R02a',
  version: 1,
  theme: 'T02',
  title: 'Visit without seeing the child',
  looksFor:
    'A social-care visit (or any agency’s visit while the child is on a plan) recorded with the child not seen.',
  parameters: z.object({}),
  evidence: `${EVIDENCE_SEEN} Logan’s social worker was told he had Covid and did not ask to see him [87, 88].`,
  action:
    'See the child: arrange a further visit within 24 to 72 hours; two visits in a row without seeing the child go to the manager.',
  schedule: 'event',
  evaluate(ctx) {
    for (const v of ofType(own(ctx), 'visit.completed')) {
      if (v.day !== ctx.today || v.details.childSeen) continue
      const s = ctx.status(v.day)
      if (v.agency === 'social-care' || s.cp || s.cin || s.lac) {
        const before = ofType(own(ctx), 'visit.completed')
          .filter(w => w.day < v.day && w.agency === v.agency)
          .at(-1)
        return fire(before && !before.details.childSeen ? [before, v] : [v])
      }
    }
    return NONE
  },
})

export const r02b = defineRule({
  id: 'R02b',
  version: 1,
  theme: 'T02',
  title: 'Child on a plan not seen alone',
  looksFor:
    'A child on a child protection plan (or, by default, a child in need plan), aged at least `minAgeYears`, not seen ' +
    'alone at the last two social-care visits, or not seen alone for `workingDays` working days on a child ' +
    'protection plan (`workingDaysChildInNeed` on a child in need plan).',
  parameters: z.object({
    minAgeYears: z.int().min(2).max(8).default(4),
    workingDays: z.int().min(5).max(60).default(20),
    workingDaysChildInNeed: z.int().min(10).max(60).default(30),
    includeChildInNeed: z.boolean().default(true),
  }),
  evidence: `${EVIDENCE_SEEN} Working Together 2023: listen to what a child says [53].`,
  action: 'See the child alone at the next visit, somewhere they can talk freely, and record their words.',
  schedule: 'absence',
  evaluate(ctx, p) {
    const s = ctx.status(ctx.today)
    const planSince = s.cp ? s.cpSince : p.includeChildInNeed && s.cin ? s.statutorySince : undefined
    if (planSince === undefined) return NONE
    const born = ctx.subject.birthDay
    const oldEnoughFrom = born === undefined ? -Infinity : born + Math.ceil(p.minAgeYears * DAYS_PER_YEAR)
    if (ctx.today < oldEnoughFrom) return waitUntil(ctx.today, oldEnoughFrom)
    const mine = own(ctx)
    const visits = ofType(mine, 'visit.completed').filter(v => v.agency === 'social-care' && v.day >= planSince)
    const lastTwo = visits.slice(-2)
    if (lastTwo.length === 2 && lastTwo.every(v => !v.details.childSeen || v.details.seenAlone === false))
      return fire(lastTwo)
    const lastAlone = mine.filter(isSeenAlone).at(-1)
    const since = Math.max(planSince, oldEnoughFrom, lastAlone?.day ?? -Infinity)
    const due = ctx.addWorkingDays(since, s.cp ? p.workingDays : p.workingDaysChildInNeed)
    if (ctx.today < due) return waitUntil(ctx.today, due)
    return fire(
      visits.slice(-3),
      lastAlone,
      mine.find(e => e.day === planSince),
    )
  },
})

export const r02c = defineRule({
  id: 'R02c',
  version: 1,
  theme: 'T02',
  title: 'Assessment without the child’s views',
  looksFor:
    'An assessment completed with the child recorded as not seen alone, for a child aged at least `minAgeYears`, with ' +
    'no record of the child’s words in the `lookBackDays` before it.',
  parameters: z.object({
    minAgeYears: z.int().min(2).max(8).default(4),
    lookBackDays: z.int().min(14).max(120).default(63),
  }),
  evidence: `${EVIDENCE_SEEN} Assessments need the child’s views and observations [risk.md R02c].`,
  action: 'Do not finalise the assessment until the child has been seen alone and their views recorded.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    for (const a of ofType(mine, 'assessment.completed')) {
      if (a.day !== ctx.today || a.details.childSeenAlone !== false) continue
      const age = ageInYears(ctx, a.day)
      if (age !== undefined && age < p.minAgeYears) continue
      const voice = mine.some(
        e => e.day <= a.day && e.day > a.day - p.lookBackDays && (e.type === 'child.voice-recorded' || isSeenAlone(e)),
      )
      if (!voice) return fire(a)
    }
    return NONE
  },
})

export const r02d = defineRule({
  id: 'R02d',
  version: 1,
  theme: 'T02',
  title: 'Family member used as interpreter',
  looksFor: 'A visit at which a family member or partner interpreted.',
  parameters: z.object({}),
  evidence:
    'Daniel Pelka’s family interpreted for professionals [risk.md T02, T18; 81b]; the child’s voice cannot be heard ' +
    'through the people it may need protecting from [28].',
  action: 'Use an independent interpreter for every safeguarding conversation; see the child again with one.',
  schedule: 'event',
  evaluate(ctx) {
    const v = ofType(own(ctx), 'visit.completed').find(e => e.details.interpreter === 'family-member')
    return v ? fire(v) : NONE
  },
})

export const r02e = defineRule({
  id: 'R02e',
  version: 1,
  theme: 'T02',
  title: 'Child said to be unavailable and not seen soon after',
  looksFor:
    'A visit where the child was said to be ill, isolating or away (or was not seen) during social-care involvement, ' +
    'with no professional seeing the child in person within `followUpDays`.',
  parameters: z.object({
    followUpDays: z.int().min(1).max(10).default(3),
  }),
  evidence:
    'A social worker visited Logan Mwangi the day before he died, was told he had Covid and did not ask to see him ' +
    '[risk.md T02; 87, 88]; claimed illness was used to keep workers out [76].',
  action: 'Follow up within 72 hours and see the child in person; verify the reason with the GP or school.',
  schedule: 'absence',
  evaluate(ctx, p) {
    const mine = own(ctx)
    let nextDue: number | undefined
    for (const v of mine) {
      const unavailable =
        (v.type === 'visit.no-access' &&
          (v.details.reason === 'ill' || v.details.reason === 'isolating' || v.details.reason === 'away')) ||
        (v.type === 'visit.completed' && !v.details.childSeen)
      if (!unavailable) continue
      if (v.agency !== 'social-care' && !isStatutoryOpen(ctx, v.day)) continue
      const due = v.day + p.followUpDays
      const seen = mine.some(e => e.day > v.day && e.day <= due && isSeenInPerson(ctx, e))
      if (seen) continue
      if (ctx.today >= due) return fire(v)
      nextDue = nextDue === undefined ? due : Math.min(nextDue, due)
    }
    return waitUntil(ctx.today, nextDue)
  },
})

export const r02f = defineRule({
  id: 'R02f',
  version: 1,
  theme: 'T02',
  title: 'Every visit on the plan announced',
  looksFor: 'At least `visits` social-care visits during a child protection plan, every one announced.',
  parameters: z.object({
    visits: z.int().min(3).max(10).default(4),
  }),
  evidence:
    'Unannounced visits show daily life; Star Hobson’s visits gave “limited understanding of what daily life was like” ' +
    '[risk.md T02; 72]; cleaning the house before a visit is a sign of disguised compliance [55].',
  action: 'Make the next visit unannounced.',
  schedule: 'event',
  evaluate(ctx, p) {
    const s = ctx.status(ctx.today)
    if (!s.cp || s.cpSince === undefined) return NONE
    const visits = ofType(own(ctx), 'visit.completed').filter(v => v.agency === 'social-care' && v.day >= s.cpSince!)
    if (visits.length < p.visits) return NONE
    return visits.every(v => v.details.announced === true) ? fire(visits) : NONE
  },
})

export const t02Rules: readonly Rule[] = [r02a, r02b, r02c, r02d, r02e, r02f]
