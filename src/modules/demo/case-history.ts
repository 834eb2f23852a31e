import type { NewEventRow, NewEventSubjectRow } from '../chronology/index.ts'
import { FIRST_EVENT_DAY, ageInYears, isoDay, timestampOn, workingDay } from './demo-calendar.ts'
import type { ChildMember, FamilyExtras, FamilyModel, Member } from './demo-family.ts'
import type { DemoEventType, EventDetails } from './event-details.ts'
import {
  membersTitled,
  type AgencyRef,
  type LocalAgency,
  type PartnershipIndex,
  type TeamRef,
} from './organisations.generator.ts'
import type { RecordKeeper } from './record-variation.ts'
import type { Random } from './seeded-random.ts'

/**
 * Police intelligence is restricted by the police: only the police themselves and exploitation leads see what
 * it says; everyone else sees that a restricted entry exists and whom to ask.
 */
function restrictionOf(type: string, agencyKind: string, details: unknown): { restrictedToRoles: string[] | null; restrictionContact: string | null } {
  const kind = (details as { kind?: unknown; source?: unknown } | null) ?? {}
  const isIntelligence =
    agencyKind === 'police' && ((type === 'police.record' && kind.kind === 'intelligence') || kind.source === 'police-intelligence')
  return isIntelligence
    ? { restrictedToRoles: ['exploitation-lead'], restrictionContact: 'Northshire Police public protection unit' }
    : { restrictedToRoles: null, restrictionContact: null }
}

/** Who recorded an event: the agency, the practitioner, and which of the child's record keepers that is. */
export type Recorder = {
  readonly agency: AgencyRef
  readonly practitionerId: string | null
  readonly keeper: RecordKeeper | undefined
}

/** Where a family's events go: the batch's rows, an id source, and the first day each agency recorded each child. */
export type HistoryOutput = {
  readonly events: NewEventRow[]
  readonly subjects: NewEventSubjectRow[]
  nextEventId(): string
  /** child id → record keeper → first day that keeper recorded anything about the child. */
  readonly involvement: Map<string, Map<RecordKeeper, number>>
}

export type EmitOptions = { significant?: boolean; historic?: boolean }

// Agencies that work around the clock record on the day itself; the rest on the next working day.
const roundTheClock = new Set(['police', 'hospital'])

/**
 * The writer of one family's year: it knows the family, the partnership's staff and the random stream, and
 * turns "the health visitor found a bruise on day -120" into an event row with its subjects, practitioner,
 * lawful basis and recording time. One instance per family; the pattern functions drive it.
 */
export class CaseHistory {
  readonly family: FamilyModel
  readonly partnership: PartnershipIndex
  readonly random: Random
  readonly extras: FamilyExtras
  private readonly out: HistoryOutput
  private readonly birthDays: Map<string, number>
  private allocatedWorker: string | undefined
  private familyHealthVisitor: string | undefined
  private familyGp: string | undefined

  constructor(
    family: FamilyModel,
    partnership: PartnershipIndex,
    random: Random,
    out: HistoryOutput,
    extras: FamilyExtras,
  ) {
    this.family = family
    this.partnership = partnership
    this.random = random
    this.out = out
    this.extras = extras
    this.birthDays = new Map(family.children.map(c => [c.id, c.birthDay]))
  }

  /**
   * Record one event. Children not yet born on the day are dropped from the subjects; an event after day 0 (it
   * has not happened yet) or with nobody left to be about is not recorded. Returns the day recorded, or undefined.
   */
  emit<T extends DemoEventType>(
    type: T,
    day: number,
    by: Recorder | undefined,
    about: readonly (Member | undefined)[],
    details: EventDetails[T],
    summary: string,
    options: EmitOptions = {},
  ): number | undefined {
    if (!by) return undefined
    const onDay = roundTheClock.has(by.agency.kind) ? day : workingDay(day)
    if (onDay > 0 || (onDay < FIRST_EVENT_DAY && !options.historic)) return undefined
    const subjectIds: string[] = []
    for (const member of about) {
      if (!member || subjectIds.includes(member.id)) continue
      const birthDay = this.birthDays.get(member.id)
      if (birthDay !== undefined && birthDay > onDay) continue
      subjectIds.push(member.id)
    }
    if (subjectIds.length === 0) return undefined
    const r = this.random
    const lag = roundTheClock.has(by.agency.kind) ? 0 : Math.min(r.int(0, 2), -onDay)
    const minutes = roundTheClock.has(by.agency.kind) ? r.int(0, 1439) : r.int(8 * 60 + 30, 18 * 60)
    const id = this.out.nextEventId()
    this.out.events.push({
      id,
      type,
      agencyId: by.agency.id,
      practitionerId: by.practitionerId,
      occurredOn: isoDay(onDay),
      recordedAt: timestampOn(onDay + lag, minutes),
      summary,
      details,
      isSignificant: options.significant ?? false,
      lawfulBasis:
        by.agency.kind === 'police'
          ? 'law-enforcement'
          : by.agency.kind === 'voluntary' && r.chance(0.35)
            ? 'consent'
            : 'public-task',
      supersedesId: null,
      ...restrictionOf(type, by.agency.kind, details),
    })
    for (const personId of subjectIds) {
      this.out.subjects.push({ personId, eventId: id })
      if (by.keeper && this.birthDays.has(personId)) {
        let kept = this.out.involvement.get(personId)
        if (!kept) this.out.involvement.set(personId, (kept = new Map<RecordKeeper, number>()))
        const first = kept.get(by.keeper)
        if (first === undefined || onDay < first) kept.set(by.keeper, onDay)
      }
    }
    return onDay
  }

