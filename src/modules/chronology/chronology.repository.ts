import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import { bulkInsert, type Db } from '../../platform/db/index.ts'
import { disclosure, event, eventSubject } from './event.tables.ts'
import type { ChronologyEntry, ChronologyFilter, ChronologyOrder, Disclosure, LawfulBasis } from './event.schema.ts'

export type NewDisclosureRow = typeof disclosure.$inferInsert

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
  async listForPerson(personId: string, order: ChronologyOrder, limit: number, filter: ChronologyFilter = {}): Promise<ChronologyEntry[]> {
    const direction = order === 'newest' ? desc : asc
    const conditions: SQL[] = [
      sql`${eventSubject.personId} = ${personId} and not exists (select 1 from ${event} later where later.supersedes_id = ${event.id})`,
    ]
    if (filter.agencyId) conditions.push(eq(event.agencyId, filter.agencyId))
    if (filter.type) conditions.push(eq(event.type, filter.type))
    if (filter.from) conditions.push(gte(event.occurredOn, filter.from))
    if (filter.to) conditions.push(lte(event.occurredOn, filter.to))
    if (filter.significantOnly) conditions.push(eq(event.isSignificant, true))
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
        restrictedToRoles: event.restrictedToRoles,
        restrictionContact: event.restrictionContact,
      })
      .from(eventSubject)
      .innerJoin(event, eq(event.id, eventSubject.eventId))
      .where(and(...conditions))
      .orderBy(direction(event.occurredOn), direction(event.recordedAt))
      .limit(limit)
    return rows.map(row => ({
      ...row,
      details: row.details as Record<string, unknown>,
      lawfulBasis: row.lawfulBasis as LawfulBasis,
    }))
  }

  /** The case and plan events that say whether a person is known to services now, oldest first. */
  async listStatusEvents(personId: string): Promise<{ type: string; occurredOn: string; details: unknown }[]> {
    return this.db
      .select({ type: event.type, occurredOn: event.occurredOn, details: event.details })
      .from(eventSubject)
      .innerJoin(event, eq(event.id, eventSubject.eventId))
      .where(
        and(
          eq(eventSubject.personId, personId),
          inArray(event.type, ['case.opened', 'case.closed', 'plan.started', 'plan.ended', 'conference.held']),
        ),
      )
      .orderBy(asc(event.occurredOn), asc(event.recordedAt))
  }

  /** Events recorded per agency and calendar month since a date: aggregates, no one's identity. */
  async countByAgencyAndMonth(since: string): Promise<{ agencyId: string; month: string; count: number }[]> {
    const rows = await this.db
      .select({
        agencyId: event.agencyId,
        month: sql<string>`to_char(${event.occurredOn}, 'YYYY-MM')`,
        count: sql<number>`count(*)::int`,
      })
      .from(event)
      .where(sql`${event.occurredOn} >= ${since}`)
      .groupBy(event.agencyId, sql`to_char(${event.occurredOn}, 'YYYY-MM')`)
    return rows.map(r => ({ ...r, count: Number(r.count) }))
  }

  /** How many children have an open case, a child protection plan, or are looked after, now. */
  async countStatuses(): Promise<{ openCases: number; plans: number; lookedAfter: number }> {
    const [row] = await this.db.execute(sql`
      with s as (
        select es.person_id,
          max(e.occurred_on) filter (where e.type = 'case.opened') as opened,
          max(e.occurred_on) filter (where e.type = 'case.opened' and e.details->>'service' = 'looked-after') as looked_after,
          max(e.occurred_on) filter (where e.type = 'case.closed') as closed,
          max(e.occurred_on) filter (where e.type = 'plan.started' or (e.type = 'conference.held' and e.details->>'outcome' = 'plan')) as plan_started,
          max(e.occurred_on) filter (where e.type = 'plan.ended' or (e.type = 'conference.held' and e.details->>'outcome' = 'plan-ended')) as plan_ended
        from ${eventSubject} es join ${event} e on e.id = es.event_id
        where e.type in ('case.opened', 'case.closed', 'plan.started', 'plan.ended', 'conference.held')
        group by es.person_id
      )
      select
        count(*) filter (where opened is not null and (closed is null or opened > closed))::int as open_cases,
        count(*) filter (where plan_started is not null and (plan_ended is null or plan_started > plan_ended)
                          and (closed is null or plan_started > closed))::int as plans,
        count(*) filter (where looked_after is not null and (closed is null or looked_after > closed))::int as looked_after
      from s`).then(r => (r as { rows: { open_cases: number; plans: number; looked_after: number }[] }).rows)
    return { openCases: Number(row?.open_cases ?? 0), plans: Number(row?.plans ?? 0), lookedAfter: Number(row?.looked_after ?? 0) }
  }

  async insertDisclosures(rows: NewDisclosureRow[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(disclosure).values(rows)
  }

  async listDisclosures(personId: string, limit: number): Promise<Disclosure[]> {
    const rows = await this.db
      .select()
      .from(disclosure)
      .where(eq(disclosure.personId, personId))
      .orderBy(desc(disclosure.disclosedAt))
      .limit(limit)
    return rows.map(row => ({ ...row, lawfulBasis: row.lawfulBasis as LawfulBasis }))
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
