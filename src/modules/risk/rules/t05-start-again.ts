import * as z from 'zod'
import { defineRule, type Rule, type ViewEvent } from '../rule.schema.ts'
import { NONE, distinctDays, fire, isClosingDecision, ofType, own, waitUntil, within } from './signals.ts'

const EVIDENCE_START_AGAIN =
  '“Start again syndrome” (Brandon et al. 2008): each new episode looks at the case with fresh eyes and history is not ' +
  'analysed [risk.md T05; 54]; about two-thirds of children in serious case reviews had been known to social care ' +
  '[12]; Star Hobson had five referrals in nine months, each closed [72]; Arthur Labinjo-Hughes had two assessments ' +
  'ending in no further action [66]; professionals are slow to revise judgements [45, 46].'

/** Closures of the child's involvement: case closed, referral or assessment ending in no further action. */
function closures(events: readonly ViewEvent[]): ViewEvent[] {
  return events.filter(
    e =>
      (e.type === 'case.closed' && e.details.reason !== 'moved-away') ||
      (e.type === 'referral.decision' && e.details.outcome === 'no-further-action') ||
      (e.type === 'assessment.completed' && e.details.outcome === 'no-further-action') ||
      (e.type === 'section-47.completed' && e.details.outcome === 'not-substantiated'),
  )
}

export const r05a = defineRule({
  id: 'R05a',
  version: 1,
  theme: 'T05',
  title: 'New concern soon after a closure',
  looksFor: 'A new concern or referral about the child within `windowDays` of a closure or no-further-action decision.',
  parameters: z.object({
    windowDays: z.int().min(90).max(730).default(365),
  }),
  evidence: EVIDENCE_START_AGAIN,
  action:
    'Before deciding, read the previous chronology and assessment conclusions: what is the same, what is new? The ' +
    'screener records that they have.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    for (const c of ofType(mine, 'concern.raised')) {
      if (c.day !== ctx.today) continue
      const before = closures(mine).filter(
        e => (e.day < c.day || (e.day === c.day && e.index < c.index)) && e.day > c.day - p.windowDays,
      )
      if (before.length > 0) return fire(c, before)
    }
    return NONE
  },
})

export const r05b = defineRule({
  id: 'R05b',
  version: 1,
  theme: 'T05',
  title: 'Cumulative concern: repeated referrals',
  looksFor:
    'At least `count` concerns or referrals (on different days) about the child — or, by default, their household — ' +
    'within `windowDays`, whatever their outcomes.',
  parameters: z.object({
    count: z.int().min(2).max(6).default(3),
    windowDays: z.int().min(90).max(730).default(365),
    includeHousehold: z.boolean().default(true),
  }),
  evidence: `${EVIDENCE_START_AGAIN} “The growing weight of concerned voices … should have prompted professionals to reconsider the escalating risks” [72].`,
  action: 'Manager review of the whole history; consider a strategy discussion.',
  schedule: 'event',
  evaluate(ctx, p) {
    const concerns = ofType(ctx.events, 'concern.raised').filter(
      e => e.rel === 'self' || (p.includeHousehold && (e.rel === 'sibling' || e.rel === 'carer')),
    )
    const recent = distinctDays(within(concerns, ctx.today, p.windowDays))
    return recent.length >= p.count ? fire(recent) : NONE
  },
})

export const r05c = defineRule({
  id: 'R05c',
  version: 1,
  theme: 'T05',
  title: 'Repeat assessment after an earlier one was closed',
  looksFor:
    'An assessment completed when an earlier assessment of the child, within `windowDays`, ended in no further action ' +
    'or was followed by closure.',
  parameters: z.object({
    windowDays: z.int().min(180).max(1460).default(730),
  }),
  evidence: EVIDENCE_START_AGAIN,
  action: 'Link and analyse the previous assessments: what did they conclude, and what has happened since?',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    const assessments = ofType(mine, 'assessment.completed')
    const current = assessments.find(a => a.day === ctx.today)
    if (!current) return NONE
    const earlier = assessments.filter(
      a => a.index !== current.index && a.day <= current.day && a.day > current.day - p.windowDays,
    )
    for (const a of earlier.reverse()) {
      const closedAfter = closures(mine).find(c => c.day >= a.day && c.day <= current.day && c.index !== current.index)
      if (a.details.outcome === 'no-further-action' || closedAfter) return fire(a, closedAfter, current)
    }
    return NONE
  },
})

