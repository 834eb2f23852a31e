import * as z from 'zod'
import type { EventType } from '../../chronology/index.ts'
import { defineRule, type Rule, type SubjectContext, type ViewEvent } from '../rule.schema.ts'
import { NONE, enoughAdverse, fire, ofType, own, referrerKey } from './signals.ts'

const EVIDENCE_OPTIMISM =
  'The “rule of optimism” (Dingwall, Eekelaar and Murray 1983) [risk.md T14; 41]; 32% of the Panel’s early rapid ' +
  'reviews were overly optimistic [1]; professionals “too optimistic” about what they saw (Daniel Pelka) [80]; ' +
  'professionals slow to revise judgements despite mounting contrary evidence [45, 46].'

const LEVEL = { low: 1, medium: 2, high: 3 } as const

/** Judgements about the child: the points from which new information is new. */
const JUDGEMENTS: ReadonlySet<EventType> = new Set<EventType>([
  'assessment.completed',
  'risk.rating-changed',
  'conference.held',
  'case.opened',
  'plan.started',
  'strategy-discussion.held',
  'section-47.completed',
  'referral.decision',
])

/** The child's last recorded risk level before an event (from ratings and assessments). */
function levelBefore(mine: readonly ViewEvent[], position: number): number | undefined {
  for (let i = position - 1; i >= 0; i--) {
    const e = mine[i]!
    if (e.type === 'risk.rating-changed' && e.details.to) return LEVEL[e.details.to]
    if (e.type === 'assessment.completed' && e.details.riskLevel) return LEVEL[e.details.riskLevel]
  }
  return undefined
}

/** A rating lowered: a rating change downwards, or an assessment at a lower level than the last. */
function isLowered(mine: readonly ViewEvent[], position: number): boolean {
  const e = mine[position]!
  if (e.type === 'risk.rating-changed' && e.details.to) {
    const from = e.details.from ? LEVEL[e.details.from] : levelBefore(mine, position)
    return from !== undefined && LEVEL[e.details.to] < from
  }
  if (e.type === 'assessment.completed' && e.details.riskLevel) {
    const before = levelBefore(mine, position)
    return before !== undefined && LEVEL[e.details.riskLevel] < before
  }
  return false
}

/** Closure, plan ending, step-down or a lowered rating. */
function isDowngrade(ctx: SubjectContext, mine: readonly ViewEvent[], position: number): boolean {
  const e = mine[position]!
  switch (e.type) {
    case 'case.closed':
      return e.details.reason !== 'moved-away'
    case 'plan.ended':
      return true
    case 'conference.held':
      return e.details.outcome === 'plan-ended' || (e.details.outcome === 'no-plan' && e.details.kind === 'review')
    case 'case.opened': {
      if (e.details.service !== 'early-help') return false
      const before = ctx.status(e.day - 1)
      return before.cp || before.cin || before.lac
    }
    default:
      return isLowered(mine, position)
  }
}

function lastJudgementBefore(mine: readonly ViewEvent[], position: number): number {
  for (let i = position - 1; i >= 0; i--) if (JUDGEMENTS.has(mine[i]!.type)) return i
  return -1
}

/** Events in the whole view strictly between two own events (by day, then input order). */
function between(ctx: SubjectContext, from: ViewEvent | undefined, to: ViewEvent): ViewEvent[] {
  const after = (a: ViewEvent, b: ViewEvent) => a.day > b.day || (a.day === b.day && a.index > b.index)
  return ctx.events.filter(e => (from === undefined || after(e, from)) && after(to, e))
}

export const r14a = defineRule({
  id: 'R14a',
  version: 1,
  theme: 'T14',
  title: 'Downgrade despite new adverse information',
  looksFor:
    'A rating lowered, a plan ended, a step-down or a closure when adverse information (an injury, domestic abuse, a ' +
    'new adult, a police incident, a new concern, missed contact for a baby or a child on a plan, and so on) arrived ' +
    'since the last judgement: one serious item, or `weakItems` lesser ones.',
  parameters: z.object({
    weakItems: z.int().min(1).max(4).default(2),
  }),
  evidence: EVIDENCE_OPTIMISM,
  action:
    'Write the rationale against the new information and get a second manager’s sign-off before the downgrade or closure.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    for (let i = 0; i < mine.length; i++) {
      const e = mine[i]!
      if (e.day !== ctx.today || !isDowngrade(ctx, mine, i)) continue
      const j = lastJudgementBefore(mine, i)
      const adverse = enoughAdverse(ctx, between(ctx, j >= 0 ? mine[j] : undefined, e), p.weakItems)
      if (adverse.length > 0) return fire(adverse, e)
    }
    return NONE
  },
})

const NEW_EVIDENCE: ReadonlySet<EventType> = new Set<EventType>([
  'visit.completed',
  'assessment.completed',
  'medical.examination',
  'information.provided',
  'child.voice-recorded',
  'agreement.kept',
  'appointment.attended',
  'conference.held',
  'strategy-discussion.held',
  'section-47.completed',
  'evidence.received',
  'health.growth',
  'police.check',
])

