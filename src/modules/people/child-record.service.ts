import {
  can,
  grantKindLabels,
  requirePermission,
  type AccessGrant,
  type AccessPolicy,
  type AccessRepository,
  type Actor,
  type GrantKind,
} from '../../platform/access/index.ts'
import type { AuditRecord, AuditWriter, RequestContext } from '../../platform/audit/index.ts'
import type { Database, Db } from '../../platform/db/index.ts'
import { ForbiddenError, NotFoundError } from '../../platform/errors/index.ts'
import type { AgencyService } from '../agencies/index.ts'
import { isKnownToServices, type ChronologyFilter, type ChronologyOrder, type ChronologyService, type ChronologyView, type Disclosure, type ServiceStatus } from '../chronology/index.ts'
import type { NotificationService } from '../notifications/index.ts'
import type { PeopleRepository } from './people.repository.ts'
import { PersonId, type ChildRecord, type Household, type Person } from './person.schema.ts'


/** Whom to contact about a child: their allocated worker or team, or the local authority's front door. */
export type Contact = {
  role: string
  name: string
  team: string | undefined
  agency: string
  email: string | null
  phone: string | null
}

export type FullChildRecord = {
  level: 'full'
  basis: GrantKind
  basisLabel: string
  grant: AccessGrant
  record: ChildRecord
  entries: ChronologyView[]
  status: ServiceStatus
  contacts: Contact[]
  disclosures: Disclosure[]
  /** Who has looked at this record: only for readers allowed to see that. */
  viewers: AuditRecord[] | undefined
}

export type KnownToServicesView = {
  level: 'known-to-services'
  person: Pick<Person, 'id' | 'kind' | 'givenName' | 'familyName' | 'dateOfBirth'>
  isKnown: boolean
  status: ServiceStatus
  contacts: Contact[]
  isReferrer: boolean
}

export type ChildRecordView = FullChildRecord | KnownToServicesView

export type StatusAnswer = {
  knownToServices: boolean
  children: {
    hasChildProtectionPlan: boolean
    isLookedAfter: boolean
    hasOpenCase: boolean
    contacts: { role: string; name: string; team: string | null; agency: string; email: string | null; phone: string | null }[]
  }[]
}

export type BreakGlassDetail = {
  grant: AccessGrant
  child: Pick<Person, 'id' | 'givenName' | 'familyName' | 'dateOfBirth'>
  practitioner: string
  practitionerAgency: string
}

const ALLOCATION_KINDS: GrantKind[] = ['allocated-worker', 'allocated-team']

/**
 * A child's record as a particular practitioner may see it. In one transaction: the access decision (a
 * legitimate relationship or break glass gives the full record; anyone else sees only that the child is
 * known to services and whom to contact), the read, the disclosures it makes to another agency with their
 * lawful basis, and the audit event.
 */
export class ChildRecordService {
  private readonly database: Database
  private readonly people: PeopleRepository
  private readonly chronology: ChronologyService
  private readonly agencies: AgencyService
  private readonly notifications: NotificationService
  private readonly policy: AccessPolicy
  private readonly roles: AccessRepository
  private readonly audit: AuditWriter

  constructor(deps: {
    database: Database
    people: PeopleRepository
    chronology: ChronologyService
    agencies: AgencyService
    notifications: NotificationService
    policy: AccessPolicy
    roles: AccessRepository
    audit: AuditWriter
  }) {
    this.database = deps.database
    this.people = deps.people
    this.chronology = deps.chronology
    this.agencies = deps.agencies
    this.notifications = deps.notifications
    this.policy = deps.policy
    this.roles = deps.roles
    this.audit = deps.audit
  }

