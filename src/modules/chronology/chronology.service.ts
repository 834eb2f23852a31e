import { requirePermission, type Actor } from '../../platform/access/index.ts'
import type { Db } from '../../platform/db/index.ts'
import type { ChronologyRepository, NewEventRow, NewEventSubjectRow } from './chronology.repository.ts'
import type { ChronologyEntry, ChronologyOrder } from './event.schema.ts'

export type EventImport = { events: NewEventRow[]; subjects: NewEventSubjectRow[] }

export const CHRONOLOGY_PAGE = 500

/** The multi-agency chronology: one append-only stream of every agency's entries per person. */
export class ChronologyService {
  private readonly chronology: ChronologyRepository

  constructor(chronology: ChronologyRepository) {
    this.chronology = chronology
  }

  /** A child's entries. The caller has already opened (and audited) the child's record. */
  async listForPerson(actor: Actor, personId: string, order: ChronologyOrder = 'newest'): Promise<ChronologyEntry[]> {
    requirePermission(actor, 'child:view')
    return this.chronology.listForPerson(personId, order, CHRONOLOGY_PAGE)
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
