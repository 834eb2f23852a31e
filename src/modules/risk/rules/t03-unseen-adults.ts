import * as z from 'zod'
import { defineRule, type Rule, type SubjectContext, type ViewEvent } from '../rule.schema.ts'
import {
  NONE,
  adultOf,
  fire,
  isCarer,
  isHarmRecord,
  isInfant,
  isKnownToSocialCare,
  safeguardingHistory,
  ofType,
  waitUntil,
  within,
} from './signals.ts'

const EVIDENCE_MEN =
  '“The Myth of Invisible Men”: men’s histories overlooked and information about them not shared or sought ' +
  '[risk.md T03; 15–17]. Nobody asked who Peter Connelly’s mother’s boyfriend was [74, 75]; no checks on Star ' +
  'Hobson’s mother’s partner despite a domestic-abuse history [72]; Logan Mwangi’s stepfather had convictions for ' +
  'assaulting a child [87].'

/** An adult who came into the child’s life during the record: joined the household, or became a partner. */
type Arrival = { ref: string; day: number; event: ViewEvent | undefined }

const PARTNER_TYPES = new Set(['mother-partner', 'father-partner', 'step-parent', 'household-member', 'carer'])

function arrivals(ctx: SubjectContext, partnerships: readonly { ref: string; day: number }[]): Arrival[] {
  const found = new Map<string, Arrival>()
  for (const e of ofType(ctx.events, 'household.joined')) {
    const ref = e.details.person
    if (ctx.person(ref)?.kind !== 'adult' || found.has(ref)) continue
    found.set(ref, { ref, day: e.day, event: e })
  }
  for (const r of partnerships) {
    if (r.day > ctx.today || found.has(r.ref)) continue
    found.set(r.ref, { ref: r.ref, day: r.day, event: ctx.eventsAbout(r.ref).find(e => e.day >= r.day) })
  }
  // Adults named with a carer in a police incident, or as the subject of a concern, who are not part of the
  // child's recorded family: the boyfriend nobody asked about.
  const recorded = new Set(ctx.relationships().flatMap(r => [r.from, r.to]))
  // With no family recorded at all, the adults named with the child are the family, not newcomers.
  if (!recorded.has(ctx.subject.ref)) return [...found.values()].sort((a, b) => a.day - b.day)
  for (const e of ctx.events) {
    if (e.rel !== 'carer' && e.rel !== 'self') continue
    let named: readonly string[] = []
    if (e.type === 'police.domestic-abuse') named = e.details.perpetrator ? [e.details.perpetrator] : []
    else if (e.type === 'police.call-out') named = e.subjects
    else if (e.type === 'concern.raised') named = e.details.about ? [e.details.about] : []
    for (const ref of named) {
      if (found.has(ref) || ctx.person(ref)?.kind !== 'adult' || recorded.has(ref)) continue
      found.set(ref, { ref, day: e.day, event: e })
    }
  }
  return [...found.values()].sort((a, b) => a.day - b.day)
}

/** Partner relationships that began during the record (not ones that predate it): the partner and the day. */
function newPartnerships(ctx: SubjectContext): { ref: string; day: number }[] {
  const found: { ref: string; day: number }[] = []
  for (const r of ctx.relationships()) {
    if (r.fromDay === undefined || r.fromDay <= ctx.firstDay || !PARTNER_TYPES.has(r.type)) continue
    const partner = r.from === ctx.subject.ref ? r.to : r.from
    if (ctx.person(partner)?.kind !== 'adult' || ctx.roleOf(partner) !== 'carer') continue
    found.push({ ref: partner, day: r.fromDay })
  }
  return found
}

function isChecked(ctx: SubjectContext, ref: string, by: number): ViewEvent | undefined {
  return ctx
    .eventsAbout(ref)
    .find(
      e =>
        e.day <= by &&
        ((e.type === 'police.check' &&
          e.details.about === ref &&
          e.details.result !== undefined &&
          e.details.result !== 'not-returned') ||
          (e.type === 'household.joined' && e.details.person === ref && e.details.checked === true)),
    )
}

