import * as z from 'zod'
import type { AgencyKind } from '../../agencies/index.ts'
import { defineRule, type Rule, type SubjectContext, type ViewEvent } from '../rule.schema.ts'
import {
  NONE,
  agencyGroup,
  fire,
  isAboutCarer,
  isHarmRecord,
  isInjury,
  isOutOfArea,
  isPhysicalIndicator,
  isStatutoryOpen,
  ofType,
  own,
  waitUntil,
  within,
  type AgencyGroup,
} from './signals.ts'

const EVIDENCE_SHARING =
  'Poor information exchange at critical points in 40% of the Panel’s first rapid reviews [risk.md T12; 1]; 31 ' +
  'photographs of Logan Mwangi’s injuries never left the health service [87, 88]; police information about Star ' +
  'Hobson’s mother’s partner was not shared or sought [72]; very little passed from Dorset to Waltham Forest after ' +
  'Jaden Moodie’s arrest [78, 79]. Never assume another professional has shared [53]; data protection is not a ' +
  'barrier to sharing for safeguarding [52].'

/** Agencies whose knowledge a strategy discussion needs (social care convenes it). */
const COVERED_GROUPS: ReadonlySet<AgencyGroup> = new Set(['police', 'health', 'education', 'justice'])

function coverageGroup(agency: AgencyKind): AgencyGroup | undefined {
  const g = agencyGroup(agency)
  return COVERED_GROUPS.has(g) ? g : undefined
}

export const r12a = defineRule({
  id: 'R12a',
  version: 1,
  theme: 'T12',
  title: 'Strategy discussion without an agency that knows the family',
  looksFor:
    'A strategy discussion whose recorded attendance leaves out an agency (police, health, education, probation or ' +
    'youth justice) that recorded something about the child or a carer in the `windowDays` before.',
  parameters: z.object({
    windowDays: z.int().min(90).max(730).default(365),
  }),
  evidence: `${EVIDENCE_SHARING} Working Together: a strategy discussion involves social care, police, health and the referring agency [standards.md T3].`,
  action: 'Reconvene or seek the missing agency’s information before decisions are made; record what it knows.',
  schedule: 'event',
  evaluate(ctx, p) {
    for (const sd of ofType(own(ctx), 'strategy-discussion.held')) {
      if (sd.day !== ctx.today || !sd.details.agencies || sd.details.agencies.length === 0) continue
      const present = new Set(sd.details.agencies.map(a => coverageGroup(a)))
      const involved = new Map<AgencyGroup, ViewEvent>()
      for (const e of within(ctx.events, sd.day, p.windowDays)) {
        if (e.rel !== 'self' && e.rel !== 'carer') continue
        const g = coverageGroup(e.agency)
        if (g && !present.has(g) && !involved.has(g)) involved.set(g, e)
      }
      if (involved.size > 0) return fire(sd, [...involved.values()])
    }
    return NONE
  },
})

/** Safeguarding information recorded by an agency other than social care that social care should have. */
function shouldReachSocialCare(ctx: SubjectContext, e: ViewEvent): boolean {
  if (e.agency === 'social-care') return false
  if (isPhysicalIndicator(ctx, e)) return true
  if (e.type === 'police.domestic-abuse' && (e.rel === 'self' || e.rel === 'carer')) return true
  const open = isStatutoryOpen(ctx, e.day)
  if (!open) return false
  if (e.rel === 'self' && (isInjury(e) || e.type === 'missing.episode' || e.type === 'exploitation.indicator'))
    return true
  if (isHarmRecord(e) && isAboutCarer(ctx, e)) return true
  if (e.type === 'evidence.received' && e.rel === 'self') return true
  return false
}

function reachedSocialCare(ctx: SubjectContext, e: ViewEvent, by: number): boolean {
  return ctx.events.some(
    r =>
      r.day >= e.day &&
      r.day <= by &&
      r.index !== e.index &&
      (r.rel === 'self' || r.rel === 'carer' || r.rel === 'sibling') &&
      (r.agency === 'social-care' ||
        r.type === 'concern.raised' ||
        r.type === 'strategy-discussion.held' ||
        (r.type === 'information.provided' && r.details.to === 'social-care')),
  )
}

