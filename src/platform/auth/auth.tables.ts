import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { role } from '../access/access.tables.ts'

/** A local sign-in account. The practitioner it belongs to lives in the agencies module. */
export const account = pgTable('account', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique('account_email_key'),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  /** Base32 TOTP secret once multi-factor sign-in is enrolled (RFC 6238). */
  mfaSecret: text('mfa_secret'),
  mfaEnabledAt: timestamp('mfa_enabled_at', { withTimezone: true }),
  /** Consecutive failed sign-ins; reset on success. Reaching the limit sets locked_until. */
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
})

/** One-time recovery codes for multi-factor sign-in, stored as hashes. */
export const recoveryCode = pgTable(
  'recovery_code',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  t => [primaryKey({ name: 'recovery_code_pk', columns: [t.accountId, t.codeHash] })],
)

/** An identity at an OpenID Connect provider, mapped to a local account. */
export const externalIdentity = pgTable(
  'external_identity',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  t => [primaryKey({ name: 'external_identity_pk', columns: [t.issuer, t.subject] }), index('external_identity_account_id_idx').on(t.accountId)],
)

/** A partner agency's system that calls the API. */
export const apiClient = pgTable(
  'api_client',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id').notNull(),
    name: text('name').notNull(),
    scopes: text('scopes').array().notNull(),
    ratePerMinute: integer('rate_per_minute').notNull().default(600),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  t => [index('api_client_agency_id_idx').on(t.agencyId)],
)

/** A bearer token of an API client. Only its hash is stored; rotation issues a new token and ends the old. */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => apiClient.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique('api_token_token_hash_key'),
    /** The first characters of the token, to tell tokens apart in lists. */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  t => [index('api_token_client_id_idx').on(t.clientId)],
)

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
    /** When the password (and second factor) were last checked in this session: sign-in or re-authentication. */
    authenticatedAt: timestamp('authenticated_at', { withTimezone: true }).notNull().defaultNow(),
    /** True between a correct password and a correct second factor: the session may do nothing else. */
    mfaPending: boolean('mfa_pending').notNull().default(false),
  },
  t => [index('session_account_id_idx').on(t.accountId), index('session_expires_at_idx').on(t.expiresAt)],
)
