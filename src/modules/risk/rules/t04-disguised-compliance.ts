import * as z from 'zod'
import { defineRule, type Rule, type ViewEvent } from '../rule.schema.ts'
import {
  NONE,
  agencyGroup,
  distinctDays,
  isMadeUp,
  enoughAdverse,
  fire,
  household,
  isClaimedUnavailable,
  isFamilyCancellation,
  isMissedContact,
  normalise,
  ofType,
  own,
  within,
  type AgencyGroup,
} from './signals.ts'

const EVIDENCE_DC =
  'Disguised compliance (Reder, Duncan and Gray 1993): apparent co-operation defuses professional authority [risk.md ' +
  'T04; 55]; signs include not answering for unannounced visits, good engagement with one service to deflect others, ' +
  'claims of progress not borne out [56, 57]. The national review found professionals kept “at arm’s length” [9]. ' +
  'Show the pattern and ask for the practitioner’s hypothesis; never label the parent [58, 4].'

export const r04a = defineRule({
  id: 'R04a',
  version: 1,
  theme: 'T04',
  title: 'Progress recorded while harm continues',
  looksFor:
    'An agreement or plan action recorded as kept, followed within `windowDays` by new adverse information about ' +
    'the child or household (one serious event, or two lesser ones).',
  parameters: z.object({
    windowDays: z.int().min(30).max(365).default(120),
  }),
  evidence: EVIDENCE_DC,
  action:
    'Process is not outcome: review what has changed for the child since the agreement, with evidence from other agencies.',
  schedule: 'event',
  evaluate(ctx, p) {
    const kept = ofType(household(ctx), 'agreement.kept')
    for (const k of kept) {
      if (k.day <= ctx.today - p.windowDays) continue
      const after = ctx.events.filter(e => e.day > k.day || (e.day === k.day && e.index > k.index))
      const adverse = enoughAdverse(ctx, after)
      if (adverse.length > 0) return fire(k, adverse)
    }
    return NONE
  },
})

function engagement(e: ViewEvent): 'kept' | 'missed' | undefined {
  if (e.type === 'appointment.attended' || (e.type === 'visit.completed' && e.details.childSeen)) return 'kept'
  if (isMissedContact(e) || isFamilyCancellation(e)) return 'missed'
  return undefined
}

export const r04b = defineRule({
  id: 'R04b',
  version: 1,
  theme: 'T04',
  title: 'Engages with one service, avoids the others',
  looksFor:
    'Within `windowDays`, at least `kept` kept contacts with one kind of agency while at least `missed` contacts ' +
    'with other kinds of agency were missed, cancelled or refused.',
  parameters: z.object({
    windowDays: z.int().min(30).max(180).default(90),
    kept: z.int().min(1).max(5).default(2),
    missed: z.int().min(2).max(6).default(3),
  }),
  evidence: EVIDENCE_DC,
  action:
    'Share the pattern between the agencies; ask the family about it; agree how the child will be seen by each service.',
  schedule: 'event',
  evaluate(ctx, p) {
    const recent = within(own(ctx), ctx.today, p.windowDays)
    const kept = new Map<AgencyGroup, ViewEvent[]>()
    const missed = new Map<AgencyGroup, ViewEvent[]>()
    for (const e of recent) {
      const how = engagement(e)
      if (!how) continue
      const map = how === 'kept' ? kept : missed
      const g = agencyGroup(e.agency)
      map.set(g, [...(map.get(g) ?? []), e])
    }
    for (const [group, ok] of kept) {
      if (ok.length < p.kept) continue
      const elsewhere = [...missed].filter(([g]) => g !== group).flatMap(([, m]) => m)
      if (elsewhere.length >= p.missed) return fire(ok, elsewhere)
    }
    return NONE
  },
})

