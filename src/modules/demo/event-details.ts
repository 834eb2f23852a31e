/**
 * The detail fields of contracts/timeline.md's event vocabulary, as types, so that the demo generator cannot
 * write a field or a value the contract does not define: a typo is a compile error, not a silent divergence.
 * Person refs are person ids. (The chronology module does not yet publish per-type detail schemas; when it
 * does, these types should come from there.)
 */

type AgencyKind =
  | 'social-care'
  | 'police'
  | 'health'
  | 'gp'
  | 'hospital'
  | 'ambulance'
  | 'school'
  | 'education'
  | 'early-years'
  | 'probation'
  | 'housing'
  | 'mental-health'
  | 'substance-misuse'
  | 'youth-justice'
  | 'court'
  | 'voluntary'
  | 'family'
  | 'other'
type RiskLevel = 'low' | 'medium' | 'high'
type PlanCategory = 'neglect' | 'physical' | 'emotional' | 'sexual' | 'multiple'
type Offence = 'supply' | 'possession' | 'violence' | 'domestic-abuse' | 'sexual' | 'against-child' | 'weapon' | 'other'
type MissReason = 'refused' | 'ill' | 'isolating' | 'away' | 'forgot' | 'unknown'
type Source = 'police-intelligence' | 'school' | 'practitioner' | 'family' | 'child'

