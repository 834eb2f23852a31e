import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/**
 * Append-only record of who saw or changed what. Triggers refuse update, delete and truncate (migration 0001)
 * and chain each event to the one before by hash (migration 0003); `sightline audit verify` checks the chain.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorAccountId: uuid('actor_account_id'),
    actorAgencyId: uuid('actor_agency_id'),
    actorApiClientId: uuid('actor_api_client_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    personId: uuid('person_id'),
    requestId: text('request_id'),
    reason: text('reason'),
    details: jsonb('details').notNull().default({}),
    /** The event's place in the hash chain, given under a lock by the insert trigger (ids can commit out of order). */
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    /** The hash of the event before this one, and this event's own hash over it and its content (set by trigger). */
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  t => [
    index('audit_event_person_id_idx').on(t.personId, t.occurredAt),
    index('audit_event_actor_idx').on(t.actorAccountId, t.occurredAt),
    uniqueIndex('audit_event_seq_key').on(t.seq),
  ],
)
