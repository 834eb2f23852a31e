import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * A contact: a concern about a child received by the front door (MASH), from a practitioner's form or a
 * partner system. It stays open until a front-door worker records the decision with a rationale.
 */
export const contact = pgTable(
  'contact',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Shown to the referrer on the confirmation page, e.g. SL-7KQ4-M2XD */
    reference: text('reference').notNull().unique('contact_reference_key'),
    personId: uuid('person_id').notNull(),
    /** The referring agency (the practitioner's or the API client's). */
    agencyId: uuid('agency_id').notNull(),
    referrerPractitionerId: uuid('referrer_practitioner_id'),
    referrerAccountId: uuid('referrer_account_id'),
    referrerApiClientId: uuid('referrer_api_client_id'),
    /** How the child was matched: nhs-number, agency-record, name-and-date-of-birth, new-person */
    matchedBy: text('matched_by').notNull(),
    /** The concern.raised event this contact wrote to the child's chronology. */
    eventId: uuid('event_id').notNull(),
    /** The referrer's answers (see ConcernAnswers in intake.schema.ts). */
    concern: jsonb('concern').notNull(),
    lawfulBasis: text('lawful_basis').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** One working day after receipt (Working Together: decision within one working day). */
    decisionDueAt: timestamp('decision_due_at', { withTimezone: true }).notNull(),
    /** red, amber or green: set by a front-door worker; null until screened. */
    rag: text('rag'),
    /** no-further-action, early-help, assessment, strategy-discussion, section-47 */
    decision: text('decision'),
    decisionRationale: text('decision_rationale'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByPractitionerId: uuid('decided_by_practitioner_id'),
    decidedByAccountId: uuid('decided_by_account_id'),
  },
  t => [
    index('contact_person_id_idx').on(t.personId),
    index('contact_open_idx').on(t.decidedAt, t.receivedAt),
    index('contact_referrer_account_id_idx').on(t.referrerAccountId),
  ],
)

/** Every RAG rating a contact has had, with who set it, when and why. */
export const contactRag = pgTable(
  'contact_rag',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contact.id),
    personId: uuid('person_id').notNull(),
    rag: text('rag').notNull(),
    previousRag: text('previous_rag'),
    rationale: text('rationale').notNull(),
    setByAccountId: uuid('set_by_account_id'),
    setByPractitionerId: uuid('set_by_practitioner_id'),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  t => [index('contact_rag_contact_id_idx').on(t.contactId, t.setAt), index('contact_rag_person_id_idx').on(t.personId)],
)

/** A practitioner's unfinished concern form, kept server-side so that a timed-out session loses nothing. */
export const concernDraft = pgTable('concern_draft', {
  accountId: uuid('account_id').primaryKey(),
  answers: jsonb('answers').notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * A partner system's write, by its Idempotency-Key: the hash of what was asked and the answer given, so a retry
 * returns the first answer and writes nothing new. `status` is null while the first request is still running.
 */
export const idempotencyKey = pgTable(
  'idempotency_key',
  {
    apiClientId: uuid('api_client_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  t => [primaryKey({ name: 'idempotency_key_pk', columns: [t.apiClientId, t.key] })],
)
