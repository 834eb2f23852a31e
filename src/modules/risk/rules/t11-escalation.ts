import * as z from 'zod'
import { defineRule, type Rule, type ViewEvent } from '../rule.schema.ts'
import { NONE, fire, isClosingDecision, isInjury, isPhysicalIndicator, ofType, own, waitUntil } from './signals.ts'

const EVIDENCE_ESCALATION =
  'The national review found failure to trigger statutory multi-agency processes (strategy discussion, section 47) ' +
  'at key moments [risk.md T11; 9]; no child protection medical after bruising to Arthur’s back [68]; Daniel Pelka ' +
  'was never referred despite injuries and weight loss [81]. Working Together: a strategy discussion whenever there ' +
  'is reasonable cause to suspect significant harm [standards.md T3].'

function isStatutoryResponse(e: ViewEvent): boolean {
  return (
    e.type === 'strategy-discussion.held' ||
    e.type === 'section-47.completed' ||
    (e.type === 'referral.decision' && e.details.outcome === 'section-47')
  )
}

export const r11a = defineRule({
  id: 'R11a',
  version: 1,
  theme: 'T11',
  title: 'Physical abuse indicator without a strategy discussion',
  looksFor:
    'An indicator of physical or sexual abuse — an injury to a non-mobile child, an unexplained injury, a bite or ' +
    'genital injury, a fracture under two, a late presentation, an allegation of physical or sexual abuse, medical ' +
    'findings consistent with abuse, a carer arrested for an offence against a child — with no strategy discussion ' +
    'within `workingDays` working days (one held in the `priorDays` before counts).',
  parameters: z.object({
    workingDays: z.int().min(0).max(5).default(1),
    priorDays: z.int().min(0).max(30).default(14),
  }),
  evidence: EVIDENCE_ESCALATION,
  action: 'Manager alert: hold a strategy discussion with police and health now.',
  schedule: 'absence',
  evaluate(ctx, p) {
    const events = ctx.events
    const responses = events.filter(e => e.rel === 'self' && isStatutoryResponse(e))
    let nextDue: number | undefined
    for (const t of events) {
      if (!isPhysicalIndicator(ctx, t)) continue
      const deadline = ctx.addWorkingDays(t.day, p.workingDays)
      if (responses.some(r => r.day >= t.day - p.priorDays && r.day <= deadline)) continue
      if (ctx.today >= deadline)
        return fire(
          t,
          events.filter(e => e.day === t.day && e.index !== t.index && isPhysicalIndicator(ctx, e)),
        )
      nextDue = nextDue === undefined ? deadline : Math.min(nextDue, deadline)
    }
    return waitUntil(ctx.today, nextDue)
  },
})

export const r11b = defineRule({
  id: 'R11b',
  version: 1,
  theme: 'T11',
  title: 'Injury to a child on a child protection plan',
  looksFor:
    'Any injury (observed, or an emergency attendance for injury) while the child is on a child protection plan.',
  parameters: z.object({}),
  evidence: `${EVIDENCE_ESCALATION} Peter Connelly was injured repeatedly while on a plan [74, 75].`,
  action: 'Tell the social worker today and consider a strategy discussion.',
  schedule: 'event',
  evaluate(ctx) {
    const injury = own(ctx).find(e => e.day === ctx.today && isInjury(e) && ctx.status(e.day).cp)
    return injury ? fire(injury) : NONE
  },
})

export const r11c = defineRule({
  id: 'R11c',
  version: 1,
  theme: 'T11',
  title: 'Professional disagreement unresolved',
  looksFor: 'A professional disagreement raised and not recorded as resolved within `workingDays` working days.',
  parameters: z.object({
    workingDays: z.int().min(1).max(30).default(10),
  }),
  evidence: `${EVIDENCE_ESCALATION} Every partnership must have an escalation procedure with timescales [standards.md 1.2].`,
  action:
    'Escalate to the next stage of the partnership’s resolution procedure; never let it delay action to protect the child.',
  schedule: 'absence',
  evaluate(ctx, p) {
    const mine = own(ctx)
    const raised = ofType(mine, 'disagreement.raised')
    let nextDue: number | undefined
    for (const r of raised) {
      const deadline = ctx.addWorkingDays(r.day, p.workingDays)
      const resolved = ofType(mine, 'disagreement.resolved').some(d => d.day >= r.day && d.day <= deadline)
      if (resolved) continue
      if (ctx.today >= deadline) return fire(r)
      nextDue = nextDue === undefined ? deadline : Math.min(nextDue, deadline)
    }
    return waitUntil(ctx.today, nextDue)
  },
})

export const r11d = defineRule({
  id: 'R11d',
  version: 1,
  theme: 'T11',
  title: 'Physical injury concern closed without a medical',
  looksFor:
    'A closure, no-further-action decision or section 47 ending within `windowDays` of a physical-abuse indicator, ' +
    'with no child protection medical since the indicator.',
  parameters: z.object({
    windowDays: z.int().min(14).max(365).default(90),
  }),
  evidence: EVIDENCE_ESCALATION,
  action: 'Do not close without a child protection medical, or a recorded reason and a second manager’s sign-off.',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    const closing = mine.find(
      e =>
        e.day === ctx.today &&
        (isClosingDecision(e) || (e.type === 'section-47.completed' && e.details.medical === false)),
    )
    if (!closing) return NONE
    const indicators = ctx.events.filter(
      e => e.day <= closing.day && e.day > closing.day - p.windowDays && isPhysicalIndicator(ctx, e),
    )
    if (indicators.length === 0) return NONE
    const first = indicators[0]!
    const medical = mine.some(
      e =>
        e.day >= first.day &&
        e.day <= closing.day &&
        (e.type === 'medical.examination' ||
          (e.type === 'injury.observed' && e.details.medical === true) ||
          (e.type === 'section-47.completed' && e.details.medical === true)),
    )
    return medical ? NONE : fire(indicators, closing)
  },
})

export const t11Rules: readonly Rule[] = [r11a, r11b, r11c, r11d]