  async open(
    actor: Actor,
    personId: string,
    context: RequestContext,
    order: ChronologyOrder = 'newest',
    filter: ChronologyFilter = {},
  ): Promise<ChildRecordView> {
    requirePermission(actor, 'child:search')
    return this.database.db.transaction(async tx => {
      const person = await this.findChild(tx, personId)
      const grants = await this.policy.activeGrants(tx, personId)
      const access = this.policy.accessFrom(actor, grants)
      // One connection per transaction: its queries go one after another (node-postgres and PGlite alike).
      const status = await this.chronology.serviceStatus(tx, personId)
      const contacts = await this.contacts(tx, grants)

      if (access.level === 'known-to-services' || !can(actor, 'child:view')) {
        await this.tellAllocatedWorkers(tx, actor, person, grants, 'looked this child up in Sightline')
        await this.audit.write(tx, { actor, requestId: context.requestId }, {
          action: 'child.status-viewed',
          subjectType: 'person',
          subjectId: personId,
          personId,
          reason: access.level === 'known-to-services' && access.referrerGrant ? grantKindLabels.referrer : 'no relationship: known-to-services view',
        })
        return {
          level: 'known-to-services',
          person: { id: person.id, kind: person.kind, givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth },
          isKnown: isKnownToServices(status),
          status,
          contacts,
          isReferrer: access.level === 'known-to-services' && access.referrerGrant !== undefined,
        }
      }

      const repository = this.people.with(tx)
      const sourceRecords = await repository.listSourceRecords(personId)
      const current = await repository.findCurrentHousehold(personId)
      const relationships = await repository.listRelationships(personId)
      const entries = await this.chronology.listForReader(tx, actor, personId, order, filter)
      let household: Household | undefined
      if (current) {
        const typeOf = new Map(relationships.map(r => [r.id, r.type]))
        const members = await repository.listHouseholdMembers(current.id)
        household = { ...current, members: members.map(m => ({ ...m, relationship: m.id === personId ? 'self' : typeOf.get(m.id) })) }
      }
      const basisLabel = grantKindLabels[access.grant.kind]
      await this.chronology.recordDisclosures(tx, actor, personId, entries, {
        purpose: `Safeguarding: record opened by ${basisLabel}`,
        requestId: context.requestId,
      })
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'child.viewed',
        subjectType: 'person',
        subjectId: personId,
        personId,
        reason: access.grant.kind === 'break-glass' ? `break glass: ${access.grant.reason ?? ''}` : basisLabel,
        details: { grantId: access.grant.id, basis: access.grant.kind },
      })
      const disclosures = await this.chronology.listDisclosures(tx, personId)
      const viewers = can(actor, 'record:view-audit') ? await this.audit.listForPerson(tx, personId, 50) : undefined
      return {
        level: 'full',
        basis: access.grant.kind,
        basisLabel,
        grant: access.grant,
        record: { person, sourceRecords, household, relationships },
        entries,
        status,
        contacts,
        disclosures,
        viewers,
      }
    })
  }

  /**
   * Open a record without a relationship. Audited with the reason; the agencies that own the record (those
   * with an allocated worker or team, else the local authority's children's services) have their team
   * managers notified, in the same transaction.
   */
  async breakGlass(actor: Actor, personId: string, reason: string, context: RequestContext): Promise<AccessGrant> {
    requirePermission(actor, 'child:view')
    return this.database.db.transaction(async tx => {
      const person = await this.findChild(tx, personId)
      const grant = await this.policy.breakGlass(tx, actor, personId, reason)
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'child.break-glass',
        subjectType: 'person',
        subjectId: personId,
        personId,
        reason: grant.reason ?? undefined,
        details: { grantId: grant.id, endsAt: grant.endsAt?.toISOString() },
      })
      const owners = await this.owningAgencyIds(tx, personId)
      const practitioners = await this.agencies.listPractitionersWithAccounts(owners, tx)
      const managers = (await this.roles.with(tx).accountsWithRole('team-manager', practitioners.map(p => p.accountId!))).filter(id => id !== actor.accountId)
      const name = [person.givenName, person.familyName].filter(Boolean).join(' ')
      await this.notifications.notify(tx, managers, {
        kind: 'break-glass',
        personId,
        title: `Break-glass access to ${name}’s record`,
        body: `${actor.displayName}${actor.agencyName ? ` (${actor.agencyName})` : ''} opened the record without a relationship. Their reason: “${grant.reason ?? ''}”. Review whether the access was appropriate.`,
        link: `/break-glass/${grant.id}`,
      })
      return grant
    })
  }

  /**
   * "Known to services" for a partner system, by NHS number: whether the child has a child protection plan, is
   * looked after or has an open case, and whom to contact. An unknown number and a child with no status get
   * the same answer. Every look-up is audited; the allocated worker is told by the intake work that follows.
   */
  async statusByNhsNumber(actor: Actor, nhsNumber: string, context: RequestContext): Promise<StatusAnswer> {
    return this.database.db.transaction(async tx => {
      const children = await this.people.with(tx).findChildrenByNhsNumber(nhsNumber)
      const answers: StatusAnswer['children'] = []
      for (const child of children) {
        const status = await this.chronology.serviceStatus(tx, child.id)
        if (!isKnownToServices(status)) continue
        const grants = await this.policy.activeGrants(tx, child.id)
        const contacts = await this.contacts(tx, grants)
        await this.tellAllocatedWorkers(tx, actor, child, grants, 'checked whether this child is known to services')
        answers.push({
          hasChildProtectionPlan: status.hasChildProtectionPlan,
          isLookedAfter: status.isLookedAfter,
          hasOpenCase: status.hasOpenCase,
          contacts: contacts.map(c => ({ role: c.role, name: c.name, team: c.team ?? null, agency: c.agency, email: c.email, phone: c.phone })),
        })
        await this.audit.write(tx, { actor, requestId: context.requestId }, {
          action: 'child.status-checked',
          subjectType: 'person',
          subjectId: child.id,
          personId: child.id,
          reason: 'known-to-services check by a partner system',
        })
      }
      if (answers.length === 0) {
        await this.audit.write(tx, { actor, requestId: context.requestId }, {
          action: 'child.status-checked',
          subjectType: 'nhs-number',
          subjectId: nhsNumber,
          reason: 'known-to-services check by a partner system: nothing to report',
        })
      }
      return { knownToServices: answers.length > 0, children: answers }
    })
  }

  /** The children this practitioner works with: allocated to them or their team, or open at their front door. */
  async listMyChildren(actor: Actor): Promise<(Pick<Person, 'id' | 'givenName' | 'familyName' | 'dateOfBirth'> & { basis: string })[]> {
    if (!can(actor, 'child:view')) return []
    const grants = await this.policy.myRelationships(this.database.db, actor)
    const strongest = new Map<string, AccessGrant>()
    for (const g of grants) if (!strongest.has(g.personId) || g.kind === 'allocated-worker') strongest.set(g.personId, g)
    const people = await this.people.findPeople([...strongest.keys()])
    return people
      .filter(p => p.kind !== 'adult')
      .map(p => ({ id: p.id, givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth, basis: grantKindLabels[strongest.get(p.id)!.kind] }))
      .sort((a, b) => (a.familyName ?? '').localeCompare(b.familyName ?? '') || (a.givenName ?? '').localeCompare(b.givenName ?? ''))
  }

  /** Break glass asks for the password again unless it was entered in the last few minutes. */
  needsReauthentication(actor: Actor): boolean {
    return !this.policy.isRecentlyAuthenticated(actor)
  }

  /** A break-glass access for a manager of an owning agency to review. */
  async getBreakGlass(actor: Actor, grantId: string, context: RequestContext): Promise<BreakGlassDetail> {
    requirePermission(actor, 'break-glass:review')
    if (!PersonId.safeParse(grantId).success) throw new NotFoundError('Break-glass access')
    return this.database.db.transaction(async tx => {
      const grant = await this.policy.findGrant(tx, grantId)
      if (!grant || grant.kind !== 'break-glass') throw new NotFoundError('Break-glass access')
      await this.requireOwningManager(tx, actor, grant.personId)
      const person = await this.findChild(tx, grant.personId)
      const [practitioner] = await this.agencies.findPractitioners(grant.practitionerId ? [grant.practitionerId] : [], tx)
      const agencies = await this.agencies.byId(tx)
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'break-glass.viewed',
        subjectType: 'access-grant',
        subjectId: grant.id,
        personId: grant.personId,
      })
      return {
        grant,
        child: { id: person.id, givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth },
        practitioner: practitioner ? `${practitioner.givenName} ${practitioner.familyName}, ${practitioner.jobTitle}` : 'Unknown practitioner',
        practitionerAgency: practitioner ? (agencies.get(practitioner.agencyId)?.name ?? '') : '',
      }
    })
  }

  async reviewBreakGlass(actor: Actor, grantId: string, review: { outcome: string; note: string }, context: RequestContext): Promise<void> {
    requirePermission(actor, 'break-glass:review')
    await this.database.db.transaction(async tx => {
      const grant = await this.policy.findGrant(tx, grantId)
      if (!grant || grant.kind !== 'break-glass') throw new NotFoundError('Break-glass access')
      await this.requireOwningManager(tx, actor, grant.personId)
      const recorded = await this.policy.reviewBreakGlass(tx, actor, grantId, review.outcome, review.note)
      if (!recorded) throw new ForbiddenError('This access has already been reviewed')
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'break-glass.reviewed',
        subjectType: 'access-grant',
        subjectId: grant.id,
        personId: grant.personId,
        reason: review.note,
        details: { outcome: review.outcome },
      })
    })
  }

  /** Unreviewed break-glass accesses to records this manager's agency owns. */
  async listBreakGlassToReview(actor: Actor): Promise<(AccessGrant & { childName: string })[]> {
    requirePermission(actor, 'break-glass:review')
    return this.database.db.transaction(async tx => {
      const grants = await this.policy.listBreakGlass(tx, { unreviewedOnly: true, limit: 200 })
      const mine: (AccessGrant & { childName: string })[] = []
      for (const grant of grants) {
        if (!actor.agencyId || !(await this.owningAgencyIds(tx, grant.personId)).includes(actor.agencyId)) continue
        const person = await this.people.with(tx).findPerson(grant.personId)
        mine.push({ ...grant, childName: [person?.givenName, person?.familyName].filter(Boolean).join(' ') })
      }
      return mine
    })
  }

  /**
   * Tell the allocated workers that another agency looked their child up: a practitioner who finds a child
   * known to services, or a partner system checking a status, is a sign that someone else is worried.
   */
  private async tellAllocatedWorkers(db: Db, actor: Actor, person: Person, grants: AccessGrant[], what: string): Promise<void> {
    const workerIds = grants.filter(g => g.kind === 'allocated-worker' && g.practitionerId).map(g => g.practitionerId!)
    if (workerIds.length === 0) return
    const accounts = (await this.agencies.findPractitioners(workerIds, db)).flatMap(p => (p.accountId && p.accountId !== actor.accountId ? [p.accountId] : []))
    const name = [person.givenName, person.familyName].filter(Boolean).join(' ')
    const who = actor.kind === 'api-client' ? `A partner system (${actor.displayName})` : `${actor.displayName}${actor.agencyName ? ` (${actor.agencyName})` : ''}`
    await this.notifications.notify(db, accounts, {
      kind: 'status-lookup',
      personId: person.id,
      title: `${name} was looked up by another agency`,
      body: `${who} ${what}. They were shown that the child is known to services and how to contact you.`,
      link: `/children/${person.id}`,
    })
  }

  private async findChild(db: Db, personId: string): Promise<Person> {
    if (!PersonId.safeParse(personId).success) throw new NotFoundError('Child')
    const person = await this.people.with(db).findPerson(personId)
    if (!person || person.kind === 'adult') throw new NotFoundError('Child')
    return person
  }

  /** The agencies responsible for a child's record: of the allocated worker or team, else children's services. */
  private async owningAgencyIds(db: Db, personId: string): Promise<string[]> {
    const grants = (await this.policy.activeGrants(db, personId)).filter(g => ALLOCATION_KINDS.includes(g.kind))
    const teams = await this.agencies.teamsById(db)
    const practitioners = await this.agencies.findPractitioners(grants.flatMap(g => (g.practitionerId ? [g.practitionerId] : [])), db)
    const owners = new Set<string>()
    for (const g of grants) {
      if (g.agencyId) owners.add(g.agencyId)
      if (g.teamId) owners.add(teams.get(g.teamId)?.agencyId ?? '')
    }
    for (const p of practitioners) owners.add(p.agencyId)
    owners.delete('')
    if (owners.size > 0) return [...owners]
    return (await this.agencies.listAgencies(db)).filter(a => a.kind === 'social-care').map(a => a.id)
  }

  private async requireOwningManager(db: Db, actor: Actor, personId: string): Promise<void> {
    // Not found rather than forbidden: a manager elsewhere learns nothing about this child.
    if (!actor.agencyId || !(await this.owningAgencyIds(db, personId)).includes(actor.agencyId)) throw new NotFoundError('Break-glass access')
  }

  private async contacts(db: Db, grants: AccessGrant[]): Promise<Contact[]> {
    const agencies = await this.agencies.byId(db)
    const teams = await this.agencies.teamsById(db)
    const allocations = grants.filter(g => ALLOCATION_KINDS.includes(g.kind))
    const practitioners = new Map(
      (await this.agencies.findPractitioners(allocations.flatMap(g => (g.practitionerId ? [g.practitionerId] : [])), db)).map(p => [p.id, p]),
    )
    const contacts: Contact[] = []
    for (const g of allocations) {
      const p = g.practitionerId ? practitioners.get(g.practitionerId) : undefined
      if (p) {
        contacts.push({
          role: 'Allocated worker',
          name: `${p.givenName} ${p.familyName}`,
          team: p.teamId ? teams.get(p.teamId)?.name : undefined,
          agency: agencies.get(p.agencyId)?.name ?? '',
          email: p.email,
          phone: p.phone,
        })
      } else if (g.teamId) {
        const t = teams.get(g.teamId)
        contacts.push({ role: 'Allocated team', name: t?.name ?? 'Team', team: undefined, agency: t ? (agencies.get(t.agencyId)?.name ?? '') : '', email: null, phone: null })
      }
    }
    if (contacts.length === 0) {
      for (const t of teams.values()) {
        if (t.kind !== 'front-door') continue
        contacts.push({ role: 'Front door (MASH)', name: t.name, team: undefined, agency: agencies.get(t.agencyId)?.name ?? '', email: null, phone: null })
      }
    }
    return contacts
  }
}
