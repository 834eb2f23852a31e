import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm'
import { account } from '../auth/auth.tables.ts'
import type { Db } from '../db/index.ts'
import { auditEvent } from './audit.tables.ts'

export type AuditQuery = {
  actorEmail?: string | undefined
  personId?: string | undefined
  agencyId?: string | undefined
  from?: string | undefined
  /** Inclusive: the whole of this day. */
  to?: string | undefined
  /** Keyset paging: events before this chain position. */
  beforeSeq?: number | undefined
}

export type AuditRow = {
  seq: number
  occurredAt: Date
  action: string
  actorEmail: string | null
  actorAgencyId: string | null
  actorApiClientId: string | null
  subjectType: string
  subjectId: string
  personId: string | null
  reason: string | null
  requestId: string | null
  hash: string
}

/** Searches of the audit trail for auditors. SQL only. */
export class AuditSearchRepository {
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  async search(query: AuditQuery, limit: number): Promise<AuditRow[]> {
    const conditions: SQL[] = []
    if (query.actorEmail) conditions.push(eq(account.email, query.actorEmail.toLowerCase()))
    if (query.personId) conditions.push(eq(auditEvent.personId, query.personId))
    if (query.agencyId) conditions.push(eq(auditEvent.actorAgencyId, query.agencyId))
    if (query.from) conditions.push(gte(auditEvent.occurredAt, new Date(`${query.from}T00:00:00Z`)))
    if (query.to) conditions.push(lt(auditEvent.occurredAt, sql`(${query.to}::date + 1)::timestamptz`))
    if (query.beforeSeq !== undefined) conditions.push(lt(auditEvent.seq, query.beforeSeq))
    return this.db
      .select({
        seq: auditEvent.seq,
        occurredAt: auditEvent.occurredAt,
        action: auditEvent.action,
        actorEmail: account.email,
        actorAgencyId: auditEvent.actorAgencyId,
        actorApiClientId: auditEvent.actorApiClientId,
        subjectType: auditEvent.subjectType,
        subjectId: auditEvent.subjectId,
        personId: auditEvent.personId,
        reason: auditEvent.reason,
        requestId: auditEvent.requestId,
        hash: auditEvent.hash,
      })
      .from(auditEvent)
      .leftJoin(account, eq(account.id, auditEvent.actorAccountId))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(auditEvent.seq))
      .limit(limit)
  }
}
