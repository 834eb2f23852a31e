import { and, desc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm'
import { bulkInsert, type Db } from '../db/index.ts'
import { accessGrant } from './access.tables.ts'
import type { AccessGrant, GrantKind, NewAccessGrant } from './access-grant.schema.ts'

const toGrant = (row: typeof accessGrant.$inferSelect): AccessGrant => ({ ...row, kind: row.kind as GrantKind })

const isActive = (now: Date): SQL =>
  and(lte(accessGrant.startsAt, now), or(isNull(accessGrant.endsAt), gt(accessGrant.endsAt, now)))!

export type GrantHolder = { practitionerId?: string | undefined; teamId?: string | undefined; agencyId?: string | undefined }

export class AccessGrantRepository {
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  with(db: Db): AccessGrantRepository {
    return new AccessGrantRepository(db)
  }

  /** Active grants on a person held by this practitioner, their team or their agency. */
  async listActiveFor(personId: string, holder: GrantHolder, now: Date): Promise<AccessGrant[]> {
    const holders: SQL[] = []
    if (holder.practitionerId) holders.push(eq(accessGrant.practitionerId, holder.practitionerId))
    if (holder.teamId) holders.push(eq(accessGrant.teamId, holder.teamId))
    if (holder.agencyId) holders.push(eq(accessGrant.agencyId, holder.agencyId))
    if (holders.length === 0) return []
    const rows = await this.db
      .select()
      .from(accessGrant)
      .where(and(eq(accessGrant.personId, personId), isActive(now), or(...holders)))
      .orderBy(desc(accessGrant.startsAt))
    return rows.map(toGrant)
  }

  /** The people this practitioner, their team or their agency holds an active relationship with. */
  async listActiveForHolder(holder: GrantHolder, now: Date, limit: number): Promise<AccessGrant[]> {
    const holders: SQL[] = []
    if (holder.practitionerId) holders.push(eq(accessGrant.practitionerId, holder.practitionerId))
    if (holder.teamId) holders.push(eq(accessGrant.teamId, holder.teamId))
    if (holder.agencyId) holders.push(eq(accessGrant.agencyId, holder.agencyId))
    if (holders.length === 0) return []
    const rows = await this.db
      .select()
      .from(accessGrant)
      .where(and(isActive(now), or(...holders)))
      .orderBy(desc(accessGrant.startsAt))
      .limit(limit)
    return rows.map(toGrant)
  }

  /** Every active grant on a person: who holds a relationship to them now. */
  async listActiveOnPerson(personId: string, now: Date): Promise<AccessGrant[]> {
    const rows = await this.db
      .select()
      .from(accessGrant)
      .where(and(eq(accessGrant.personId, personId), isActive(now)))
      .orderBy(accessGrant.kind, desc(accessGrant.startsAt))
    return rows.map(toGrant)
  }

  async find(id: string): Promise<AccessGrant | undefined> {
    const rows = await this.db.select().from(accessGrant).where(eq(accessGrant.id, id)).limit(1)
    return rows[0] && toGrant(rows[0])
  }

  async insert(grant: NewAccessGrant): Promise<AccessGrant> {
    const rows = await this.db.insert(accessGrant).values(grant).returning()
    return toGrant(rows[0]!)
  }

  async insertMany(grants: NewAccessGrant[], now = new Date()): Promise<void> {
    await bulkInsert(
      this.db,
      accessGrant,
      grants.map(g => ({
        personId: g.personId,
        practitionerId: g.practitionerId ?? null,
        teamId: g.teamId ?? null,
        agencyId: g.agencyId ?? null,
        kind: g.kind,
        reason: g.reason ?? null,
        startsAt: g.startsAt ?? now,
        endsAt: g.endsAt ?? null,
        grantedByAccountId: g.grantedByAccountId ?? null,
      })),
    )
  }

  /** End the active grants on a person of this kind given for this reason (e.g. the front door's, when its contact closes). */
  async endActive(personId: string, kind: GrantKind, reason: string, now: Date): Promise<number> {
    const rows = await this.db
      .update(accessGrant)
      .set({ endsAt: now })
      .where(and(eq(accessGrant.personId, personId), eq(accessGrant.kind, kind), eq(accessGrant.reason, reason), isActive(now)))
      .returning({ id: accessGrant.id })
    return rows.length
  }

  async recordReview(id: string, review: { accountId: string; outcome: string; note: string; at: Date }): Promise<boolean> {
    const rows = await this.db
      .update(accessGrant)
      .set({ reviewedByAccountId: review.accountId, reviewOutcome: review.outcome, reviewNote: review.note, reviewedAt: review.at })
      .where(and(eq(accessGrant.id, id), eq(accessGrant.kind, 'break-glass'), isNull(accessGrant.reviewedAt)))
      .returning({ id: accessGrant.id })
    return rows.length === 1
  }

  /** Break-glass accesses to the given people, newest first; unreviewed only unless asked. */
  async listBreakGlass(options: { personIds?: string[]; unreviewedOnly: boolean; limit: number }): Promise<AccessGrant[]> {
    const conditions: SQL[] = [eq(accessGrant.kind, 'break-glass')]
    if (options.unreviewedOnly) conditions.push(isNull(accessGrant.reviewedAt))
    if (options.personIds) {
      if (options.personIds.length === 0) return []
      conditions.push(inArray(accessGrant.personId, options.personIds))
    }
    const rows = await this.db
      .select()
      .from(accessGrant)
      .where(and(...conditions))
      .orderBy(desc(accessGrant.startsAt))
      .limit(options.limit)
    return rows.map(toGrant)
  }

  async countActive(now: Date): Promise<number> {
    return this.db.$count(accessGrant, sql`${isActive(now)}`)
  }
}