export const r05d = defineRule({
  id: 'R05d',
  version: 1,
  theme: 'T05',
  title: 'Plan drifting',
  looksFor: 'A child protection plan (and, by default, a child in need plan) open for more than `planDays` days.',
  parameters: z.object({
    planDays: z.int().min(90).max(730).default(270),
    includeChildInNeed: z.boolean().default(true),
  }),
  evidence: `${EVIDENCE_START_AGAIN} Minor improvements or outputs are taken for outcomes [54].`,
  action:
    'Review conference or manager review: what has changed for the child? Consider pre-proceedings or stepping up.',
  schedule: 'absence',
  evaluate(ctx, p) {
    const s = ctx.status(ctx.today)
    const since = s.cp ? s.cpSince : p.includeChildInNeed && s.cin ? s.statutorySince : undefined
    if (since === undefined) return NONE
    const due = since + p.planDays
    if (ctx.today < due) return waitUntil(ctx.today, due)
    const start = own(ctx).find(
      e =>
        e.day === since &&
        (e.type === 'plan.started' ||
          e.type === 'conference.held' ||
          e.type === 'case.opened' ||
          e.type === 'assessment.completed' ||
          e.type === 'referral.decision' ||
          e.type === 'strategy-discussion.held'),
    )
    return fire(
      start,
      ofType(own(ctx), 'conference.held').filter(c => c.day >= since),
    )
  },
})

export const r05e = defineRule({
  id: 'R05e',
  version: 1,
  theme: 'T05',
  title: 'Closed with checks outstanding',
  looksFor:
    'A closure or no-further-action decision while an information request or police check is unanswered, or the ' +
    'referrer was not spoken to.',
  parameters: z.object({}),
  evidence: `${EVIDENCE_START_AGAIN} Closure should wait for the checks it depends on [risk.md R05e].`,
  action: 'Do not close until the outstanding checks are answered and the referrer has been spoken to.',
  schedule: 'event',
  evaluate(ctx) {
    const closing = ctx.events.find(e => e.day === ctx.today && e.rel === 'self' && isClosingDecision(e))
    if (!closing) return NONE
    if (closing.type === 'referral.decision' && closing.details.referrerContacted === false) {
      const concern = ofType(own(ctx), 'concern.raised')
        .filter(c => c.day <= closing.day && c.details.referrer !== 'anonymous')
        .at(-1)
      if (concern && concern.day > closing.day - 30) return fire(concern, closing)
    }
    const outstanding: ViewEvent[] = []
    for (const r of ofType(ctx.events, 'information.requested')) {
      if (r.rel !== 'self' && r.rel !== 'carer') continue
      const answered = ofType(ctx.events, 'information.provided').some(
        a => a.day >= r.day && (r.details.requestRef === undefined || a.details.requestRef === r.details.requestRef),
      )
      if (!answered) outstanding.push(r)
    }
    for (const c of ofType(ctx.events, 'police.check')) {
      if (c.rel !== 'self' && c.rel !== 'carer') continue
      const resolved = ofType(ctx.events, 'police.check').some(
        d =>
          d.details.about === c.details.about &&
          d.day >= c.day &&
          (d.details.result === 'trace' || d.details.result === 'no-trace'),
      )
      if (!resolved) outstanding.push(c)
    }
    return outstanding.length > 0 ? fire(outstanding, closing) : NONE
  },
})

export const t05Rules: readonly Rule[] = [r05a, r05b, r05c, r05d, r05e]
