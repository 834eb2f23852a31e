import { randomBytes, randomUUID } from 'node:crypto'
import { requirePermission, type AccessPolicy, type Actor, type NewAccessGrant } from '../../platform/access/index.ts'
import type { AuditWriter, RequestContext } from '../../platform/audit/index.ts'
import type { Database, Db } from '../../platform/db/index.ts'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors/index.ts'
import type { AgencyService } from '../agencies/index.ts'
import type { ChronologyService, LawfulBasis, NewEventRow, NewEventSubjectRow } from '../chronology/index.ts'
import type { NotificationService } from '../notifications/index.ts'
import type { PeopleService, Person } from '../people/index.ts'
import type { ApiEvent } from './event-batch.ts'
import type { IntakeRepository, StoredAnswer } from './intake.repository.ts'
import { ConcernAnswers, decisionLabels, type Contact, type Decision, type MatchedBy, type Rag, type RagChange } from './intake.schema.ts'
import type { PersonMatcher } from './person-matcher.ts'
import { dueDate } from '../clocks/index.ts'


export type ChildSummary = Pick<Person, 'id' | 'givenName' | 'familyName' | 'dateOfBirth' | 'nhsNumber'>

export type ContactDetail = {
  contact: Contact
  child: ChildSummary
  otherChildren: (ChildSummary & { fromDate: string })[]
  ragHistory: RagChange[]
  referringAgency: string
  referrer: string
}

export type RaisedConcern = { contact: Contact; matchedBy: MatchedBy }

