import { sql } from 'drizzle-orm'
import { date, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'

/** A person as the partnership knows them: the resolved identity that agency source records point to. */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** child, adult or unborn */
    kind: text('kind').notNull(),
    givenName: text('given_name'),
    middleNames: text('middle_names'),
    familyName: text('family_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    /** M, F or U */
    sex: text('sex').notNull().default('U'),
    nhsNumber: text('nhs_number'),
    upn: text('upn'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  t => [
    index('person_family_name_idx').using('btree', sql`lower(${t.familyName}) text_pattern_ops`),
    index('person_nhs_number_idx').on(t.nhsNumber),
    index('person_date_of_birth_idx').on(t.dateOfBirth),
  ],
)

/** One agency's own record of a person, as that agency spelled it. */
export const sourceRecord = pgTable(
  'source_record',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    agencyId: uuid('agency_id').notNull(),
    localId: text('local_id').notNull(),
    givenName: text('given_name'),
    middleNames: text('middle_names'),
    familyName: text('family_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    sex: text('sex'),
    postcode: text('postcode'),
    address: text('address'),
    nhsNumber: text('nhs_number'),
    upn: text('upn'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  t => [
    unique('source_record_agency_local_key').on(t.agencyId, t.localId),
    index('source_record_person_id_idx').on(t.personId),
    index('source_record_family_name_idx').using('btree', sql`lower(${t.familyName}) text_pattern_ops`),
    index('source_record_nhs_number_idx').on(t.nhsNumber),
  ],
)

export const household = pgTable('household', {
  id: uuid('id').primaryKey().defaultRandom(),
  address: text('address').notNull(),
  postcode: text('postcode').notNull(),
  area: text('area'),
})

export const householdMember = pgTable(
  'household_member',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => household.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  t => [
    primaryKey({ name: 'household_member_pk', columns: [t.personId, t.householdId, t.fromDate] }),
    index('household_member_household_id_idx').on(t.householdId),
  ],
)

/** A directed relationship, read from `personId`: `relatedPersonId` is their `type` (the child's parent, sibling, mother's partner...). */
export const relationship = pgTable(
  'relationship',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    relatedPersonId: uuid('related_person_id')
      .notNull()
      .references(() => person.id),
    /** parent, step-parent, mother-partner, father-partner, sibling, grandparent, relative, household-member, carer, associate */
    type: text('type').notNull(),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
  },
  t => [index('relationship_person_id_idx').on(t.personId), index('relationship_related_person_id_idx').on(t.relatedPersonId)],
)