export const r04c = defineRule({
  id: 'R04c',
  version: 1,
  theme: 'T04',
  title: 'Unannounced visits fail, announced visits succeed',
  looksFor:
    'Within `windowDays`, at least `failures` unannounced visits with no access while announced visits found the ' +
    'family in.',
  parameters: z.object({
    windowDays: z.int().min(30).max(180).default(90),
    failures: z.int().min(1).max(4).default(2),
  }),
  evidence: EVIDENCE_DC,
  action: 'Discuss with the manager; vary the time of visits; ask other agencies when they last saw the child at home.',
  schedule: 'event',
  evaluate(ctx, p) {
    const recent = within(own(ctx), ctx.today, p.windowDays)
    const failed = ofType(recent, 'visit.no-access').filter(v => v.details.announced === false)
    const announced = ofType(recent, 'visit.completed').filter(v => v.details.announced === true && v.details.childSeen)
    return failed.length >= p.failures && announced.length > 0 ? fire(failed, announced) : NONE
  },
})

export const r04d = defineRule({
  id: 'R04d',
  version: 1,
  theme: 'T04',
  title: 'Repeated claims that the child is ill, isolating or away',
  looksFor:
    'At least `count` occasions within `windowDays` when a visit or appointment was prevented because the child was ' +
    'said to be ill, isolating or away, at least one of them a home visit (appointments made up within 28 days do ' +
    'not count).',
  parameters: z.object({
    count: z.int().min(2).max(5).default(2),
    windowDays: z.int().min(30).max(365).default(90),
  }),
  evidence: `${EVIDENCE_DC} Claimed Covid infection was used to keep workers out (Finley Boden, Logan Mwangi) [76, 88].`,
  action: 'Verify the reason with the GP or school; see the child in person as soon as the reason allows.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    const claims = distinctDays(
      within(mine, ctx.today, p.windowDays).filter(e => isClaimedUnavailable(e) && !isMadeUp(mine, e)),
    )
    return claims.length >= p.count && claims.some(e => e.type === 'visit.no-access') ? fire(claims) : NONE
  },
})

export const r04e = defineRule({
  id: 'R04e',
  version: 1,
  theme: 'T04',
  title: 'The child’s account differs from the parent’s',
  looksFor:
    'Within `days` days, an injury explained one way by the child (or a witness) and another way by a parent or carer.',
  parameters: z.object({
    days: z.int().min(0).max(14).default(3),
  }),
  evidence: `${EVIDENCE_DC} Children’s accounts differing from parents’ is a recognised sign [56].`,
  action:
    'Address the discrepancy in the analysis: speak to the child alone and weigh each account against the injury.',
  schedule: 'event',
  evaluate(ctx, p) {
    const injuries = ofType(own(ctx), 'injury.observed').filter(e => normalise(e.details.explanation) !== '')
    const independent = injuries.filter(
      e => e.details.explanationSource === 'child' || e.details.explanationSource === 'witness',
    )
    const parental = injuries.filter(
      e => e.details.explanationSource === 'parent' || e.details.explanationSource === 'carer',
    )
    for (const a of independent) {
      for (const b of parental) {
        if (Math.abs(a.day - b.day) > p.days) continue
        if (a.details.site && b.details.site && a.details.site !== b.details.site) continue
        if (normalise(a.details.explanation) !== normalise(b.details.explanation)) return fire(a, b)
      }
    }
    return NONE
  },
})

export const r04f = defineRule({
  id: 'R04f',
  version: 1,
  theme: 'T04',
  title: 'Written agreement broken',
  looksFor: 'A written agreement or safety plan recorded as broken.',
  parameters: z.object({}),
  evidence: `${EVIDENCE_DC} Claims of progress not borne out and no change at reviews [56, 57].`,
  action:
    'Review the plan with the manager: what does the broken agreement say about safety now? Consider a strategy discussion.',
  schedule: 'event',
  evaluate(ctx) {
    const broken = ofType(household(ctx), 'agreement.broken')[0]
    return broken
      ? fire(
          broken,
          ofType(household(ctx), 'agreement.made')
            .filter(m => m.day <= broken.day)
            .slice(-1),
        )
      : NONE
  },
})

export const t04Rules: readonly Rule[] = [r04a, r04b, r04c, r04d, r04e, r04f]