export const r03a = defineRule({
  id: 'R03a',
  version: 1,
  theme: 'T03',
  title: 'New adult in the household not checked',
  looksFor:
    'A new adult joins the household, becomes a carer’s partner, or is named with a carer in a police incident or ' +
    'concern, for a child with a safeguarding history in the last `knownWithinDays` (an assessment, enquiry or plan, ' +
    'domestic abuse at home, or concerns on two or more days); no police check or recorded check within `checkDays`.',
  parameters: z.object({
    checkDays: z.int().min(1).max(60).default(10),
    knownWithinDays: z.int().min(90).max(1095).default(365),
  }),
  evidence: EVIDENCE_MEN,
  action:
    'Check the new adult with police (and CSC records elsewhere, probation); meet and assess him or her; record who lives in the home.',
  schedule: 'absence',
  evaluate(ctx, p) {
    let nextDue: number | undefined
    for (const a of arrivals(ctx, newPartnerships(ctx))) {
      const due = a.day + p.checkDays
      if (isChecked(ctx, a.ref, Math.min(due, ctx.today))) continue
      if (ctx.today < due) {
        nextDue = nextDue === undefined ? due : Math.min(nextDue, due)
        continue
      }
      const known = safeguardingHistory(ctx, ctx.today, p.knownWithinDays)
      if (known) return fire(a.event, known)
    }
    return waitUntil(ctx.today, nextDue)
  },
})

/** Completed assessments, enquiries and conferences about the child. */
function isAssessment(e: ViewEvent): boolean {
  return e.type === 'assessment.completed' || e.type === 'section-47.completed' || e.type === 'conference.held'
}

/** An assessment, or the closure of a statutory case. */
function isConclusion(ctx: SubjectContext, e: ViewEvent): boolean {
  if (isAssessment(e)) return true
  if (e.type !== 'case.closed') return false
  const before = ctx.status(e.day - 1)
  return before.cp || before.cin || before.lac || before.assessing
}

export const r03b = defineRule({
  id: 'R03b',
  version: 1,
  theme: 'T03',
  title: 'Adult known to other agencies missing from the assessment',
  looksFor:
    'At a completed assessment, section 47 enquiry or conference about the child, or the closure of a statutory case, ' +
    'an adult with access to the child appears in another agency’s ' +
    'safeguarding-relevant records (police, probation, adult services, domestic abuse, household changes) but social ' +
    'care has never met, seen or checked him or her.',
  parameters: z.object({}),
  evidence: `${EVIDENCE_MEN} Information about men in other agencies’ records is not shared or sought [16, 17].`,
  action:
    'Add the adult to the household list; meet him or her, check with police and the agencies that know him or her, and revisit the assessment.',
  schedule: 'event',
  evaluate(ctx) {
    const decision = ctx.events.find(e => e.day === ctx.today && e.rel === 'self' && isConclusion(ctx, e))
    if (!decision) return NONE
    for (const ref of [...ctx.peopleWithRole('carer'), ...ctx.peopleWithRole('family')]) {
      if (ctx.person(ref)?.kind !== 'adult' || !ctx.hasAccessOn(ref, ctx.today)) continue
      const elsewhere = ctx
        .eventsAbout(ref)
        .filter(
          e =>
            e.agency !== 'social-care' &&
            (e.agency === 'police' ||
              e.agency === 'probation' ||
              e.agency === 'mental-health' ||
              e.agency === 'substance-misuse' ||
              e.type === 'household.joined' ||
              e.type === 'adult.mental-health' ||
              e.type === 'adult.substance-misuse'),
        )
      if (elsewhere.length === 0 || isKnownToSocialCare(ctx, ref)) continue
      return fire(decision, elsewhere)
    }
    return NONE
  },
})

