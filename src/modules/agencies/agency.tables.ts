import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core'

export const agency = pgTable('agency', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique('agency_code_key'),
  name: text('name').notNull(),
  /** One of the agency kinds of contracts/timeline.md: social-care, police, health, gp, school, ... */
  kind: text('kind').notNull(),
  area: text('area'),
})

export const team = pgTable(
  'team',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    name: text('name').notNull(),
    /** front-door, assessment, child-protection, safeguarding, health-visiting, ... */
    kind: text('kind').notNull(),
  },
  t => [index('team_agency_id_idx').on(t.agencyId)],
)

export const practitioner = pgTable(
  'practitioner',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').unique('practitioner_account_id_key'),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    teamId: uuid('team_id').references(() => team.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    jobTitle: text('job_title').notNull(),
    email: text('email'),
    phone: text('phone'),
  },
  t => [index('practitioner_agency_id_idx').on(t.agencyId), index('practitioner_team_id_idx').on(t.teamId)],
)