export type EventDetails = {
  'concern.raised': {
    referrer: 'professional' | 'relative' | 'friend' | 'neighbour' | 'public' | 'anonymous' | 'self' | 'child'
    referrerRef?: string
    about?: string
    category?: 'physical' | 'sexual' | 'emotional' | 'neglect' | 'domestic-abuse' | 'exploitation' | 'other'
    summary?: string
  }
  'evidence.received': {
    kind: 'photo' | 'video' | 'medical-report' | 'statement' | 'other'
    from?: AgencyKind
    summary?: string
  }
  'referral.decision': {
    outcome: 'no-further-action' | 'early-help' | 'assessment' | 'strategy-discussion' | 'section-47'
    referrerContacted?: boolean
    reason?: string
  }
  'case.opened': { service?: 'early-help' | 'child-in-need' | 'child-protection' | 'looked-after' }
  'case.closed': { reason?: 'no-further-action' | 'stepped-down' | 'moved-away' | 'malicious' | 'other' }
  'assessment.completed': {
    outcome?: 'no-further-action' | 'child-in-need' | 'section-47'
    riskLevel?: RiskLevel
    childSeenAlone?: boolean
    basis?: 'parent-account' | 'observation' | 'child-account' | 'third-party' | 'medical'
  }
  'risk.rating-changed': { from?: RiskLevel; to?: RiskLevel }
  'strategy-discussion.held': { outcome?: 'section-47' | 'no-section-47'; agencies?: AgencyKind[] }
  'section-47.completed': { outcome?: 'substantiated' | 'not-substantiated'; medical?: boolean }
  'conference.held': { kind?: 'initial' | 'review'; outcome?: 'plan' | 'no-plan' | 'plan-ended' }
  'plan.started': { category?: PlanCategory }
  'plan.ended': { category?: PlanCategory }
  'legal.meeting': { kind: 'legal-planning' | 'pre-proceedings' | 'court-hearing'; outcome?: string; remote?: boolean }
  'visit.completed': {
    childSeen: boolean
    seenAlone?: boolean
    announced?: boolean
    remote?: boolean
    location?: string
    othersPresent?: string[]
    interpreter?: 'independent' | 'family-member' | 'none' | 'not-needed'
  }
  'visit.no-access': { announced?: boolean; reason?: 'refused' | 'not-home' | 'ill' | 'isolating' | 'away' | 'unknown' }
  'appointment.attended': { service?: string }
  'appointment.was-not-brought': { service?: string; reason?: MissReason; rebooked?: boolean }
  'appointment.cancelled': { service?: string; by?: 'family' | 'service'; reason?: MissReason; rebooked?: boolean }
  'hospital.attendance': { reason?: 'injury' | 'illness' | 'ingestion' | 'other'; delayDays?: number }
  'injury.observed': {
    site?: 'face' | 'head' | 'ear' | 'neck' | 'torso' | 'back' | 'buttocks' | 'genitals' | 'limb' | 'hand' | 'other'
    kind?: 'bruise' | 'burn' | 'fracture' | 'bite' | 'wound' | 'other'
    observed?: 'seen' | 'reported'
    explanation?: string
    explanationSource?: 'parent' | 'carer' | 'child' | 'witness' | 'medical' | 'none'
    childMobile?: boolean
    medical?: boolean
  }
  'medical.examination': { findings?: 'consistent-with-abuse' | 'inconclusive' | 'accidental' | 'medical-condition' }
  'health.growth': { weightCentile?: number; trend?: 'falling' | 'stable' | 'rising' }
  'pregnancy.noted': { person: string; dueDay?: number }
  'home.conditions': {
    sleep?: 'safe' | 'unsafe' | 'unknown'
    conditions?: 'good' | 'poor' | 'squalid'
    temporaryAccommodation?: boolean
  }
  'school.absence': { sessions?: number }
  'school.exclusion': { kind?: 'fixed-term' | 'permanent' | 'managed-move' }
  'school.roll-change': {
    to?:
      'joined' | 'elective-home-education' | 'other-school' | 'pupil-referral-unit' | 'missing-education' | 'off-roll'
  }
  'school.concern': { summary?: string }
  'police.domestic-abuse': {
    riskLevel?: 'standard' | 'medium' | 'high'
    childPresent?: boolean
    perpetrator?: string
    victim?: string
  }
  'police.call-out': { summary?: string }
  'police.arrest': { person?: string; offence?: Offence; outOfArea?: boolean }
  'police.record': {
    person: string
    kind: 'conviction' | 'caution' | 'restraining-order' | 'non-molestation-order' | 'bail' | 'remand' | 'intelligence'
    offence?: Offence
  }
  'police.check': { about: string; result?: 'no-trace' | 'trace' | 'not-returned' }
  'missing.episode': {
    hours?: number
    returnInterview?: 'offered' | 'completed' | 'declined' | 'none'
    foundOutOfArea?: boolean
  }
  'household.joined': { person: string; checked?: boolean }
  'household.left': { person: string; checked?: boolean }
  'household.moved': { newArea?: boolean; newPostcode?: string; temporaryAccommodation?: boolean }
  'adult.mental-health': { person?: string; severity?: RiskLevel }
  'adult.substance-misuse': { person?: string; severity?: RiskLevel }
  'agreement.made': { summary?: string }
  'agreement.kept': { summary?: string }
  'agreement.broken': { summary?: string }
  'information.requested': { from?: AgencyKind; requestRef?: string }
  'information.provided': { to?: AgencyKind; requestRef?: string }
  'service.restricted': { reason?: string; untilDay?: number }
  'exploitation.indicator': {
    indicator?:
      | 'unexplained-money'
      | 'new-phone'
      | 'older-associates'
      | 'county-lines'
      | 'gang-association'
      | 'sexual-exploitation'
      | 'other'
  }
  'association.recorded': {
    person: string
    kind?: 'peer' | 'adult-of-concern' | 'group'
    source?: Source
    reliability?: RiskLevel
    untilDay?: number
  }
  'place.linked': {
    place: string
    kind?: 'park' | 'shop' | 'address' | 'school' | 'transport' | 'online' | 'other'
    source?: Source
    reliability?: RiskLevel
  }
  'nrm.referral': Record<string, never>
  'child.voice-recorded': { summary?: string }
  'disagreement.raised': { stage?: number; summary?: string }
  'disagreement.resolved': { stage?: number; summary?: string }
  'incident.serious': { summary?: string }
}

export type DemoEventType = keyof EventDetails
