import * as z from 'zod'
import { defineRule, type Rule, type SubjectContext, type ViewEvent } from '../rule.schema.ts'
import { NONE, fire, isAboutCarer, isInfant, knownToServices, ofType, within } from './signals.ts'

const EVIDENCE_PARENT =
  'Initial risk assessments were not updated after new information about parental mental health or substance misuse ' +
  '[risk.md T08; 2]; alcohol misuse in 37% and drug misuse in 38% of 2011–14 reviews, with cumulative harm when ' +
  'combined with domestic abuse and mental ill-health [26]; infant deaths after co-sleeping with intoxicated parents ' +
  '[37]. The label “toxic trio” can pathologise mothers who are themselves victims [26b].'

const SEVERITY = { low: 1, medium: 2, high: 3 } as const

function mentalHealth(ctx: SubjectContext, e: ViewEvent): boolean {
  if (!isAboutCarer(ctx, e)) return false
  if (e.type === 'adult.mental-health') return true
  return e.agency === 'mental-health'
}

function substance(ctx: SubjectContext, e: ViewEvent): boolean {
  if (!isAboutCarer(ctx, e)) return false
  if (e.type === 'adult.substance-misuse') return true
  if (
    (e.type === 'police.arrest' || e.type === 'police.record') &&
    (e.details.offence === 'supply' || e.details.offence === 'possession')
  )
    return true
  return e.agency === 'substance-misuse'
}

export const r08a = defineRule({
  id: 'R08a',
  version: 1,
  theme: 'T08',
  title: 'New information about a carer’s mental health or substance use',
  looksFor:
    'A new mental-health or substance-misuse event about a carer (from any agency, including adult services) while ' +
    'the child is open to social care or early help; or, when its severity is at least `minSeverity` (not recorded ' +
    'counts as medium), while the child is under one or unborn, or known to services in the last `knownWithinDays`.',
  parameters: z.object({
    minSeverity: z.enum(['low', 'medium', 'high']).default('medium'),
    knownWithinDays: z.int().min(90).max(730).default(365),
  }),
  evidence: EVIDENCE_PARENT,
  action: 'Update the risk assessment: the allocated worker revisits the plan with the adult service, by a set date.',
  schedule: 'event',
  appliesTo: ['child', 'unborn', 'expectant'],
  evaluate(ctx, p) {
    for (const e of ctx.events) {
      if (e.day !== ctx.today || !(mentalHealth(ctx, e) || substance(ctx, e))) continue
      const s = ctx.status(e.day)
      if (s.cp || s.cin || s.lac || s.assessing || s.earlyHelp) return fire(e)
      const severity =
        e.type === 'adult.mental-health' || e.type === 'adult.substance-misuse'
          ? (e.details.severity ?? 'medium')
          : 'medium'
      if (SEVERITY[severity] < SEVERITY[p.minSeverity]) continue
      if (isInfant(ctx, e.day)) return fire(e)
      const known = knownToServices(ctx, e.day, p.knownWithinDays)
      if (known) return fire(known, e)
    }
    return NONE
  },
})

export const r08b = defineRule({
  id: 'R08b',
  version: 1,
  theme: 'T08',
  title: 'Domestic abuse, mental ill-health and substance misuse together',
  looksFor:
    'Within `windowDays`, at least `factors` of: domestic abuse in the home, a carer’s mental ill-health, a carer’s ' +
    'substance misuse (including drug arrests).',
  parameters: z.object({
    factors: z.int().min(2).max(3).default(3),
    windowDays: z.int().min(90).max(730).default(365),
  }),
  evidence: EVIDENCE_PARENT,
  action:
    'Assess the cumulative risk with the adult services involved; every piece of evidence is listed; consider a strategy discussion.',
  schedule: 'event',
  appliesTo: ['child', 'unborn', 'expectant'],
  evaluate(ctx, p) {
    const recent = within(ctx.events, ctx.today, p.windowDays)
    const da = recent.filter(e => (e.rel === 'self' || e.rel === 'carer') && e.type === 'police.domestic-abuse')
    const mh = recent.filter(e => mentalHealth(ctx, e))
    const sm = recent.filter(e => substance(ctx, e))
    const present = [da, mh, sm].filter(list => list.length > 0)
    return present.length >= p.factors ? fire(present.flat()) : NONE
  },
})

export const r08c = defineRule({
  id: 'R08c',
  version: 1,
  theme: 'T08',
  title: 'Pregnancy after a previous child was removed',
  looksFor:
    'A pregnancy recorded for a mother who has had another child looked after or in care proceedings (pre-proceedings ' +
    'or a court hearing).',
  parameters: z.object({}),
  evidence:
    'Ofsted: late or poor pre-birth assessment, parents’ own needs underestimated, the fragility of the baby ' +
    'underestimated [risk.md T08; 29].',
  action: 'Start a pre-birth assessment early in the pregnancy, with the history of the earlier proceedings.',
  schedule: 'event',
  appliesTo: ['child', 'unborn', 'expectant'],
  evaluate(ctx) {
    for (const p of ofType(ctx.events, 'pregnancy.noted')) {
      if (p.day !== ctx.today) continue
      const mother = p.details.person
      const forThisChild =
        ctx.subject.kind === 'expectant'
          ? mother === ctx.subject.ref
          : (ctx.ageInDays(p.day) ?? (ctx.subject.kind === 'unborn' ? -1 : 0)) < 0 && ctx.roleOf(mother) === 'carer'
      if (!forThisChild) continue
      const history: ViewEvent[] = []
      const others = [mother, ...ctx.peopleWithRole('sibling')]
      for (const ref of others) {
        for (const e of ctx.eventsAbout(ref)) {
          if (e.day > p.day) continue
          if (e.type === 'case.opened' && e.details.service === 'looked-after') history.push(e)
          if (
            e.type === 'legal.meeting' &&
            (e.details.kind === 'pre-proceedings' || e.details.kind === 'court-hearing')
          )
            history.push(e)
        }
      }
      if (history.length > 0) return fire(p, history)
    }
    return NONE
  },
})

export const t08Rules: readonly Rule[] = [r08a, r08b, r08c]
