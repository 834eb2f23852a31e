import * as z from 'zod'
import { defineRule, type Rule, type SubjectContext, type ViewEvent } from '../rule.schema.ts'
import { NONE, DAYS_PER_YEAR, distinctDays, fire, isOutOfArea, ofType, own, within } from './signals.ts'

const EVIDENCE_EFH =
  '“It was hard to escape”: critical moments (arrest, going missing, threats to life, exclusion) were missed and ' +
  'children seen through a criminal-justice lens [risk.md T16; 18–20]; Jaden Moodie [78, 79]; most exploited repeat ' +
  'victims were not referred to the multi-agency exploitation panel [96]. Association is not membership; guard ' +
  'against labelling [64, 65].'

/** The child was the one arrested (not a carer named in the details). */
function isOwnArrest(ctx: SubjectContext, e: ViewEvent): e is Extract<ViewEvent, { type: 'police.arrest' }> {
  return (
    e.type === 'police.arrest' &&
    e.rel === 'self' &&
    (e.details.person === undefined || e.details.person === ctx.subject.ref)
  )
}

/** Harm outside the home already happening to the child. */
function harmSigns(ctx: SubjectContext, events: readonly ViewEvent[]): ViewEvent[] {
  return events.filter(
    e =>
      e.type === 'exploitation.indicator' ||
      (e.type === 'missing.episode' && isOutOfArea(ctx, e)) ||
      (isOwnArrest(ctx, e) &&
        (e.details.offence === 'supply' || e.details.offence === 'possession' || e.details.offence === 'weapon')),
  )
}

export const r16a = defineRule({
  id: 'R16a',
  version: 1,
  theme: 'T16',
  title: 'Missing repeatedly or found out of area',
  looksFor:
    'At least `count` missing episodes within `windowDays`, or any episode in which the child was found out of area.',
  parameters: z.object({
    count: z.int().min(2).max(6).default(3),
    windowDays: z.int().min(30).max(365).default(90),
  }),
  evidence: EVIDENCE_EFH,
  action:
    'Exploitation screening and a return-home interview by an independent person; share with the exploitation lead.',
  schedule: 'event',
  evaluate(ctx, p) {
    const episodes = ofType(own(ctx), 'missing.episode')
    const outOfArea = episodes.find(e => isOutOfArea(ctx, e))
    if (outOfArea) return fire(outOfArea)
    const recent = within(episodes, ctx.today, p.windowDays)
    return recent.length >= p.count ? fire(recent) : NONE
  },
})

export const r16b = defineRule({
  id: 'R16b',
  version: 1,
  theme: 'T16',
  title: 'Arrest that is a reachable moment',
  looksFor:
    'The child arrested for supply; for possession or a weapon out of area; or arrested within `signDays` of signs ' +
    'such as unexplained money, new phones or county-lines intelligence.',
  parameters: z.object({
    signDays: z.int().min(7).max(90).default(30),
  }),
  evidence: EVIDENCE_EFH,
  action:
    'Treat the child as a possible victim: exploitation worker, consider a National Referral Mechanism referral, notify the home area.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    for (const a of mine) {
      if (!isOwnArrest(ctx, a)) continue
      const o = a.details.offence
      if (o === 'supply') return fire(a)
      if ((o === 'possession' || o === 'weapon') && isOutOfArea(ctx, a)) return fire(a)
      const signs = ofType(mine, 'exploitation.indicator').filter(
        s => Math.abs(s.day - a.day) <= p.signDays && s.details.indicator !== 'sexual-exploitation',
      )
      if (signs.length > 0) return fire(a, signs)
    }
    return NONE
  },
})

