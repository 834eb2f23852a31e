import * as z from 'zod'

/** The event types of contracts/timeline.md. The product may add types; it must accept these. */
export const EventType = z.enum([
  'concern.raised',
  'evidence.received',
  'referral.decision',
  'case.opened',
  'case.closed',
  'assessment.completed',
  'risk.rating-changed',
  'strategy-discussion.held',
  'section-47.completed',
  'conference.held',
  'plan.started',
  'plan.ended',
  'legal.meeting',
  'visit.completed',
  'visit.no-access',
  'appointment.attended',
  'appointment.was-not-brought',
  'appointment.cancelled',
  'hospital.attendance',
  'injury.observed',
  'medical.examination',
  'health.growth',
  'pregnancy.noted',
  'home.conditions',
  'school.absence',
  'school.exclusion',
  'school.roll-change',
  'school.concern',
  'police.domestic-abuse',
  'police.call-out',
  'police.arrest',
  'police.record',
  'police.check',
  'missing.episode',
  'household.joined',
  'household.left',
  'household.moved',
  'adult.mental-health',
  'adult.substance-misuse',
  'agreement.made',
  'agreement.kept',
  'agreement.broken',
  'information.requested',
  'information.provided',
  'service.restricted',
  'exploitation.indicator',
  'association.recorded',
  'place.linked',
  'nrm.referral',
  'child.voice-recorded',
  'disagreement.raised',
  'disagreement.resolved',
  'incident.serious',
])
export type EventType = z.infer<typeof EventType>

/** The lawful basis for holding and sharing an entry (reference/standards.md §7). */
export const LawfulBasis = z.enum(['public-task', 'law-enforcement', 'consent'])
export type LawfulBasis = z.infer<typeof LawfulBasis>

export const lawfulBasisLabels: Record<LawfulBasis, string> = {
  'public-task': 'UK GDPR Art 6(1)(e), DPA 2018 Sch 1 para 18',
  'law-enforcement': 'DPA 2018 Part 3, Sch 8 para 4',
  consent: 'Consent',
}

export type ChronologyEntry = {
  id: string
  type: string
  agencyId: string
  practitionerId: string | null
  occurredOn: string
  recordedAt: Date
  summary: string | null
  details: Record<string, unknown>
  isSignificant: boolean
  lawfulBasis: LawfulBasis
  supersedesId: string | null
  restrictedToRoles: string[] | null
  restrictionContact: string | null
}

/**
 * An entry as a particular reader may see it. A restricted entry whose roles the reader does not hold keeps
 * only its date, agency and whom to ask: the reader learns that it exists, not what it says.
 */
export type ChronologyView =
  | (ChronologyEntry & { isRestricted: false })
  | {
      isRestricted: true
      id: string
      agencyId: string
      occurredOn: string
      recordedAt: Date
      restrictionContact: string | null
    }

export type Disclosure = {
  id: string
  personId: string
  fromAgencyId: string
  toAgencyId: string | null
  toPractitionerId: string | null
  toAccountId: string | null
  lawfulBasis: LawfulBasis
  purpose: string
  entryCount: number
  disclosedAt: Date
  requestId: string | null
}

/** Whether a child is known to services now, derived from their case and plan events. */
export type ServiceStatus = {
  hasOpenCase: boolean
  openService: string | undefined
  hasChildProtectionPlan: boolean
  planCategory: string | undefined
  isLookedAfter: boolean
  lastChange: string | undefined
}

/** What a reader narrows a chronology to: one agency, one type of event, a date range, significant events. */
export type ChronologyFilter = {
  agencyId?: string | undefined
  type?: string | undefined
  from?: string | undefined
  to?: string | undefined
  significantOnly?: boolean | undefined
}

export const ChronologyOrder = z.enum(['newest', 'oldest'])
export type ChronologyOrder = z.infer<typeof ChronologyOrder>