  /** A later correction of the most recent event: same type, new details, superseding it (chronology is append-only). */
  correctLast(details: Record<string, unknown>, summary: string): void {
    const { events, subjects } = this.out
    const last = events[events.length - 1]
    if (!last?.recordedAt) return
    const id = this.out.nextEventId()
    const recordedAt = new Date(last.recordedAt.getTime() + 86_400_000)
    events.push({ ...last, id, details, summary, recordedAt, supersedesId: last.id })
    // The last event's subjects are the rows pushed just after it, at the end of the list.
    const theirs: string[] = []
    for (let i = subjects.length - 1; i >= 0 && subjects[i]?.eventId === last.id; i--)
      theirs.push(subjects[i]!.personId)
    for (const personId of theirs.reverse()) subjects.push({ personId, eventId: id })
  }

  // ------------------------------------------------------------------------------------------ people

  get children(): readonly ChildMember[] {
    return this.family.children
  }

  /** The children born by a day. */
  childrenOn(day: number): ChildMember[] {
    return this.family.children.filter(c => c.birthDay <= day)
  }

  ageOn(member: Member, day: number): number {
    return ageInYears(member.birthDay, day)
  }

  /** The adult who looks after the children day to day. */
  get mainCarer(): Member | undefined {
    return this.family.mother ?? this.family.father ?? this.family.grandparent
  }

  // ------------------------------------------------------------------------------------------ recorders

  private by(agency: AgencyRef, practitionerId: string | null, keeper: RecordKeeper | undefined): Recorder {
    return { agency, practitionerId, keeper }
  }

  private member(team: TeamRef): string {
    return team.memberIds.length > 1 ? this.random.pick(team.memberIds.slice(1)) : team.leadId
  }

  /** The family's allocated social worker; the same one throughout, unless the case "starts again". */
  socialWorker(): Recorder {
    this.allocatedWorker ??= this.member(this.family.childProtectionTeam)
    return this.by(this.partnership.council, this.allocatedWorker, 'social-care')
  }

  /** A new worker picks the case up (start-again syndrome, T05). */
  reallocate(): void {
    this.allocatedWorker = undefined
  }

  assessmentWorker(): Recorder {
    return this.by(this.partnership.council, this.member(this.family.assessmentTeam), 'social-care')
  }

  teamManager(): Recorder {
    return this.by(this.partnership.council, this.family.childProtectionTeam.leadId, 'social-care')
  }

  frontDoor(): Recorder {
    return this.by(this.partnership.council, this.member(this.partnership.council.frontDoor), 'social-care')
  }

  frontDoorManager(): Recorder {
    return this.by(this.partnership.council, this.partnership.council.frontDoor.leadId, 'social-care')
  }

  earlyHelpWorker(): Recorder {
    return this.by(this.partnership.council, this.member(this.partnership.council.earlyHelp), 'social-care')
  }

  exploitationWorker(): Recorder {
    return this.by(this.partnership.council, this.member(this.partnership.council.exploitation), 'social-care')
  }

  conferenceChair(): Recorder {
    return this.by(this.partnership.council, this.member(this.partnership.council.review), 'social-care')
  }

  educationWelfare(): Recorder {
    return this.by(this.partnership.education, this.member(this.partnership.education.welfare), undefined)
  }

  healthVisitor(): Recorder {
    this.familyHealthVisitor ??= this.member(this.family.healthVisitors)
    return this.by(this.partnership.community, this.familyHealthVisitor, 'health-visiting')
  }

  schoolNurse(): Recorder {
    return this.by(this.partnership.community, this.member(this.partnership.community.schoolNursing), 'health-visiting')
  }

  /** The family's usual doctor at their practice. */
  gp(): Recorder {
    const team = this.family.gp.team
    this.familyGp ??= this.random.pick(team.memberIds.filter((_, i) => team.titles[i] !== 'Practice nurse'))
    return this.by(this.family.gp, this.familyGp, 'gp')
  }

  practiceNurse(): Recorder {
    const team = this.family.gp.team
    const nurses = membersTitled(team, 'Practice nurse')
    return this.by(this.family.gp, nurses.length > 0 ? this.random.pick(nurses) : team.leadId, 'gp')
  }

  /** The school's designated safeguarding lead; undefined when the child is not at school. */
  schoolLead(child: ChildMember): Recorder | undefined {
    return child.school && this.by(child.school, child.school.team.leadId, 'school')
  }

  /** The school's attendance officer. */
  schoolOffice(child: ChildMember): Recorder | undefined {
    const school: LocalAgency | undefined = child.school
    if (!school) return undefined
    const office = membersTitled(school.team, 'Attendance officer')
    return this.by(school, office[0] ?? school.team.leadId, 'school')
  }

  police(team: 'publicProtection' | 'domesticAbuse' | 'missing' | 'neighbourhood'): Recorder {
    return this.by(this.partnership.police, this.member(this.partnership.police[team]), 'police')
  }

  emergencyDepartment(): Recorder {
    return this.by(this.partnership.hospital, this.member(this.partnership.hospital.emergency), 'hospital')
  }

  paediatrician(): Recorder {
    return this.by(this.partnership.hospital, this.partnership.hospital.paediatrics.leadId, 'hospital')
  }

  hospitalSafeguarding(): Recorder {
    return this.by(this.partnership.hospital, this.member(this.partnership.hospital.safeguarding), 'hospital')
  }

  domesticAbuseAdviser(): Recorder {
    return this.by(this.partnership.voluntary, this.member(this.partnership.voluntary.team), undefined)
  }

  housingOfficer(): Recorder {
    return this.by(this.partnership.housing, this.member(this.partnership.housing.team), undefined)
  }

  probationOfficer(): Recorder {
    return this.by(this.partnership.probation, this.member(this.partnership.probation.team), undefined)
  }
}
