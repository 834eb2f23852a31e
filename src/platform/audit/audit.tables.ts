import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Append-only record of who saw or changed what. A trigger (migration 0001) refuses update and delete.
 * The hash chain and auditor search belong to the access and audit work that builds on this table.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    actorAgencyId: uuid('actor_agency_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    personId: uuid('person_id'),
    requestId: text('request_id'),
    reason: text('reason'),
    details: jsonb('details').notNull().default({}),
  },
  t => [
    index('audit_event_person_id_idx').on(t.personId, t.occurredAt),
    index('audit_event_actor_idx').on(t.actorAccountId, t.occurredAt),
  ],
)
