import * as z from 'zod'
import { defineRule, type Rule, type SubjectContext, type ViewEvent } from '../rule.schema.ts'
import { NONE, enoughAdverse, fire, isStatutoryOpen, knownToServices, ofType, own, within } from './signals.ts'

const EVIDENCE_SCHOOL =
  '“Children not in school” is a Panel theme [risk.md T15; 6]; Khyra Ishaq was withdrawn for home education and ' +
  'visitors refused entry [83]; Hamzah Khan was missing from education [82]; Jaden Moodie was out of school 19 of 22 ' +
  'months [79b]; exclusion is associated with criminal exploitation [95].'

/** Signs of exploitation or harm outside the home recorded for the child. */
function exploitationSigns(ctx: SubjectContext): ViewEvent[] {
  return own(ctx).filter(
    e =>
      e.type === 'exploitation.indicator' ||
      e.type === 'missing.episode' ||
      e.type === 'nrm.referral' ||
      (e.type === 'police.arrest' && (e.details.person === undefined || e.details.person === ctx.subject.ref)) ||
      (e.type === 'association.recorded' && e.details.kind === 'adult-of-concern') ||
      (e.type === 'concern.raised' && e.details.category === 'exploitation'),
  )
}

export const r15a = defineRule({
  id: 'R15a',
  version: 1,
  theme: 'T15',
  title: 'Removed from school roll while known to services',
  looksFor:
    'A child recorded as missing education; or taken off roll or into elective home education when known to ' +
    'services within `knownWithinDays`.',
  parameters: z.object({
    knownWithinDays: z.int().min(90).max(1460).default(730),
  }),
  evidence: EVIDENCE_SCHOOL,
  action:
    'A home visit that sees the child within 10 working days; check the education plan with the local authority’s education service.',
  schedule: 'event',
  evaluate(ctx, p) {
    for (const e of ofType(own(ctx), 'school.roll-change')) {
      if (e.day !== ctx.today) continue
      if (e.details.to === 'missing-education') return fire(e)
      if (e.details.to === 'elective-home-education' || e.details.to === 'off-roll') {
        const known = knownToServices(ctx, e.day, p.knownWithinDays)
        if (known) return fire(known, e)
      }
    }
    return NONE
  },
})

export const r15b = defineRule({
  id: 'R15b',
  version: 1,
  theme: 'T15',
  title: 'Exclusion of a child showing signs of exploitation',
  looksFor:
    'A permanent exclusion, managed move or move to a pupil referral unit (and, if chosen, a fixed-term exclusion) ' +
    'within `windowDays` of signs of exploitation: missing episodes, exploitation indicators, arrests, adults of ' +
    'concern, a National Referral Mechanism referral.',
  parameters: z.object({
    windowDays: z.int().min(90).max(730).default(365),
    includeFixedTerm: z.boolean().default(false),
  }),
  evidence: `${EVIDENCE_SCHOOL} Exclusion is one of the “critical moments” missed in “It was hard to escape” [18–20].`,
  action:
    'Critical moment: convene the exploitation meeting; agree full-time education and a trusted adult before the move.',
  schedule: 'event',
  evaluate(ctx, p) {
    const exclusions = own(ctx).filter(
      e =>
        (e.type === 'school.exclusion' &&
          (e.details.kind !== 'fixed-term' || p.includeFixedTerm) &&
          e.details.kind !== undefined) ||
        (e.type === 'school.roll-change' && e.details.to === 'pupil-referral-unit'),
    )
    const signs = exploitationSigns(ctx)
    for (const x of exclusions) {
      const near = signs.filter(s => Math.abs(s.day - x.day) <= p.windowDays)
      if (near.length > 0) return fire(x, near)
    }
    return NONE
  },
})

export const r15c = defineRule({
  id: 'R15c',
  version: 1,
  theme: 'T15',
  title: 'Persistent absence with other concerns',
  looksFor:
    'At least `sessions` school sessions missed within `windowDays`, while the child is open to social care or the ' +
    'record holds other adverse information (beyond referrals and school entries) in the `contextDays` before.',
  parameters: z.object({
    sessions: z.int().min(4).max(40).default(10),
    windowDays: z.int().min(30).max(365).default(90),
    contextDays: z.int().min(90).max(730).default(365),
  }),
  evidence: EVIDENCE_SCHOOL,
  action: 'School and social worker compare notes; see the child at home; agree an attendance plan.',
  schedule: 'event',
  evaluate(ctx, p) {
    const absences = within(ofType(own(ctx), 'school.absence'), ctx.today, p.windowDays)
    const total = absences.reduce((n, e) => n + (e.details.sessions ?? 1), 0)
    if (total < p.sessions) return NONE
    if (isStatutoryOpen(ctx, ctx.today)) return fire(absences)
    // New referrals and the school's own entries are not context here: the school is already the one telling.
    const context = enoughAdverse(
      ctx,
      within(ctx.events, ctx.today, p.contextDays).filter(
        e => e.type !== 'concern.raised' && !e.type.startsWith('school.'),
      ),
    )
    return context.length > 0 ? fire(absences, context) : NONE
  },
})

export const t15Rules: readonly Rule[] = [r15a, r15b, r15c]
