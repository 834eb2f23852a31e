import { asc, desc, eq, sql } from 'drizzle-orm'
import { bulkInsert, type Db } from '../../platform/db/index.ts'
import { event, eventSubject } from './event.tables.ts'
import type { ChronologyEntry, ChronologyOrder, LawfulBasis } from './event.schema.ts'

export type NewEventRow = typeof event.$inferInsert
export type NewEventSubjectRow = typeof eventSubject.$inferInsert

export class ChronologyRepository {
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  with(db: Db): ChronologyRepository {
    return new ChronologyRepository(db)
  }

  /** One person's stream: every event with a subject row for them, superseded entries left out. */
  async listForPerson(personId: string, order: ChronologyOrder, limit: number): Promise<ChronologyEntry[]> {
    const direction = order === 'newest' ? desc : asc
    const rows = await this.db
      .select({
        id: event.id,
        type: event.type,
        agencyId: event.agencyId,
        practitionerId: event.practitionerId,
        occurredOn: event.occurredOn,
        recordedAt: event.recordedAt,
        summary: event.summary,
        details: event.details,
        isSignificant: event.isSignificant,
        lawfulBasis: event.lawfulBasis,
        supersedesId: event.supersedesId,
      })
      .from(eventSubject)
      .innerJoin(event, eq(event.id, eventSubject.eventId))
      .where(
        sql`${eventSubject.personId} = ${personId} and not exists (select 1 from ${event} later where later.supersedes_id = ${event.id})`,
      )
      .orderBy(direction(event.occurredOn), direction(event.recordedAt))
      .limit(limit)
    return rows.map(row => ({
      ...row,
      details: row.details as Record<string, unknown>,
      lawfulBasis: row.lawfulBasis as LawfulBasis,
    }))
  }

  async countEvents(): Promise<number> {
    return this.db.$count(event)
  }

  async insertEvents(rows: NewEventRow[]): Promise<void> {
    await bulkInsert(this.db, event, rows)
  }

  async insertSubjects(rows: NewEventSubjectRow[]): Promise<void> {
    await bulkInsert(this.db, eventSubject, rows)
  }
}
