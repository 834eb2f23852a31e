import * as z from 'zod'
import { defineRule, type Rule, type ViewEvent, type ViewEventOfType } from '../rule.schema.ts'
import { NONE, fire, isClosingDecision, isSeenInPerson, normalise, ofType, own, within } from './signals.ts'

const EVIDENCE_SELF_REPORT =
  'Over-reliance on parental self-report and missed chances to triangulate [risk.md T13; 7]; explanations for Star ' +
  'Hobson’s injuries accepted too readily [72]; “play-fighting” accepted for Arthur [67]; self-reporting grew in ' +
  'lockdown for Finley Boden [76]; critical scrutiny was applied only to evidence that challenged the existing view ' +
  '[46].'

/** An injury whose only explanation is the parent’s or carer’s (no account from the child, a witness or a doctor). */
function restsOnParent(
  injury: ViewEventOfType<'injury.observed'>,
  accounts: readonly ViewEventOfType<'injury.observed'>[],
): boolean {
  const source = injury.details.explanationSource
  if (source !== 'parent' && source !== 'carer') return false
  return !accounts.some(
    a =>
      Math.abs(a.day - injury.day) <= 7 &&
      (a.details.explanationSource === 'child' ||
        a.details.explanationSource === 'witness' ||
        a.details.explanationSource === 'medical'),
  )
}

export const r13a = defineRule({
  id: 'R13a',
  version: 1,
  theme: 'T13',
  title: 'Reassuring conclusion resting on the parent’s account',
  looksFor:
    'An assessment whose basis is recorded as the parent’s account and whose conclusion is reassuring (no further ' +
    'action, child in need, or a low or medium risk level); or a case closed, or no further action decided, within ' +
    '`injuryDays` of an injury explained only by a parent or carer with no medical examination since, or of an ' +
    'allegation of physical or sexual abuse with nobody having seen the child since.',
  parameters: z.object({
    injuryDays: z.int().min(7).max(90).default(30),
  }),
  evidence: EVIDENCE_SELF_REPORT,
  action:
    '“Uncorroborated”: corroborate the key conclusion with another source (GP, school, health visitor, the child alone, a check).',
  schedule: 'event',
  evaluate(ctx, p) {
    const mine = own(ctx)
    const a = ofType(mine, 'assessment.completed').find(
      e =>
        e.day === ctx.today &&
        e.details.basis === 'parent-account' &&
        e.details.outcome !== 'section-47' &&
        e.details.riskLevel !== 'high',
    )
    if (a) return fire(a)
    const closing = mine.find(e => e.day === ctx.today && isClosingDecision(e))
    if (!closing) return NONE
    const recent = (e: ViewEvent) => e.day <= closing.day && e.day > closing.day - p.injuryDays
    const injuries = ofType(mine, 'injury.observed')
    const accepted = injuries.filter(i => recent(i) && restsOnParent(i, injuries))
    const first = accepted[0]
    if (first) {
      const medical = mine.some(e => e.type === 'medical.examination' && e.day >= first.day && e.day <= closing.day)
      return medical ? NONE : fire(accepted, closing)
    }
    // An allegation of abuse closed with nobody having seen the child since: the decision rests on accounts.
    const allegation = ofType(mine, 'concern.raised').find(
      c => recent(c) && (c.details.category === 'physical' || c.details.category === 'sexual'),
    )
    if (!allegation) return NONE
    const seen = mine.some(e => e.day >= allegation.day && e.day <= closing.day && isSeenInPerson(ctx, e))
    return seen ? NONE : fire(allegation, closing)
  },
})

export const r13b = defineRule({
  id: 'R13b',
  version: 1,
  theme: 'T13',
  title: 'The explanation for an injury changes',
  looksFor: 'Two accounts of an injury (same site, within `days` days) whose explanations differ.',
  parameters: z.object({
    days: z.int().min(0).max(30).default(7),
  }),
  evidence: EVIDENCE_SELF_REPORT,
  action:
    'Alert the social worker and the paediatrician: a changing explanation needs a strategy discussion, not acceptance.',
  schedule: 'event',
  evaluate(ctx, p) {
    const explained = ofType(own(ctx), 'injury.observed').filter(e => normalise(e.details.explanation) !== '')
    for (let i = 0; i < explained.length; i++) {
      for (let j = i + 1; j < explained.length; j++) {
        const a = explained[i]!
        const b = explained[j]!
        if (Math.abs(a.day - b.day) > p.days) continue
        if (a.details.site && b.details.site && a.details.site !== b.details.site) continue
        if (normalise(a.details.explanation) !== normalise(b.details.explanation)) return fire(a, b)
      }
    }
    return NONE
  },
})

export const r13c = defineRule({
  id: 'R13c',
  version: 1,
  theme: 'T13',
  title: 'Assessments relying on the parents’ account',
  looksFor: 'At least `count` assessments within `windowDays` whose basis is recorded as the parent’s account.',
  parameters: z.object({
    count: z.int().min(2).max(5).default(2),
    windowDays: z.int().min(180).max(1460).default(730),
  }),
  evidence: EVIDENCE_SELF_REPORT,
  action: 'Triangulate: the next assessment draws on observation, the child’s account and other agencies.',
  schedule: 'event',
  evaluate(ctx, p) {
    const relying = within(ofType(own(ctx), 'assessment.completed'), ctx.today, p.windowDays).filter(
      e => e.details.basis === 'parent-account',
    )
    return relying.length >= p.count ? fire(relying) : NONE
  },
})

export const t13Rules: readonly Rule[] = [r13a, r13b, r13c]