export const r14b = defineRule({
  id: 'R14b',
  version: 1,
  theme: 'T14',
  title: 'Rating lowered with no new evidence',
  looksFor:
    'A risk rating lowered (or an assessment at a lower level) with nothing new in the record since the last rating: ' +
    'no visit, assessment, medical, information from another agency, the child’s words or kept agreement.',
  parameters: z.object({}),
  evidence: `${EVIDENCE_OPTIMISM} Scale movement without new evidence is a useful signal [Signs of Safety, 100–104].`,
  action: 'Record what evidence supports the lower rating; if none, keep the rating.',
  schedule: 'event',
  evaluate(ctx) {
    const mine = own(ctx)
    for (let i = 0; i < mine.length; i++) {
      const e = mine[i]!
      if (e.day !== ctx.today || !isLowered(mine, i)) continue
      let previous = -1
      for (let k = i - 1; k >= 0; k--) {
        const m = mine[k]!
        if (m.type === 'risk.rating-changed' || (m.type === 'assessment.completed' && m.details.riskLevel)) {
          previous = k
          break
        }
      }
      if (previous < 0) continue
      const evidence = between(ctx, mine[previous], e).filter(x => x.rel === 'self' && NEW_EVIDENCE.has(x.type))
      const isAssessment = e.type === 'assessment.completed'
      if (evidence.length === 0 && !isAssessment) return fire(mine[previous], e)
    }
    return NONE
  },
})

const CLOSING: ReadonlySet<EventType> = new Set<EventType>(['case.closed', 'referral.decision', 'assessment.completed'])

export const r14c = defineRule({
  id: 'R14c',
  version: 1,
  theme: 'T14',
  title: 'Quick closure after a concern from a new source',
  looksFor:
    'A closure or no-further-action decision within `closeDays` of a concern from a source different from an earlier ' +
    'concern in the `historyDays` before.',
  parameters: z.object({
    closeDays: z.int().min(7).max(90).default(30),
    historyDays: z.int().min(90).max(730).default(365),
  }),
  evidence: `${EVIDENCE_OPTIMISM} Independent sources corroborate each other [risk.md R10b].`,
  action: 'Second opinion from another manager before closing.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    const closing = mine.find(
      e =>
        e.day === ctx.today &&
        CLOSING.has(e.type) &&
        ((e.type === 'case.closed' && e.details.reason !== 'moved-away') ||
          (e.type === 'referral.decision' && e.details.outcome === 'no-further-action') ||
          (e.type === 'assessment.completed' && e.details.outcome === 'no-further-action')),
    )
    if (!closing) return NONE
    const concerns = ofType(mine, 'concern.raised').filter(c => c.day <= closing.day)
    for (const c of concerns.filter(c => c.day > closing.day - p.closeDays)) {
      const earlier = concerns.filter(
        o => o.day < c.day && o.day > c.day - p.historyDays && referrerKey(o) !== referrerKey(c),
      )
      if (earlier.length > 0) return fire(earlier, c, closing)
    }
    return NONE
  },
})

const DECISIONS: ReadonlySet<EventType> = new Set<EventType>([
  'assessment.completed',
  'referral.decision',
  'strategy-discussion.held',
  'section-47.completed',
  'conference.held',
  'case.closed',
  'risk.rating-changed',
  'plan.ended',
])

export const r14e = defineRule({
  id: 'R14e',
  version: 1,
  theme: 'T14',
  title: 'Reassessment prompt: new adverse information since the last decision',
  looksFor:
    'While the child is open to social care or early help, adverse information about the child or household (a new ' +
    'injury, a new adult, a police incident, a missed appointment for a baby or child on a plan, a carer’s ' +
    'mental-health or substance event, and so on) within `windowDays` after the last assessment or decision: one ' +
    'serious item, or `weakItems` lesser ones. New referrals are left to R05a.',
  parameters: z.object({
    windowDays: z.int().min(30).max(365).default(180),
    weakItems: z.int().min(1).max(4).default(2),
  }),
  evidence: `${EVIDENCE_OPTIMISM} Risk assessments were not updated after new information [2].`,
  action:
    'The allocated worker revisits the assessment or decision in the light of the new information and records the outcome.',
  schedule: 'event',
  evaluate(ctx, p) {
    const s = ctx.status(ctx.today)
    if (!(s.cp || s.cin || s.lac || s.assessing || s.earlyHelp)) return NONE
    const mine = own(ctx)
    const decision = mine.filter(e => DECISIONS.has(e.type)).at(-1)
    if (!decision || decision.day <= ctx.today - p.windowDays) return NONE
    const since = ctx.events.filter(
      e =>
        (e.day > decision.day || (e.day === decision.day && e.index > decision.index)) &&
        e.type !== 'concern.raised' &&
        !DECISIONS.has(e.type),
    )
    const adverse = enoughAdverse(ctx, since, p.weakItems)
    return adverse.length > 0 ? fire(decision, adverse) : NONE
  },
})

export const t14Rules: readonly Rule[] = [r14a, r14b, r14c, r14e]
