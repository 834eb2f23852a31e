import { desc, eq } from 'drizzle-orm'
import type { Actor } from '../access/index.ts'
import type { Db } from '../db/index.ts'
import { auditEvent } from './audit.tables.ts'

/** Audit actions are `subject.past-tense-verb`. */
export type AuditEntry = {
  action: string
  subjectType: string
  subjectId: string
  personId?: string | undefined
  reason?: string | undefined
  details?: Record<string, unknown>
}

/** What a service needs to know of the request it serves: its id, carried into the audit events it writes. */
export type RequestContext = { requestId: string | undefined }

export type AuditContext = RequestContext & { actor: Actor | undefined }

export type AuditRecord = typeof auditEvent.$inferSelect

/** Writes audit events on the connection it is given, so that they share the caller's transaction. */
export class AuditWriter {
  async write(db: Db, context: AuditContext, entry: AuditEntry): Promise<void> {
    await db.insert(auditEvent).values({
      actorAccountId: context.actor?.accountId ?? null,
      actorAgencyId: context.actor?.agencyId ?? null,
      actorApiClientId: context.actor?.apiClientId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      personId: entry.personId ?? null,
      requestId: context.requestId ?? null,
      reason: entry.reason ?? null,
      details: entry.details ?? {},
    })
  }

  async listForPerson(db: Db, personId: string, limit = 50): Promise<AuditRecord[]> {
    return db.select().from(auditEvent).where(eq(auditEvent.personId, personId)).orderBy(desc(auditEvent.id)).limit(limit)
  }
}
