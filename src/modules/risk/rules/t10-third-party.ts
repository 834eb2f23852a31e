import * as z from 'zod'
import { defineRule, type Rule, type ViewEvent } from '../rule.schema.ts'
import { NONE, fire, ofType, own, referrerKey, within } from './signals.ts'

const EVIDENCE_THIRD_PARTY =
  'The national review found concerns from wider family “too often” disregarded [risk.md T10; 9]; Star Hobson’s ' +
  'referrals were treated as malicious and a referrer was never spoken to [72, 73]; Arthur Labinjo-Hughes’ ' +
  'grandmother photographed bruises and his uncle went to the police [66, 67]; perceptions of the source shape ' +
  'front-door decisions [47].'

const LAY_REFERRERS = new Set(['relative', 'friend', 'neighbour', 'public', 'self', 'child'])

export const r10a = defineRule({
  id: 'R10a',
  version: 1,
  theme: 'T10',
  title: 'Concern dismissed as malicious or a family dispute',
  looksFor:
    'A referral decision or closure recorded as malicious, vexatious or a family dispute; or no further action on a ' +
    'concern from a relative, friend, neighbour or member of the public without the referrer being contacted.',
  parameters: z.object({
    concernDays: z.int().min(1).max(60).default(30),
  }),
  evidence: EVIDENCE_THIRD_PARTY,
  action:
    'Speak to the referrer, review any evidence they have (photos, messages), and have a manager sign off the decision.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    for (const d of mine) {
      if (d.day !== ctx.today) continue
      if (d.type === 'referral.decision' && /malicious|vexatious|dispute/i.test(d.details.reason ?? '')) return fire(d)
      if (d.type === 'case.closed' && d.details.reason === 'malicious') return fire(d)
      if (
        d.type === 'referral.decision' &&
        d.details.outcome === 'no-further-action' &&
        d.details.referrerContacted === false
      ) {
        const lay = ofType(mine, 'concern.raised').filter(
          c => c.day <= d.day && c.day > d.day - p.concernDays && LAY_REFERRERS.has(c.details.referrer),
        )
        if (lay.length > 0) return fire(lay, d)
      }
    }
    return NONE
  },
})

export const r10b = defineRule({
  id: 'R10b',
  version: 1,
  theme: 'T10',
  title: 'Concerns from several people',
  looksFor: 'Concerns about the child from at least `referrers` different referrers within `windowDays`.',
  parameters: z.object({
    referrers: z.int().min(2).max(5).default(2),
    windowDays: z.int().min(30).max(365).default(180),
  }),
  evidence: `${EVIDENCE_THIRD_PARTY} Independent corroboration is itself information [risk.md R10b].`,
  action: 'Escalate for manager review: read the concerns together and speak to each referrer.',
  schedule: 'event',
  evaluate(ctx, p) {
    const concerns = within(ofType(own(ctx), 'concern.raised'), ctx.today, p.windowDays)
    const byReferrer = new Map<string, ViewEvent>()
    for (const c of concerns) if (!byReferrer.has(referrerKey(c))) byReferrer.set(referrerKey(c), c)
    return byReferrer.size >= p.referrers ? fire(concerns) : NONE
  },
})

const DECISIONS = new Set([
  'referral.decision',
  'assessment.completed',
  'case.closed',
  'section-47.completed',
  'strategy-discussion.held',
  'conference.held',
])

export const r10c = defineRule({
  id: 'R10c',
  version: 1,
  theme: 'T10',
  title: 'New evidence after a decision',
  looksFor:
    'Photos, video, a medical report or a statement received within `windowDays` after a decision about the child.',
  parameters: z.object({
    windowDays: z.int().min(30).max(730).default(365),
  }),
  evidence: EVIDENCE_THIRD_PARTY,
  action:
    'Re-open the decision for review in the light of the new evidence; tell the person who sent it what happens next.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    for (const e of ofType(mine, 'evidence.received')) {
      if (e.day !== ctx.today) continue
      const decision = mine
        .filter(
          d =>
            DECISIONS.has(d.type) &&
            (d.day < e.day || (d.day === e.day && d.index < e.index)) &&
            d.day > e.day - p.windowDays,
        )
        .at(-1)
      if (decision) return fire(decision, e)
    }
    return NONE
  },
})

export const t10Rules: readonly Rule[] = [r10a, r10b, r10c]