const QUEUE_LIMIT = 500
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A contact reference a person can read out on the phone: SL-XXXX-XXXX, no 0/O or 1/I. */
export function newReference(): string {
  const bytes = randomBytes(8)
  const chars = [...bytes].map(b => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('')
  return `SL-${chars.slice(0, 4)}-${chars.slice(4)}`
}

/** The calendar date in England of an instant. */
export const londonDate = (at: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(at)

const summaryOf = (p: Person): ChildSummary => ({ id: p.id, givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth, nhsNumber: p.nhsNumber })

/**
 * Intake and the front door: concerns from any agency (form or partner API) and partner events, matched to a
 * person and written to the chronology; the front door's queue, RAG ratings and decisions. Every write shares one
 * transaction with its chronology entry, access grants, notifications and audit event.
 */
export class IntakeService {
  private readonly database: Database
  private readonly intake: IntakeRepository
  private readonly matcher: PersonMatcher
  private readonly people: PeopleService
  private readonly chronology: ChronologyService
  private readonly agencies: AgencyService
  private readonly policy: AccessPolicy
  private readonly notifications: NotificationService
  private readonly audit: AuditWriter
  private readonly now: () => Date

  constructor(deps: {
    database: Database
    intake: IntakeRepository
    matcher: PersonMatcher
    people: PeopleService
    chronology: ChronologyService
    agencies: AgencyService
    policy: AccessPolicy
    notifications: NotificationService
    audit: AuditWriter
    now?: () => Date
  }) {
    this.database = deps.database
    this.intake = deps.intake
    this.matcher = deps.matcher
    this.people = deps.people
    this.chronology = deps.chronology
    this.agencies = deps.agencies
    this.policy = deps.policy
    this.notifications = deps.notifications
    this.audit = deps.audit
    this.now = deps.now ?? (() => new Date())
  }

  // ----- The concern form's draft -----

  async getDraft(actor: Actor): Promise<Record<string, unknown>> {
    requirePermission(actor, 'concern:raise')
    if (!actor.accountId) return {}
    return (await this.intake.findDraft(actor.accountId))?.answers ?? {}
  }

  /** Merge one page's answers into the draft, stored server-side so a timed-out session loses nothing. */
  async saveDraft(actor: Actor, answers: Record<string, unknown>, context: RequestContext): Promise<Record<string, unknown>> {
    requirePermission(actor, 'concern:raise')
    if (!actor.accountId) throw new ForbiddenError()
    const accountId = actor.accountId
    return this.database.db.transaction(async tx => {
      const repository = this.intake.with(tx)
      const merged = { ...((await repository.findDraft(accountId))?.answers ?? {}), ...answers }
      await repository.saveDraft(accountId, merged, this.now())
      // A draft holds what a practitioner has written about a child: every change to it is audited too.
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'concern.draft-saved',
        subjectType: 'concern-draft',
        subjectId: accountId,
        details: { answered: Object.keys(answers) },
      })
      return merged
    })
  }

  /** Send the draft: it becomes a contact at the front door, and the draft is gone. */
  async submitDraft(actor: Actor, context: RequestContext): Promise<RaisedConcern> {
    requirePermission(actor, 'concern:raise')
    if (!actor.accountId) throw new ForbiddenError()
    const accountId = actor.accountId
    return this.database.db.transaction(async tx => {
      const repository = this.intake.with(tx)
      const parsed = ConcernAnswers.safeParse((await repository.findDraft(accountId))?.answers ?? {})
      if (!parsed.success) throw new ValidationError(parsed.error.issues.map(i => ({ field: i.path.join('.') || 'concern', message: i.message })))
      const raised = await this.raise(tx, actor, parsed.data, context)
      await repository.deleteDraft(accountId)
      return raised
    })
  }

  // ----- Partner API -----

  /** A concern from a partner system, once per Idempotency-Key. */
  async raiseFromApi(actor: Actor, idempotency: { key: string; requestHash: string }, answers: ConcernAnswers, context: RequestContext) {
    return this.idempotent(actor, idempotency, async tx => {
      const { contact, matchedBy } = await this.raise(tx, actor, answers, context)
      return {
        status: 201,
        body: {
          contactId: contact.id,
          reference: contact.reference,
          matchedBy,
          receivedAt: contact.receivedAt.toISOString(),
          decisionDueAt: contact.decisionDueAt.toISOString(),
        },
      }
    })
  }

  /** A checked batch of partner events, all written or none, once per Idempotency-Key. */
  async recordEvents(actor: Actor, idempotency: { key: string; requestHash: string }, events: ApiEvent[], context: RequestContext) {
    return this.idempotent(actor, idempotency, async tx => {
      const agencyId = this.agencyOf(actor)
      const agency = (await this.agencies.byId(tx)).get(agencyId)
      const defaultBasis: LawfulBasis = agency?.kind === 'police' ? 'law-enforcement' : 'public-task'
      const rows: NewEventRow[] = []
      const subjects: NewEventSubjectRow[] = []
      const answers: { index: number; eventId: string; matchedBy: MatchedBy }[] = []
      for (const [index, e] of events.entries()) {
        const { personId, matchedBy } = await this.matcher.match(tx, e.subject, { agencyId })
        const id = randomUUID()
        rows.push({
          id,
          type: e.type,
          agencyId,
          practitionerId: null,
          occurredOn: e.occurredOn,
          summary: e.summary ?? null,
          details: e.details ?? {},
          isSignificant: e.isSignificant ?? false,
          lawfulBasis: e.lawfulBasis ?? defaultBasis,
        })
        subjects.push({ personId, eventId: id })
        answers.push({ index, eventId: id, matchedBy })
      }
      await this.chronology.importEvents(tx, { events: rows, subjects })
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'events.received',
        subjectType: 'event-batch',
        subjectId: idempotency.key,
        details: { count: rows.length, people: new Set(subjects.map(s => s.personId)).size, newPeople: answers.filter(a => a.matchedBy === 'new-person').length },
      })
      return { status: 201, body: { accepted: rows.length, events: answers } }
    })
  }

  /**
   * Run a partner write once per (client, key): the first request claims the key and stores its answer in the
   * same transaction as its writes; a retry with the same body gets that answer and writes nothing; the same key
   * with a different body is a conflict. A request that fails leaves no key behind, so it can be retried.
   */
  private async idempotent(
    actor: Actor,
    idempotency: { key: string; requestHash: string },
    work: (tx: Db) => Promise<StoredAnswer>,
  ): Promise<StoredAnswer & { replayed: boolean }> {
    const clientId = actor.apiClientId
    if (actor.kind !== 'api-client' || !clientId) throw new ForbiddenError('Only a partner system’s API client can do this')
    return this.database.db.transaction(async tx => {
      const repository = this.intake.with(tx)
      if (!(await repository.claimKey(clientId, idempotency.key, idempotency.requestHash))) {
        const existing = await repository.findKey(clientId, idempotency.key)
        if (!existing || existing.requestHash !== idempotency.requestHash) {
          throw new ConflictError('This Idempotency-Key was already used for a different request. Use a new key for a new request.')
        }
        if (!existing.answer) throw new ConflictError('A request with this Idempotency-Key is still being processed. Try again shortly.')
        return { ...existing.answer, replayed: true }
      }
      const answer = await work(tx)
      await repository.storeAnswer(clientId, idempotency.key, answer)
      return { ...answer, replayed: false }
    })
  }

  // ----- Raising a concern (every route in) -----

  private agencyOf(actor: Actor): string {
    if (!actor.agencyId) throw new ForbiddenError('Only a practitioner or system of a partner agency can do this')
    return actor.agencyId
  }

  /**
   * In the caller's transaction: match the child (creating them if new), write `concern.raised` to their
   * chronology with the referrer's agency and lawful basis, open the contact, grant the front door (while the
   * contact is open) and the referring practitioner (the outcome of their referral), and audit it.
   */
  private async raise(tx: Db, actor: Actor, answers: ConcernAnswers, context: RequestContext): Promise<RaisedConcern> {
    const agencyId = this.agencyOf(actor)
    const now = this.now()
    const { personId, matchedBy } = await this.matcher.match(tx, answers.child, { agencyId })
    const contactId = randomUUID()
    const eventId = randomUUID()
    await this.chronology.importEvents(tx, {
      events: [
        {
          id: eventId,
          type: 'concern.raised',
          agencyId,
          practitionerId: actor.practitionerId ?? null,
          occurredOn: londonDate(now),
          summary: answers.summary,
          details: { referrer: 'professional', category: answers.category, summary: answers.summary },
          isSignificant: false,
          lawfulBasis: answers.lawfulBasis,
        },
      ],
      subjects: [{ personId, eventId }],
    })
    const contact = await this.intake.with(tx).insertContact({
      id: contactId,
      reference: newReference(),
      personId,
      agencyId,
      referrerPractitionerId: actor.practitionerId ?? null,
      referrerAccountId: actor.accountId ?? null,
      referrerApiClientId: actor.apiClientId ?? null,
      matchedBy,
      eventId,
      concern: answers,
      lawfulBasis: answers.lawfulBasis,
      receivedAt: now,
      // The statutory clock: a decision by the end of the next working day (England and Wales bank holidays).
      decisionDueAt: dueDate('contact-decision', now),
    })
    const reason = `contact:${contactId}`
    const frontDoors = [...(await this.agencies.teamsById(tx)).values()].filter(t => t.kind === 'front-door')
    const grants: NewAccessGrant[] = frontDoors.map(t => ({ personId, teamId: t.id, kind: 'front-door', reason, startsAt: now, grantedByAccountId: actor.accountId ?? null }))
    if (actor.practitionerId) grants.push({ personId, practitionerId: actor.practitionerId, kind: 'referrer', reason, startsAt: now, grantedByAccountId: actor.accountId ?? null })
    await this.policy.grant(tx, grants)
    await this.audit.write(tx, { actor, requestId: context.requestId }, {
      action: 'concern.raised',
      subjectType: 'contact',
      subjectId: contactId,
      personId,
      details: { reference: contact.reference, matchedBy, lawfulBasis: answers.lawfulBasis, frontDoorTeams: frontDoors.length },
    })
    return { contact, matchedBy }
  }

  // ----- The referrer's view -----

  /** The referrer's own referrals and their outcomes, newest first. */
  async listMine(actor: Actor, context: RequestContext): Promise<(Contact & { child: ChildSummary | undefined })[]> {
    requirePermission(actor, 'concern:raise')
    if (!actor.accountId) return []
    const accountId = actor.accountId
    return this.database.db.transaction(async tx => {
      const contacts = await this.intake.with(tx).listByReferrer(accountId, 200)
      const people = new Map((await this.people.findPeople(tx, contacts.map(c => c.personId))).map(p => [p.id, summaryOf(p)]))
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'concern.outcomes-viewed',
        subjectType: 'referrer',
        subjectId: accountId,
        details: { contacts: contacts.map(c => c.id) },
      })
      return contacts.map(c => ({ ...c, child: people.get(c.personId) }))
    })
  }

  /** One of the referrer's own referrals (the confirmation page); anyone else's is "not found". */
  async findMine(actor: Actor, contactId: string): Promise<Contact> {
    requirePermission(actor, 'concern:raise')
    const contact = /^[0-9a-f-]{36}$/i.test(contactId) ? await this.intake.findContact(contactId) : undefined
    if (!contact || !actor.accountId || contact.referrerAccountId !== actor.accountId) throw new NotFoundError('Referral')
    return contact
  }

  // ----- The front door -----

  /** Contacts waiting for a decision, oldest first, with the child each is about. */
  async listQueue(actor: Actor, context: RequestContext): Promise<(Contact & { child: ChildSummary | undefined; referringAgency: string })[]> {
    requirePermission(actor, 'contact:decide')
    return this.database.db.transaction(async tx => {
      const contacts = await this.intake.with(tx).listOpen(QUEUE_LIMIT)
      const people = new Map((await this.people.findPeople(tx, [...new Set(contacts.map(c => c.personId))])).map(p => [p.id, summaryOf(p)]))
      const agencies = await this.agencies.byId(tx)
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'front-door.queue-viewed',
        subjectType: 'queue',
        subjectId: 'front-door',
        details: { contacts: contacts.length },
      })
      return contacts.map(c => ({ ...c, child: people.get(c.personId), referringAgency: agencies.get(c.agencyId)?.name ?? 'Unknown agency' }))
    })
  }

  async openContact(actor: Actor, contactId: string, context: RequestContext): Promise<ContactDetail> {
    requirePermission(actor, 'contact:decide')
    return this.database.db.transaction(async tx => {
      const contact = await this.findContact(tx, contactId)
      // One connection per transaction: its queries go one after another.
      const person = await this.people.findPerson(tx, contact.personId)
      const others = await this.people.otherChildrenInHousehold(tx, contact.personId)
      const ragHistory = await this.intake.with(tx).listRagHistory(contact.id)
      const agencies = await this.agencies.byId(tx)
      if (!person) throw new NotFoundError('Contact')
      const [practitioner] = await this.agencies.findPractitioners(contact.referrerPractitionerId ? [contact.referrerPractitionerId] : [], tx)
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'contact.viewed',
        subjectType: 'contact',
        subjectId: contact.id,
        personId: contact.personId,
        reason: 'front door, while a contact is open',
      })
      return {
        contact,
        child: summaryOf(person),
        otherChildren: others.map(o => ({ ...summaryOf(o), fromDate: o.fromDate })),
        ragHistory,
        referringAgency: agencies.get(contact.agencyId)?.name ?? 'Unknown agency',
        referrer: practitioner ? `${practitioner.givenName} ${practitioner.familyName}, ${practitioner.jobTitle}` : contact.referrerApiClientId ? 'Partner system' : 'Unknown',
      }
    })
  }

  /** Set the contact's RAG rating; every change keeps its rationale in the history. */
  async setRag(actor: Actor, contactId: string, rag: Rag, rationale: string, context: RequestContext): Promise<void> {
    requirePermission(actor, 'contact:decide')
    await this.database.db.transaction(async tx => {
      const contact = await this.findContact(tx, contactId)
      if (contact.decidedAt) throw new ConflictError('This contact has been decided; its rating can no longer change')
      await this.intake.with(tx).setRag(contact.id, {
        rag,
        previousRag: contact.rag,
        rationale,
        personId: contact.personId,
        accountId: actor.accountId ?? null,
        practitionerId: actor.practitionerId ?? null,
        at: this.now(),
      })
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'contact.rag-set',
        subjectType: 'contact',
        subjectId: contact.id,
        personId: contact.personId,
        reason: rationale,
        details: { from: contact.rag, to: rag },
      })
    })
  }

  /**
   * Record the front door's decision with its rationale: `referral.decision` in the child's chronology, the
   * contact closed (so the front door's grant for it ends), the referrer told, the decision audited.
   */
  async decide(actor: Actor, contactId: string, decision: Decision, rationale: string, context: RequestContext): Promise<Contact> {
    requirePermission(actor, 'contact:decide')
    const agencyId = this.agencyOf(actor)
    return this.database.db.transaction(async tx => {
      const contact = await this.findContact(tx, contactId)
      const now = this.now()
      const repository = this.intake.with(tx)
      const recorded = await repository.decide(contact.id, { decision, rationale, at: now, accountId: actor.accountId ?? null, practitionerId: actor.practitionerId ?? null })
      if (!recorded) throw new ConflictError('This contact has already been decided')
      const eventId = randomUUID()
      await this.chronology.importEvents(tx, {
        events: [
          {
            id: eventId,
            type: 'referral.decision',
            agencyId,
            practitionerId: actor.practitionerId ?? null,
            occurredOn: londonDate(now),
            summary: `Front door decision on contact ${contact.reference}: ${decisionLabels[decision]}`,
            details: { outcome: decision, referrerContacted: contact.referrerAccountId !== null, reason: rationale },
            isSignificant: false,
            lawfulBasis: 'public-task',
          },
        ],
        subjects: [{ personId: contact.personId, eventId }],
      })
      const ended = await this.policy.endGrants(tx, contact.personId, 'front-door', `contact:${contact.id}`)
      if (contact.referrerAccountId) {
        await this.notifications.notify(tx, [contact.referrerAccountId], {
          kind: 'referral-outcome',
          personId: contact.personId,
          title: `Outcome of your referral ${contact.reference}`,
          body: `The front door has decided: ${decisionLabels[decision]}.`,
          link: '/concerns/mine',
        })
      }
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'contact.decided',
        subjectType: 'contact',
        subjectId: contact.id,
        personId: contact.personId,
        reason: rationale,
        details: { decision, eventId, frontDoorGrantsEnded: ended, onTime: now <= contact.decisionDueAt },
      })
      return (await repository.findContact(contact.id))!
    })
  }

  async countContacts(): Promise<number> {
    return this.intake.countContacts()
  }

  private async findContact(db: Db, contactId: string): Promise<Contact> {
    const contact = /^[0-9a-f-]{36}$/i.test(contactId) ? await this.intake.with(db).findContact(contactId) : undefined
    if (!contact) throw new NotFoundError('Contact')
    return contact
  }
}
