import * as z from 'zod'
import { AgencyKind } from '../agencies/index.ts'
import type { EventType } from './event.schema.ts'

/**
 * The detail fields of each event type in contracts/timeline.md, as strict zod objects: an unknown field or value
 * is an error, a missing optional field is not. Fields marked (*) in the contract are required. Person references
 * are checked against the timeline's people by the timeline parser (see `personRefFields`).
 */

const RiskLevel = z.enum(['low', 'medium', 'high'])
const PlanCategory = z.enum(['neglect', 'physical', 'emotional', 'sexual', 'multiple'])
const Offence = z.enum([
  'supply',
  'possession',
  'violence',
  'domestic-abuse',
  'sexual',
  'against-child',
  'weapon',
  'other',
])
const MissReason = z.enum(['refused', 'ill', 'isolating', 'away', 'forgot', 'unknown'])
const InfoSource = z.enum(['police-intelligence', 'school', 'practitioner', 'family', 'child'])
const PersonRef = z.string().min(1)
const Day = z.int()
const Summary = z.string()

export const detailSchemas = {
  'concern.raised': z.strictObject({
    referrer: z.enum(['professional', 'relative', 'friend', 'neighbour', 'public', 'anonymous', 'self', 'child']),
    referrerRef: PersonRef.optional(),
    about: PersonRef.optional(),
    category: z
      .enum(['physical', 'sexual', 'emotional', 'neglect', 'domestic-abuse', 'exploitation', 'other'])
      .optional(),
    summary: Summary.optional(),
  }),
  'evidence.received': z.strictObject({
    kind: z.enum(['photo', 'video', 'medical-report', 'statement', 'other']),
    from: AgencyKind.optional(),
    summary: Summary.optional(),
  }),
  'referral.decision': z.strictObject({
    outcome: z.enum(['no-further-action', 'early-help', 'assessment', 'strategy-discussion', 'section-47']),
    referrerContacted: z.boolean().optional(),
    reason: z.string().optional(),
  }),
  'case.opened': z.strictObject({
    service: z.enum(['early-help', 'child-in-need', 'child-protection', 'looked-after']).optional(),
  }),
  'case.closed': z.strictObject({
    reason: z.enum(['no-further-action', 'stepped-down', 'moved-away', 'malicious', 'other']).optional(),
  }),
  'assessment.completed': z.strictObject({
    outcome: z.enum(['no-further-action', 'child-in-need', 'section-47']).optional(),
    riskLevel: RiskLevel.optional(),
    childSeenAlone: z.boolean().optional(),
    basis: z.enum(['parent-account', 'observation', 'child-account', 'third-party', 'medical']).optional(),
  }),
  'risk.rating-changed': z.strictObject({ from: RiskLevel.optional(), to: RiskLevel.optional() }),
  'strategy-discussion.held': z.strictObject({
    outcome: z.enum(['section-47', 'no-section-47']).optional(),
    agencies: z.array(AgencyKind).optional(),
  }),
  'section-47.completed': z.strictObject({
    outcome: z.enum(['substantiated', 'not-substantiated']).optional(),
    medical: z.boolean().optional(),
  }),
  'conference.held': z.strictObject({
    kind: z.enum(['initial', 'review']).optional(),
    outcome: z.enum(['plan', 'no-plan', 'plan-ended']).optional(),
  }),
  'plan.started': z.strictObject({ category: PlanCategory.optional() }),
  'plan.ended': z.strictObject({ category: PlanCategory.optional() }),
  'legal.meeting': z.strictObject({
    kind: z.enum(['legal-planning', 'pre-proceedings', 'court-hearing']),
    outcome: z.string().optional(),
    remote: z.boolean().optional(),
  }),
  'visit.completed': z.strictObject({
    childSeen: z.boolean(),
    seenAlone: z.boolean().optional(),
    announced: z.boolean().optional(),
    remote: z.boolean().optional(),
    location: z.string().optional(),
    othersPresent: z.array(PersonRef).optional(),
    interpreter: z.enum(['independent', 'family-member', 'none', 'not-needed']).optional(),
  }),
  'visit.no-access': z.strictObject({
    announced: z.boolean().optional(),
    reason: z.enum(['refused', 'not-home', 'ill', 'isolating', 'away', 'unknown']).optional(),
  }),
  'appointment.attended': z.strictObject({ service: z.string().optional() }),
  'appointment.was-not-brought': z.strictObject({
    service: z.string().optional(),
    reason: MissReason.optional(),
    rebooked: z.boolean().optional(),
  }),
  'appointment.cancelled': z.strictObject({
    service: z.string().optional(),
    by: z.enum(['family', 'service']).optional(),
    reason: MissReason.optional(),
    rebooked: z.boolean().optional(),
  }),
  'hospital.attendance': z.strictObject({
    reason: z.enum(['injury', 'illness', 'ingestion', 'other']).optional(),
    delayDays: z.number().min(0).optional(),
  }),
  'injury.observed': z.strictObject({
    site: z
      .enum(['face', 'head', 'ear', 'neck', 'torso', 'back', 'buttocks', 'genitals', 'limb', 'hand', 'other'])
      .optional(),
    kind: z.enum(['bruise', 'burn', 'fracture', 'bite', 'wound', 'other']).optional(),
    observed: z.enum(['seen', 'reported']).optional(),
    explanation: z.string().optional(),
    explanationSource: z.enum(['parent', 'carer', 'child', 'witness', 'medical', 'none']).optional(),
    childMobile: z.boolean().optional(),
    medical: z.boolean().optional(),
  }),
  'medical.examination': z.strictObject({
    findings: z.enum(['consistent-with-abuse', 'inconclusive', 'accidental', 'medical-condition']).optional(),
  }),
  'health.growth': z.strictObject({
    weightCentile: z.number().min(0).max(100).optional(),
    trend: z.enum(['falling', 'stable', 'rising']).optional(),
  }),
  'pregnancy.noted': z.strictObject({ person: PersonRef, dueDay: Day.optional() }),
  'home.conditions': z.strictObject({
    sleep: z.enum(['safe', 'unsafe', 'unknown']).optional(),
    conditions: z.enum(['good', 'poor', 'squalid']).optional(),
    temporaryAccommodation: z.boolean().optional(),
  }),
  'school.absence': z.strictObject({ sessions: z.int().min(0).optional() }),
  'school.exclusion': z.strictObject({ kind: z.enum(['fixed-term', 'permanent', 'managed-move']).optional() }),
  'school.roll-change': z.strictObject({
    to: z
      .enum([
        'joined',
        'elective-home-education',
        'other-school',
        'pupil-referral-unit',
        'missing-education',
        'off-roll',
      ])
      .optional(),
  }),
  'school.concern': z.strictObject({ summary: Summary.optional() }),
  'police.domestic-abuse': z.strictObject({
    riskLevel: z.enum(['standard', 'medium', 'high']).optional(),
    childPresent: z.boolean().optional(),
    perpetrator: PersonRef.optional(),
    victim: PersonRef.optional(),
  }),
  'police.call-out': z.strictObject({ summary: Summary.optional() }),
  'police.arrest': z.strictObject({
    person: PersonRef.optional(),
    offence: Offence.optional(),
    outOfArea: z.boolean().optional(),
  }),
  'police.record': z.strictObject({
    person: PersonRef,
    kind: z.enum([
      'conviction',
      'caution',
      'restraining-order',
      'non-molestation-order',
      'bail',
      'remand',
      'intelligence',
    ]),
    offence: Offence.optional(),
  }),
  'police.check': z.strictObject({
    about: PersonRef,
    result: z.enum(['no-trace', 'trace', 'not-returned']).optional(),
  }),
  'missing.episode': z.strictObject({
    hours: z.number().min(0).optional(),
    returnInterview: z.enum(['offered', 'completed', 'declined', 'none']).optional(),
    foundOutOfArea: z.boolean().optional(),
  }),
  'household.joined': z.strictObject({ person: PersonRef, checked: z.boolean().optional() }),
  'household.left': z.strictObject({ person: PersonRef, checked: z.boolean().optional() }),
  'household.moved': z.strictObject({
    newArea: z.boolean().optional(),
    newPostcode: z.string().optional(),
    temporaryAccommodation: z.boolean().optional(),
  }),
  'adult.mental-health': z.strictObject({ person: PersonRef.optional(), severity: RiskLevel.optional() }),
  'adult.substance-misuse': z.strictObject({ person: PersonRef.optional(), severity: RiskLevel.optional() }),
  'agreement.made': z.strictObject({ summary: Summary.optional() }),
  'agreement.kept': z.strictObject({ summary: Summary.optional() }),
  'agreement.broken': z.strictObject({ summary: Summary.optional() }),
  // The contract gives `from` / `to` for the pair; either may appear on either type.
  'information.requested': z.strictObject({
    from: AgencyKind.optional(),
    to: AgencyKind.optional(),
    requestRef: z.string().optional(),
  }),
  'information.provided': z.strictObject({
    from: AgencyKind.optional(),
    to: AgencyKind.optional(),
    requestRef: z.string().optional(),
  }),
  'service.restricted': z.strictObject({ reason: z.string().optional(), untilDay: Day.optional() }),
  'exploitation.indicator': z.strictObject({
    indicator: z
      .enum([
        'unexplained-money',
        'new-phone',
        'older-associates',
        'county-lines',
        'gang-association',
        'sexual-exploitation',
        'other',
      ])
      .optional(),
  }),
  'association.recorded': z.strictObject({
    person: PersonRef,
    kind: z.enum(['peer', 'adult-of-concern', 'group']).optional(),
    source: InfoSource.optional(),
    reliability: RiskLevel.optional(),
    untilDay: Day.optional(),
  }),
  'place.linked': z.strictObject({
    place: z.string().min(1),
    kind: z.enum(['park', 'shop', 'address', 'school', 'transport', 'online', 'other']).optional(),
    source: InfoSource.optional(),
    reliability: RiskLevel.optional(),
  }),
  'nrm.referral': z.strictObject({}),
  'child.voice-recorded': z.strictObject({ summary: Summary.optional() }),
  'disagreement.raised': z.strictObject({ stage: z.int().min(0).optional(), summary: Summary.optional() }),
  'disagreement.resolved': z.strictObject({ stage: z.int().min(0).optional(), summary: Summary.optional() }),
  'incident.serious': z.strictObject({ summary: Summary.optional() }),
} satisfies Record<EventType, z.ZodObject>

/** The parsed details of each event type. */
export type EventDetails = { [K in EventType]: z.output<(typeof detailSchemas)[K]> }

/** Detail fields that name a person of the timeline, and whether they hold one ref or a list. */
export const personRefFields: Readonly<Partial<Record<EventType, readonly string[]>>> = {
  'concern.raised': ['referrerRef', 'about'],
  'visit.completed': ['othersPresent'],
  'pregnancy.noted': ['person'],
  'police.domestic-abuse': ['perpetrator', 'victim'],
  'police.arrest': ['person'],
  'police.record': ['person'],
  'police.check': ['about'],
  'household.joined': ['person'],
  'household.left': ['person'],
  'adult.mental-health': ['person'],
  'adult.substance-misuse': ['person'],
  'association.recorded': ['person'],
}

/** Parse one event's details; the caller turns issues into messages. */
export function parseEventDetails(type: EventType, details: unknown): z.ZodSafeParseResult<Record<string, unknown>> {
  return (detailSchemas[type] as z.ZodType<Record<string, unknown>>).safeParse(details ?? {})
}
