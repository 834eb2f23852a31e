import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { role } from '../access/access.tables.ts'

/** A local sign-in account. The practitioner it belongs to lives in the agencies module. */
export const account = pgTable('account', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique('account_email_key'),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
})

export const accountRole = pgTable(
  'account_role',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    roleId: text('role_id')
      .notNull()
      .references(() => role.id),
  },
  t => [primaryKey({ name: 'account_role_pk', columns: [t.accountId, t.roleId] })],
)

/** Server-side sessions. Only a hash of the cookie value is stored, so a copy of this table signs no one in. */
export const session = pgTable(
  'session',
  {
    idHash: text('id_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    csrfSecret: text('csrf_secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  t => [index('session_account_id_idx').on(t.accountId), index('session_expires_at_idx').on(t.expiresAt)],
)
