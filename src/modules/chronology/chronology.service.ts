import { requirePermission, type Actor } from '../../platform/access/index.ts'
import type { Db } from '../../platform/db/index.ts'
import type { ChronologyRepository, NewEventRow, NewEventSubjectRow } from './chronology.repository.ts'
import type { ChronologyEntry, ChronologyFilter, ChronologyOrder, ChronologyView, Disclosure, LawfulBasis, ServiceStatus } from './event.schema.ts'
import { serviceStatus } from './service-status.ts'

export type EventImport = { events: NewEventRow[]; subjects: NewEventSubjectRow[] }

export const CHRONOLOGY_PAGE = 500

/** Whether this reader may see a restricted entry: the recording agency, or a role the agency named. */
export function canReadEntry(actor: Actor, entry: Pick<ChronologyEntry, 'agencyId' | 'restrictedToRoles'>): boolean {
  if (!entry.restrictedToRoles || entry.restrictedToRoles.length === 0) return true
  if (actor.agencyId !== undefined && actor.agencyId === entry.agencyId) return true
  return entry.restrictedToRoles.some(role => actor.roles.includes(role))
}

export function viewFor(actor: Actor, entry: ChronologyEntry): ChronologyView {
  if (canReadEntry(actor, entry)) return { ...entry, isRestricted: false }
  return {
    isRestricted: true,
    id: entry.id,
    agencyId: entry.agencyId,
    occurredOn: entry.occurredOn,
    recordedAt: entry.recordedAt,
    restrictionContact: entry.restrictionContact,
  }
}

/** The multi-agency chronology: one append-only stream of every agency's entries per person. */
export class ChronologyService {
  private readonly chronology: ChronologyRepository

  constructor(chronology: ChronologyRepository) {
    this.chronology = chronology
  }

  /**
   * A child's entries as this reader may see them (restricted entries reduced to their existence). The caller
   * has established the reader's relationship to the child and audits the read in the same transaction.
   */
  async listForReader(db: Db, actor: Actor, personId: string, order: ChronologyOrder = 'newest', filter: ChronologyFilter = {}): Promise<ChronologyView[]> {
    requirePermission(actor, 'child:view')
    const entries = await this.chronology.with(db).listForPerson(personId, order, CHRONOLOGY_PAGE, filter)
    return entries.map(entry => viewFor(actor, entry))
  }

  /**
   * Record what was disclosed to the reader: for each other agency whose entries they were shown, how many,
   * on what lawful basis and for what purpose. Written in the caller's transaction.
   */
  async recordDisclosures(
    db: Db,
    actor: Actor,
    personId: string,
    shown: readonly ChronologyView[],
    context: { purpose: string; requestId: string | undefined },
  ): Promise<void> {
    const groups = new Map<string, { fromAgencyId: string; lawfulBasis: LawfulBasis; entryCount: number }>()
    for (const view of shown) {
      if (view.isRestricted || view.agencyId === actor.agencyId) continue
      const key = `${view.agencyId}|${view.lawfulBasis}`
      const group = groups.get(key) ?? { fromAgencyId: view.agencyId, lawfulBasis: view.lawfulBasis, entryCount: 0 }
      group.entryCount++
      groups.set(key, group)
    }
    await this.chronology.with(db).insertDisclosures(
      [...groups.values()].map(group => ({
        personId,
        ...group,
        toAgencyId: actor.agencyId ?? null,
        toPractitionerId: actor.practitionerId ?? null,
        toAccountId: actor.accountId ?? null,
        purpose: context.purpose,
        requestId: context.requestId ?? null,
      })),
    )
  }

  async listDisclosures(db: Db, personId: string, limit = 100): Promise<Disclosure[]> {
    return this.chronology.with(db).listDisclosures(personId, limit)
  }

  /** Whether the child has an open case, a child protection plan or is looked after, from their events. */
  async serviceStatus(db: Db, personId: string): Promise<ServiceStatus> {
    return serviceStatus(await this.chronology.with(db).listStatusEvents(personId))
  }

  /** Aggregates for the partnership: events per agency and month, and children by status. No identities. */
  async partnershipFigures(actor: Actor, since: string) {
    requirePermission(actor, 'aggregate:view')
    const [byAgencyAndMonth, statuses] = await Promise.all([this.chronology.countByAgencyAndMonth(since), this.chronology.countStatuses()])
    return { byAgencyAndMonth, statuses }
  }

  async countEvents(db?: Db): Promise<number> {
    return (db ? this.chronology.with(db) : this.chronology).countEvents()
  }

  /** Load events and their subjects in the caller's transaction. */
  async importEvents(db: Db, data: EventImport): Promise<void> {
    const repository = this.chronology.with(db)
    await repository.insertEvents(data.events)
    await repository.insertSubjects(data.subjects)
  }
}