export const r03c = defineRule({
  id: 'R03c',
  version: 1,
  theme: 'T03',
  title: 'Adult with access has a record of harm',
  looksFor:
    'An adult with access to the child (parent, partner, household member, wider family) has a restraining or ' +
    'non-molestation order, a conviction, caution, arrest or intelligence for violence, domestic abuse, sexual or ' +
    'weapon offences or offences against children, or a police check came back with a trace.',
  parameters: z.object({}),
  evidence: `${EVIDENCE_MEN} Convictions were not shared through misunderstanding of data protection [2].`,
  action:
    'High priority for the allocated worker and manager: assess the risk the adult poses and his or her access to the ' +
    'child; this flag cannot be dismissed without a recorded reason.',
  schedule: 'event',
  evaluate(ctx) {
    for (const ref of [...ctx.peopleWithRole('carer'), ...ctx.peopleWithRole('family')]) {
      if (ctx.person(ref)?.kind !== 'adult' || !ctx.hasAccessOn(ref, ctx.today)) continue
      const records = ctx.eventsAbout(ref).filter(e => isHarmRecord(e) && adultOf(ctx, e) === ref)
      if (records.length > 0) {
        const joined = ofType(ctx.events, 'household.joined').filter(e => e.details.person === ref)
        return fire(records, joined)
      }
    }
    return NONE
  },
})

export const r03d = defineRule({
  id: 'R03d',
  version: 1,
  theme: 'T03',
  title: 'Baby’s assessment without the father or male carer',
  looksFor:
    'An assessment, section 47 enquiry or conference completed about an unborn child or a baby under `maxAgeMonths` ' +
    'while a male carer ' +
    '(father, partner, household member) has never been seen or checked by social care.',
  parameters: z.object({
    maxAgeMonths: z.int().min(6).max(36).default(12),
  }),
  evidence:
    'Ofsted: fathers marginalised in pre-birth and infant assessments [risk.md T03; 29]; universal services rarely ' +
    'involve fathers [15–17]; the Panel found fathers and partners accepted at face value [7].',
  action: 'See and assess the father or male carer before the assessment is finalised; check him with police.',
  schedule: 'event',
  evaluate(ctx, p) {
    if (!isInfant(ctx, ctx.today, p.maxAgeMonths)) return NONE
    const decision = ctx.events.find(e => e.day === ctx.today && e.rel === 'self' && isAssessment(e))
    if (!decision) return NONE
    for (const ref of ctx.peopleWithRole('carer')) {
      const person = ctx.person(ref)
      if (person?.kind !== 'adult' || person.sex !== 'M' || !ctx.hasAccessOn(ref, ctx.today)) continue
      if (!isKnownToSocialCare(ctx, ref)) return fire(decision, ctx.eventsAbout(ref).slice(-3))
    }
    return NONE
  },
})

export const r03e = defineRule({
  id: 'R03e',
  version: 1,
  theme: 'T03',
  title: 'Several new partners in a year',
  looksFor:
    'At least `count` different new adults joining the household or becoming a carer’s partner within `windowDays`.',
  parameters: z.object({
    count: z.int().min(2).max(5).default(2),
    windowDays: z.int().min(180).max(730).default(365),
  }),
  evidence:
    'Multiple consecutive partners are among the cumulative risks in the 2011–14 triennial review [risk.md T03; 26].',
  action: 'Build the household history with the family; check each adult; consider the cumulative effect on the child.',
  schedule: 'event',
  evaluate(ctx, p) {
    const partners = newPartnerships(ctx)
    const joins = ofType(ctx.events, 'household.joined').filter(e => ctx.person(e.details.person)?.kind === 'adult')
    const recent = new Map<string, ViewEvent | undefined>()
    for (const e of within(joins, ctx.today, p.windowDays))
      if (!recent.has(e.details.person)) recent.set(e.details.person, e)
    for (const r of partners) {
      if (r.day > ctx.today || r.day <= ctx.today - p.windowDays || recent.has(r.ref)) continue
      recent.set(
        r.ref,
        ctx.eventsAbout(r.ref).find(e => e.day >= r.day),
      )
    }
    const carers = [...recent].filter(([ref]) => isCarer(ctx, ref))
    return carers.length >= p.count ? fire(carers.map(([, e]) => e)) : NONE
  },
})

export const t03Rules: readonly Rule[] = [r03a, r03b, r03c, r03d, r03e]
