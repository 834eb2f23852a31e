import * as z from 'zod'
import { defineRule, type Rule, type SubjectContext, type ViewEvent } from '../rule.schema.ts'
import {
  NONE,
  DAYS_PER_MONTH,
  DAYS_PER_YEAR,
  FRACTURE_INDICATOR_MONTHS,
  distinctDays,
  fire,
  isAboutCarer,
  isInfant,
  isInjury,
  isNonMobile,
  isProtectedSiteBruise,
  isUnexplained,
  ofType,
  own,
  within,
} from './signals.ts'

const EVIDENCE_BABIES =
  'NICE CG89: bruising in a child who is not independently mobile should prompt suspicion of maltreatment; ' +
  'accidental bruising is found in under 1% of non-mobile infants — “those who don’t cruise rarely bruise” [risk.md ' +
  'T09; 33, 34]. English protocols require immediate referral and an urgent paediatric opinion whatever the ' +
  'explanation [34–36]. Practitioners underestimated the fragility of babies [29].'

export const r09a = defineRule({
  id: 'R09a',
  version: 1,
  theme: 'T09',
  title: 'Injury to a baby who is not mobile',
  looksFor:
    'Any bruise, mark or injury (or an emergency attendance for injury) for a child recorded as not independently ' +
    'mobile — or, with no mobility recorded, under `nonMobileMonths` months old.',
  parameters: z.object({
    nonMobileMonths: z.int().min(4).max(12).default(6),
  }),
  evidence: EVIDENCE_BABIES,
  action:
    'Refer to children’s social care and arrange a same-day paediatric assessment, whatever the explanation; the case ' +
    'cannot be closed as “explanation accepted” without a paediatric opinion.',
  schedule: 'event',
  evaluate(ctx, p) {
    const injury = own(ctx).find(e => isInjury(e) && isNonMobile(ctx, e, p.nonMobileMonths))
    return injury ? fire(own(ctx).filter(e => e.day === injury.day && isInjury(e))) : NONE
  },
})

export const r09b = defineRule({
  id: 'R09b',
  version: 1,
  theme: 'T09',
  title: 'Fracture, burn or head injury under two',
  looksFor:
    'A fracture in a child under `fractureMonths` months; or a fracture, burn or head injury in a child under ' +
    '`maxAgeMonths` months with no explanation, or presented late to hospital.',
  parameters: z.object({
    maxAgeMonths: z.int().min(12).max(36).default(24),
    fractureMonths: z.int().min(6).max(36).default(FRACTURE_INDICATOR_MONTHS),
  }),
  evidence: `${EVIDENCE_BABIES} The same pathway applies to fractures, head injuries and burns in under-twos [risk.md R09b].`,
  action:
    'Refer to children’s social care and arrange a paediatric assessment (with skeletal survey where indicated) the same day.',
  schedule: 'event',
  evaluate(ctx, p) {
    for (const e of own(ctx)) {
      const age = ctx.ageInDays(e.day)
      if (age === undefined || age < 0 || age >= p.maxAgeMonths * DAYS_PER_MONTH) continue
      if (e.type === 'hospital.attendance' && e.details.reason === 'injury' && (e.details.delayDays ?? 0) >= 1)
        return fire(e)
      if (e.type !== 'injury.observed') continue
      if (e.details.kind === 'fracture' && age < p.fractureMonths * DAYS_PER_MONTH) return fire(e)
      const serious = e.details.kind === 'fracture' || e.details.kind === 'burn' || e.details.site === 'head'
      if (!serious) continue
      const late = ofType(own(ctx), 'hospital.attendance').some(
        h => Math.abs(h.day - e.day) <= 1 && (h.details.delayDays ?? 0) >= 1,
      )
      if (isUnexplained(e) || late) return fire(e)
    }
    return NONE
  },
})