export const r16c = defineRule({
  id: 'R16c',
  version: 1,
  theme: 'T16',
  title: 'Violent injury to an adolescent',
  looksFor:
    'A child aged at least `minAgeYears` with a wound to the body, or an injury with police involvement within ' +
    '`policeDays` days, or any injury when exploitation signs (or two missing episodes) were recorded in the `contextDays` before.',
  parameters: z.object({
    minAgeYears: z.int().min(8).max(14).default(10),
    policeDays: z.int().min(0).max(14).default(3),
    contextDays: z.int().min(90).max(730).default(365),
  }),
  evidence: `${EVIDENCE_EFH} A stab or violent injury is a critical moment [risk.md R16c].`,
  action:
    'Safeguarding referral; treat as a critical moment: strategy discussion, exploitation screening, safety plan.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    for (const e of mine) {
      const age = ctx.ageInDays(e.day)
      if (age === undefined || age < p.minAgeYears * DAYS_PER_YEAR) continue
      const injury = e.type === 'injury.observed' || (e.type === 'hospital.attendance' && e.details.reason === 'injury')
      if (!injury) continue
      const bodyWound =
        e.type === 'injury.observed' &&
        e.details.kind === 'wound' &&
        e.details.site !== undefined &&
        ['torso', 'back', 'neck', 'buttocks', 'face'].includes(e.details.site)
      const police = mine.some(
        x => x.agency === 'police' && Math.abs(x.day - e.day) <= p.policeDays && x.day <= ctx.today,
      )
      const inContext = (s: ViewEvent) => s.day <= e.day && s.day > e.day - p.contextDays
      const context =
        harmSigns(ctx, mine).some(inContext) || ofType(mine, 'missing.episode').filter(inContext).length >= 2
      if (bodyWound || police || context) return fire(e)
    }
    return NONE
  },
})

export const r16d = defineRule({
  id: 'R16d',
  version: 1,
  theme: 'T16',
  title: 'Linked to a harmed child, an adult of concern or a place of concern',
  looksFor:
    'A current association with an adult of concern (reliability not low), or with a peer who is being exploited ' +
    'or harmed outside the home; or a link to a place that at least `placeLinks` other children are also linked to.',
  parameters: z.object({
    placeLinks: z.int().min(1).max(5).default(2),
  }),
  evidence: `${EVIDENCE_EFH} Systems should link children who share a contextual risk [63].`,
  action:
    'Context alert: consider the peer group or place in the exploitation meeting; assess with a contextual safeguarding lens.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    for (const a of ofType(mine, 'association.recorded')) {
      if (a.details.untilDay !== undefined && a.details.untilDay < ctx.today) continue
      const ref = a.details.person
      if (a.details.kind === 'adult-of-concern' && a.details.reliability !== 'low') return fire(a)
      const peer = ctx.person(ref)
      if (peer?.kind !== 'child') continue
      const harmed = harmSigns(
        ctx,
        ctx.eventsAbout(ref).map(e => ({ ...e, rel: 'self' as const })),
      )
      if (harmed.length > 0)
        return fire(
          a,
          harmed.filter(h => ctx.events.some(v => v.index === h.index)),
        )
    }
    for (const l of ofType(mine, 'place.linked')) {
      const others = ofType(ctx.events, 'place.linked').filter(
        o => o.details.place === l.details.place && !o.subjects.includes(ctx.subject.ref),
      )
      const people = new Set(others.flatMap(o => o.subjects).filter(s => ctx.person(s)?.kind === 'child'))
      if (people.size >= p.placeLinks) return fire(l, others)
    }
    return NONE
  },
})

export const r16e = defineRule({
  id: 'R16e',
  version: 1,
  theme: 'T16',
  title: 'Exploitation repeating without a multi-agency response',
  looksFor:
    'At least `count` signs of exploitation already happening (indicators, found out of area, drug or weapon arrests) ' +
    'on different days with no National Referral Mechanism referral, strategy discussion or exploitation referral since the first.',
  parameters: z.object({
    count: z.int().min(2).max(4).default(2),
  }),
  evidence: EVIDENCE_EFH,
  action: 'Refer to the multi-agency exploitation meeting and consider a National Referral Mechanism referral.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    const signs = distinctDays(harmSigns(ctx, mine))
    if (signs.length < p.count) return NONE
    const first = signs[0]!
    const responded = mine.some(
      e =>
        e.day >= first.day &&
        (e.type === 'nrm.referral' ||
          e.type === 'strategy-discussion.held' ||
          (e.type === 'concern.raised' && e.details.category === 'exploitation')),
    )
    return responded ? NONE : fire(signs)
  },
})

export const t16Rules: readonly Rule[] = [r16a, r16b, r16c, r16d, r16e]
