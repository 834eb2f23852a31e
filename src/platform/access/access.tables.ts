import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Roles are data: a deployment can add a role or change what it may do without a code change. */
export const role = pgTable('role', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
})

export const rolePermission = pgTable(
  'role_permission',
  {
    roleId: text('role_id')
      .notNull()
      .references(() => role.id, { onDelete: 'cascade' }),
    permission: text('permission').notNull(),
  },
  t => [primaryKey({ name: 'role_permission_pk', columns: [t.roleId, t.permission] })],
)

/**
 * A legitimate relationship to a person's record: who may see it in full, why, and for how long. Written by
 * the modules that create the relationship (allocation, an open contact at the front door, membership of a
 * strategy discussion, conference or core group, a referral) and by break glass.
 */
export const accessGrant = pgTable(
  'access_grant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    /** Exactly one of practitioner, team or agency receives the grant. */
    practitionerId: uuid('practitioner_id'),
    teamId: uuid('team_id'),
    agencyId: uuid('agency_id'),
    /** allocated-worker, allocated-team, front-door, strategy-discussion, conference, core-group, referrer, break-glass */
    kind: text('kind').notNull(),
    reason: text('reason'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    grantedByAccountId: uuid('granted_by_account_id'),
    /** Break glass: the owning agency's manager who reviewed the access, when, and what they concluded. */
    reviewedByAccountId: uuid('reviewed_by_account_id'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewOutcome: text('review_outcome'),
    reviewNote: text('review_note'),
  },
  t => [
    index('access_grant_person_id_idx').on(t.personId),
    index('access_grant_practitioner_id_idx').on(t.practitionerId),
    index('access_grant_team_id_idx').on(t.teamId),
  ],
)