export const r12b = defineRule({
  id: 'R12b',
  version: 1,
  theme: 'T12',
  title: 'Safeguarding information not reaching social care',
  looksFor:
    'Safeguarding information recorded by another agency — an abuse indicator, a domestic-abuse incident, and for a ' +
    'child open to social care any injury, missing episode, exploitation sign, carer’s record of harm or new evidence ' +
    '— with no referral, shared record or social-care entry within `workingDays` working days.',
  parameters: z.object({
    workingDays: z.int().min(1).max(20).default(3),
  }),
  evidence: EVIDENCE_SHARING,
  action: 'Share it with the child’s social worker (or the front door) now, recording the lawful basis.',
  schedule: 'absence',
  evaluate(ctx, p) {
    let nextDue: number | undefined
    for (const e of ctx.events) {
      if (!shouldReachSocialCare(ctx, e)) continue
      const deadline = ctx.addWorkingDays(e.day, p.workingDays)
      if (reachedSocialCare(ctx, e, Math.min(deadline, ctx.today))) continue
      if (ctx.today >= deadline) return fire(e)
      nextDue = nextDue === undefined ? deadline : Math.min(nextDue, deadline)
    }
    return waitUntil(ctx.today, nextDue)
  },
})

export const r12c = defineRule({
  id: 'R12c',
  version: 1,
  theme: 'T12',
  title: 'Request for information or check unanswered',
  looksFor:
    'An information request or police check with no answer within `workingDays` working days, or a check recorded ' +
    'as not returned.',
  parameters: z.object({
    workingDays: z.int().min(1).max(20).default(5),
  }),
  evidence: EVIDENCE_SHARING,
  action: 'Chase the request today and escalate to the agency’s safeguarding lead if it is still not answered.',
  schedule: 'absence',
  evaluate(ctx, p) {
    const events = ctx.events.filter(e => e.rel === 'self' || e.rel === 'carer')
    let nextDue: number | undefined
    for (const r of events) {
      let answered: (by: number) => boolean
      if (r.type === 'information.requested') {
        const ref = r.details.requestRef
        const from = r.details.from
        answered = by =>
          ofType(events, 'information.provided').some(
            a =>
              a.day >= r.day &&
              a.day <= by &&
              (ref ? a.details.requestRef === ref : from === undefined || a.agency === from || a.details.from === from),
          )
      } else if (r.type === 'police.check') {
        if (r.details.result === 'not-returned') return fire(r)
        if (r.details.result !== undefined) continue
        const about = r.details.about
        answered = by =>
          ofType(events, 'police.check').some(
            c =>
              c.day >= r.day &&
              c.day <= by &&
              c.details.about === about &&
              (c.details.result === 'trace' || c.details.result === 'no-trace'),
          )
      } else continue
      const deadline = ctx.addWorkingDays(r.day, p.workingDays)
      if (answered(Math.min(deadline, ctx.today))) continue
      if (ctx.today >= deadline) return fire(r)
      nextDue = nextDue === undefined ? deadline : Math.min(nextDue, deadline)
    }
    return waitUntil(ctx.today, nextDue)
  },
})

export const r12d = defineRule({
  id: 'R12d',
  version: 1,
  theme: 'T12',
  title: 'Child arrested or found out of area',
  looksFor:
    'The child arrested out of area, or found out of area after going missing (as recorded, or when the entry’s area ' +
    'differs from the area of the child’s other entries).',
  parameters: z.object({}),
  evidence: `${EVIDENCE_SHARING} Jaden Moodie’s request to call the Samaritans surfaced only in the review [78, 79].`,
  action:
    'Notify the home authority’s social worker and exploitation lead; ask the other area for everything it recorded.',
  schedule: 'event',
  evaluate(ctx) {
    const e = own(ctx).find(
      e =>
        ((e.type === 'police.arrest' && (e.details.person === undefined || e.details.person === ctx.subject.ref)) ||
          e.type === 'missing.episode') &&
        isOutOfArea(ctx, e),
    )
    return e ? fire(e) : NONE
  },
})

export const t12Rules: readonly Rule[] = [r12a, r12b, r12c, r12d]
