import * as z from 'zod'
import { defineRule, type Rule, type SubjectContext, type ViewEvent } from '../rule.schema.ts'
import {
  NONE,
  distinctDays,
  fire,
  isClosingDecision,
  isInfant,
  isKnownToSocialCare,
  ofType,
  within,
} from './signals.ts'

const EVIDENCE_DA =
  'Domestic abuse preceded both national-review deaths [risk.md T07; 66, 73]; 26 police call-outs to Daniel Pelka’s ' +
  'home [80]; practitioners “not always rigorous in assessing and following through” on domestic abuse [12]. MARAC ' +
  'criteria include potential escalation, commonly three or more incidents in twelve months [91].'

/** Domestic-abuse incidents in the child’s home: about the child or a carer (arrests for domestic abuse count). */
function incidents(ctx: SubjectContext): ViewEvent[] {
  return ctx.events.filter(
    e =>
      (e.rel === 'self' || e.rel === 'carer') &&
      (e.type === 'police.domestic-abuse' || (e.type === 'police.arrest' && e.details.offence === 'domestic-abuse')),
  )
}

/** The recorded pregnancy of a carer (or the victim, or the expectant subject) on the day, if any. */
function pregnancyOn(ctx: SubjectContext, day: number, victim: string | undefined): ViewEvent | undefined {
  return ofType(ctx.events, 'pregnancy.noted').find(p => {
    if (p.day > day || (p.details.dueDay !== undefined && p.details.dueDay <= day)) return false
    const mother = p.details.person
    return mother === victim || mother === ctx.subject.ref || ctx.roleOf(mother) === 'carer'
  })
}

export const r07a = defineRule({
  id: 'R07a',
  version: 1,
  theme: 'T07',
  title: 'Domestic abuse escalating',
  looksFor:
    'At least `count` domestic-abuse incidents (on different days) in the child’s home within `windowDays`, whatever their grading.',
  parameters: z.object({
    count: z.int().min(2).max(6).default(3),
    windowDays: z.int().min(90).max(730).default(365),
  }),
  evidence: `${EVIDENCE_DA} Time since the last incident carries most predictive signal [31b]; DASH grades are little better than chance [30].`,
  action:
    'Refer to MARAC (potential escalation); hold a strategy discussion about the children; assess the perpetrator’s access.',
  schedule: 'event',
  evaluate(ctx, p) {
    const recent = distinctDays(within(incidents(ctx), ctx.today, p.windowDays))
    return recent.length >= p.count ? fire(recent) : NONE
  },
})

export const r07b = defineRule({
  id: 'R07b',
  version: 1,
  theme: 'T07',
  title: 'Domestic abuse with a child present, a baby or a pregnancy',
  looksFor:
    'A domestic-abuse incident in the home when a child was present, the child is under one (or unborn), or a carer ' +
    'or the victim is pregnant.',
  parameters: z.object({}),
  evidence: `${EVIDENCE_DA} Abuse between Star Hobson’s mother and partner was raised in the first referral and never assessed [73].`,
  action:
    'Check that children’s social care was notified and that the child has been seen; share with the health visitor or school.',
  schedule: 'event',
  appliesTo: ['child', 'unborn', 'expectant'],
  evaluate(ctx) {
    for (const e of incidents(ctx)) {
      if (e.day !== ctx.today) continue
      const victim = e.type === 'police.domestic-abuse' ? e.details.victim : undefined
      const present = e.type === 'police.domestic-abuse' && e.details.childPresent === true
      const pregnancy = pregnancyOn(ctx, e.day, victim)
      if (present || isInfant(ctx, e.day) || pregnancy) return fire(e, pregnancy)
    }
    return NONE
  },
})

function weaponArrest(ctx: SubjectContext, e: ViewEvent): ViewEvent | undefined {
  return ofType(ctx.events, 'police.arrest').find(
    a => a.details.offence === 'weapon' && Math.abs(a.day - e.day) <= 1 && (a.rel === 'carer' || a.rel === 'self'),
  )
}

export const r07c = defineRule({
  id: 'R07c',
  version: 1,
  theme: 'T07',
  title: 'High-harm domestic abuse',
  looksFor:
    'A domestic-abuse incident graded high risk, with a weapon arrest within a day, or a second incident within ' +
    '`escalationDays` of another.',
  parameters: z.object({
    escalationDays: z.int().min(0).max(90).default(30),
  }),
  evidence: `${EVIDENCE_DA} Strangulation, threats to kill, weapons, stalking and separation are the strongest markers [93].`,
  action: 'Refer to MARAC; hold a strategy discussion today about the children’s safety; consider protective measures.',
  schedule: 'event',
  evaluate(ctx, p) {
    const all = incidents(ctx)
    for (const e of all) {
      if (e.type === 'police.domestic-abuse' && e.details.riskLevel === 'high') return fire(e)
      const weapon = weaponArrest(ctx, e)
      if (weapon) return fire(e, weapon)
      if (p.escalationDays > 0) {
        const close = all.find(o => o.day < e.day && e.day - o.day <= p.escalationDays)
        if (close) return fire(close, e)
      }
    }
    return NONE
  },
})

export const r07e = defineRule({
  id: 'R07e',
  version: 1,
  theme: 'T07',
  title: 'Closed after domestic abuse without addressing the perpetrator',
  looksFor:
    'A closure or no-further-action decision within `windowDays` of a domestic-abuse incident in the home, when the ' +
    'named perpetrator has never been seen or checked by social care.',
  parameters: z.object({
    windowDays: z.int().min(30).max(365).default(180),
  }),
  evidence: `${EVIDENCE_DA} Perpetrators’ current access to the child must be known before closure [risk.md R07e].`,
  action:
    'Record the perpetrator’s current access to the child and the plan for it before closing; see the perpetrator.',
  schedule: 'event',
  evaluate(ctx, p) {
    const closing = ctx.events.find(e => e.day === ctx.today && e.rel === 'self' && isClosingDecision(e))
    if (!closing) return NONE
    const recent = ofType(within(incidents(ctx), ctx.today, p.windowDays), 'police.domestic-abuse')
    for (const e of recent.reverse()) {
      const perpetrator = e.details.perpetrator
      if (perpetrator && !isKnownToSocialCare(ctx, perpetrator)) return fire(e, closing)
    }
    return NONE
  },
})

export const t07Rules: readonly Rule[] = [r07a, r07b, r07c, r07e]