export const r09c = defineRule({
  id: 'R09c',
  version: 1,
  theme: 'T09',
  title: 'Repeated injuries to a baby',
  looksFor:
    'At least `count` injuries (on different days) within `windowDays` for a child under `maxAgeMonths` months at the ' +
    'time of each.',
  parameters: z.object({
    count: z.int().min(2).max(4).default(2),
    windowDays: z.int().min(90).max(730).default(365),
    maxAgeMonths: z.int().min(12).max(36).default(18),
  }),
  evidence: `${EVIDENCE_BABIES} Reviews of babies harmed describe injuries seen and explained one at a time [74, 75].`,
  action: 'High priority: strategy discussion and child protection medical; look at every injury together.',
  schedule: 'event',
  evaluate(ctx, p) {
    const injuries = distinctDays(
      within(own(ctx), ctx.today, p.windowDays).filter(e => {
        const age = ctx.ageInDays(e.day)
        return isInjury(e) && age !== undefined && age >= 0 && age < p.maxAgeMonths * DAYS_PER_MONTH
      }),
    )
    return injuries.length >= p.count ? fire(injuries) : NONE
  },
})

function isDisruption(e: ViewEvent): boolean {
  if (e.rel !== 'self' && e.rel !== 'carer') return false
  switch (e.type) {
    case 'household.moved':
      return true
    case 'household.joined':
      return true
    case 'home.conditions':
      return e.details.sleep === 'unsafe' || e.details.temporaryAccommodation === true
    default:
      return false
  }
}

function isParentalRisk(ctx: SubjectContext, e: ViewEvent): boolean {
  if (e.rel !== 'self' && e.rel !== 'carer') return false
  if (e.type === 'police.domestic-abuse') return true
  const adultEvent =
    e.type === 'adult.mental-health' || e.type === 'adult.substance-misuse' || e.agency === 'substance-misuse'
  return adultEvent && isAboutCarer(ctx, e)
}

export const r09d = defineRule({
  id: 'R09d',
  version: 1,
  theme: 'T09',
  title: 'Baby in a household at risk, routine disrupted',
  looksFor:
    'A baby under one (or unborn) whose household had domestic abuse, a carer’s mental ill-health or substance misuse ' +
    'within `riskDays`, and a disruption within `disruptionDays`: a move, temporary accommodation, a new adult, or ' +
    'unsafe sleep seen.',
  parameters: z.object({
    riskDays: z.int().min(90).max(730).default(365),
    disruptionDays: z.int().min(7).max(90).default(30),
  }),
  evidence:
    '“Out of routine”: nearly all sudden unexpected infant deaths reviewed involved co-sleeping in unsafe settings, ' +
    'often after alcohol or drugs, in families with domestic abuse, mental ill-health or unsuitable housing, when ' +
    'routines were disrupted [risk.md T09; 37].',
  action:
    'Safe-sleep conversation and plan with both carers (health visitor or midwife); check the sleeping arrangements in the new home.',
  schedule: 'event',
  evaluate(ctx, p) {
    if (!isInfant(ctx, ctx.today)) return NONE
    const risk = within(ctx.events, ctx.today, p.riskDays).filter(e => isParentalRisk(ctx, e))
    const disruption = within(ctx.events, ctx.today, p.disruptionDays).filter(isDisruption)
    return risk.length > 0 && disruption.length > 0 ? fire(risk.slice(-3), disruption) : NONE
  },
})

export const r09e = defineRule({
  id: 'R09e',
  version: 1,
  theme: 'T09',
  title: 'Bruising where accidental bruises are rare, in a young child',
  looksFor:
    'A bruise on the ear, neck, trunk (torso or back), buttocks or genitals of a child under `maxAgeYears + 1`, unless ' +
    'a witness or a doctor explained it.',
  parameters: z.object({
    maxAgeYears: z.int().min(1).max(5).default(3),
  }),
  evidence:
    `${EVIDENCE_BABIES} Bruising away from bony prominences — ears, neck, trunk, buttocks — is rarely accidental in ` +
    'young children [R: NICE CG89 and the TEN-4 bruising rule, from recollection; verify]; no child protection medical ' +
    'after bruising to Arthur Labinjo-Hughes’ back [68].',
  action: 'Seek a paediatric opinion and discuss with children’s social care; consider a strategy discussion.',
  schedule: 'event',
  evaluate(ctx, p) {
    const bruise = own(ctx).find(e => {
      const age = ctx.ageInDays(e.day)
      return age !== undefined && age >= 0 && age < (p.maxAgeYears + 1) * DAYS_PER_YEAR && isProtectedSiteBruise(e)
    })
    return bruise ? fire(bruise) : NONE
  },
})

export const t09Rules: readonly Rule[] = [r09a, r09b, r09c, r09d, r09e]
