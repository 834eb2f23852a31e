import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** An agency's entry about one or more people. Append-only: a correction is a new event that supersedes. */
export const event = pgTable(
  'event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A type from the vocabulary of contracts/timeline.md, e.g. appointment.was-not-brought */
    type: text('type').notNull(),
    agencyId: uuid('agency_id').notNull(),
    practitionerId: uuid('practitioner_id'),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    summary: text('summary'),
    details: jsonb('details').notNull().default({}),
    isSignificant: boolean('is_significant').notNull().default(false),
    /** public-task (UK GDPR 6(1)(e) with DPA 2018 Sch 1 para 18), law-enforcement (Part 3, Sch 8 para 4), consent */
    lawfulBasis: text('lawful_basis').notNull(),
    supersedesId: uuid('supersedes_id'),
    /** Set when the recording agency restricts the entry: only these roles see its content. */
    restrictedToRoles: text('restricted_to_roles').array(),
    /** Whom to ask about a restricted entry. */
    restrictionContact: text('restriction_contact'),
  },
  t => [index('event_occurred_on_idx').on(t.occurredOn), index('event_supersedes_id_idx').on(t.supersedesId)],
)

/**
 * A disclosure: one agency's entries about a person shown to a practitioner of another agency, with the
 * lawful basis and purpose. A person's record lists what was shared with whom and why.
 */
export const disclosure = pgTable(
  'disclosure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    fromAgencyId: uuid('from_agency_id').notNull(),
    toAgencyId: uuid('to_agency_id'),
    toPractitionerId: uuid('to_practitioner_id'),
    toAccountId: uuid('to_account_id'),
    lawfulBasis: text('lawful_basis').notNull(),
    purpose: text('purpose').notNull(),
    entryCount: integer('entry_count').notNull(),
    disclosedAt: timestamp('disclosed_at', { withTimezone: true }).notNull().defaultNow(),
    requestId: text('request_id'),
  },
  t => [index('disclosure_person_id_idx').on(t.personId, t.disclosedAt)],
)

/** Who an event is about. The chronology of a child is every event with a row here for them. */
export const eventSubject = pgTable(
  'event_subject',
  {
    personId: uuid('person_id').notNull(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => event.id),
  },
  t => [primaryKey({ name: 'event_subject_pk', columns: [t.personId, t.eventId] }), index('event_subject_event_id_idx').on(t.eventId)],
)
