import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { AccessRepository } from '../access/index.ts'
import type { AuditContext, AuditWriter } from '../audit/index.ts'
import type { Db } from '../db/index.ts'
import { ConflictError } from '../errors/index.ts'
import type { AccountRow, AuthRepository } from './auth.repository.ts'
import { decoy, hashPassword, verifyPassword } from './password.ts'
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from './recovery-codes.ts'
import { matchTotp, newTotpSecret } from './totp.ts'

export type SignedInAccount = {
  accountId: string
  /** When the password (and second factor) were last checked in this session (undefined outside a session). */
  authenticatedAt?: Date
  email: string
  displayName: string
  roles: string[]
  permissions: Set<string>
}

export type ActiveSession = SignedInAccount & { csrfToken: string; sessionHash: string; mfaEnabled: boolean }

/** A session between a correct password and a correct second factor: it may do nothing but send the code. */
export type PendingSession = { accountId: string; csrfToken: string; sessionHash: string }

export type SessionLookup = { kind: 'active'; session: ActiveSession } | { kind: 'mfa-pending'; session: PendingSession }

export type NewAccount = { id: string; email: string; displayName: string; passwordHash: string; roles: string[] }

/** The answer to a password. 'wrong' is the same for an unknown email, a wrong password and a disabled account. */
export type SignInOutcome =
  | { outcome: 'signed-in'; accountId: string }
  | { outcome: 'code-required'; accountId: string }
  | { outcome: 'wrong' }
  | { outcome: 'locked'; until: Date }

export type CodeOutcome = { outcome: 'signed-in'; accountId: string; token: string } | { outcome: 'wrong' } | { outcome: 'locked'; until: Date } | { outcome: 'expired' }

export type ReauthenticationOutcome =
  | { outcome: 'ok' }
  | { outcome: 'wrong'; field: 'password' | 'code' }
  | { outcome: 'locked'; until: Date }
  | { outcome: 'expired' }

export type MfaStatus = { enabled: boolean; enabledAt: Date | undefined; recoveryCodesLeft: number }

export type ExternalIdentity = { issuer: string; subject: string; email: string | undefined; emailVerified: boolean }

export type ExternalMatch = { outcome: 'found'; accountId: string; isNewLink: boolean } | { outcome: 'unknown' } | { outcome: 'disabled' }

export type AuthSettings = {
  idleMinutes: number
  /** Consecutive failed sign-ins (password or code) that lock an account. */
  maxFailures?: number
  lockoutMinutes?: number
  /** Writes security events (sign-in, lock, enrolment) to the audit trail when given. */
  audit?: AuditWriter
}

/** A pending (password checked, code not yet) session lasts this long. */
const PENDING_MINUTES = 10
/** Accounts whose last accepted TOTP step is remembered at most (a map per process). */
const MAX_REMEMBERED = 50_000

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Local sign-in: argon2id passwords, a TOTP second factor with one-time recovery codes, lockout after repeated
 * failures, server-side sessions with a sliding idle expiry, and re-authentication within a session.
 */
export class AuthService {
  private readonly accounts: AuthRepository
  private readonly access: AccessRepository
  private readonly idleMinutes: number
  private readonly maxFailures: number
  private readonly lockoutMinutes: number
  private readonly audit: AuditWriter | undefined
  private readonly now: () => Date
  /** The last TOTP step accepted per account: a code (or an earlier one) is never accepted twice. */
  private readonly usedSteps = new Map<string, number>()
  /** Failures against emails that have no account, so that they lock like real ones and say nothing. */
  private readonly unknownEmails = new Map<string, { failures: number; lockedUntil: number }>()

  /** `settings` may be just the idle minutes; the lockout then takes its defaults (5 failures, 15 minutes). */
  constructor(accounts: AuthRepository, access: AccessRepository, settings: number | AuthSettings, now: () => Date = () => new Date()) {
    const s = typeof settings === 'number' ? { idleMinutes: settings } : settings
    this.accounts = accounts
    this.access = access
    this.idleMinutes = s.idleMinutes
    this.maxFailures = s.maxFailures ?? 5
    this.lockoutMinutes = s.lockoutMinutes ?? 15
    this.audit = s.audit
    this.now = now
  }

  /**
   * The password only: the account when the email and password match an enabled account, otherwise undefined.
   * It does not count failures or ask for a second factor; sign-in goes through `attemptSignIn`.
   */
  async verifyCredentials(email: string, password: string): Promise<SignedInAccount | undefined> {
    const found = await this.accounts.findAccountByEmail(normaliseEmail(email))
    if (!found) {
      await verifyPassword(await decoy(), password)
      return undefined
    }
    const ok = await verifyPassword(found.passwordHash, password)
    if (!ok || found.disabledAt) return undefined
    return this.describe(found.id, found.email, found.displayName)
  }

  /**
   * The first step of signing in. An unknown email costs the same time as a wrong password and gets the same
   * answer, and locks in the same way; a locked account says so (and until when) whatever the password.
   */
  async attemptSignIn(email: string, password: string, context?: AuditContext): Promise<SignInOutcome> {
    const now = this.now()
    const normalised = normaliseEmail(email)
    const found = await this.accounts.findAccountByEmail(normalised)
    if (!found) {
      await verifyPassword(await decoy(), password)
      return this.unknownEmailFailure(normalised, now)
    }
    const correct = await verifyPassword(found.passwordHash, password)
    if (found.lockedUntil && found.lockedUntil > now) return { outcome: 'locked', until: found.lockedUntil }
    if (found.disabledAt) return { outcome: 'wrong' }
    if (!correct) return this.failure(found.id, now, context)
    if (found.mfaEnabledAt && found.mfaSecret) return { outcome: 'code-required', accountId: found.id }
    await this.succeeded(found.id, now, 'password', context)
    return { outcome: 'signed-in', accountId: found.id }
  }

  /**
   * The second step: a code from the authenticator app or an unused recovery code, sent on a pending session.
   * On success the pending session is ended and a new one started (a new id once fully signed in).
   */
  async completeSignIn(pendingToken: string, code: string, context?: AuditContext): Promise<CodeOutcome> {
    const now = this.now()
    const pending = await this.findSessionRow(pendingToken, now)
    if (!pending?.mfaPending) return { outcome: 'expired' }
    const found = await this.accounts.findAccount(pending.accountId)
    if (!found || found.disabledAt || !found.mfaEnabledAt) {
      await this.accounts.deleteSession(pending.idHash)
      return { outcome: 'expired' }
    }
    if (found.lockedUntil && found.lockedUntil > now) {
      await this.accounts.deleteSession(pending.idHash)
      return { outcome: 'locked', until: found.lockedUntil }
    }
    const method = await this.checkSecondFactor(found, code, now)
    if (!method) {
      const failed = await this.failure(found.id, now, context)
      if (failed.outcome === 'locked') await this.accounts.deleteSession(pending.idHash)
      return failed
    }
    if (!(await this.accounts.deleteSession(pending.idHash))) return { outcome: 'expired' }
    await this.succeeded(found.id, now, method, context)
    return { outcome: 'signed-in', accountId: found.id, token: await this.startSession(found.id) }
  }

  /**
   * Check the password (and a code, when the account has multi-factor sign-in) again within a signed-in session,
   * and on success record that the session authenticated now. Failures count towards the lockout.
   */
  async reauthenticate(token: string, password: string, code: string | undefined, context?: AuditContext): Promise<ReauthenticationOutcome> {
    const now = this.now()
    const row = await this.findSessionRow(token, now)
    if (!row || row.mfaPending) return { outcome: 'expired' }
    const found = await this.accounts.findAccount(row.accountId)
    if (!found || found.disabledAt) return { outcome: 'expired' }
    const correct = await verifyPassword(found.passwordHash, password)
    if (found.lockedUntil && found.lockedUntil > now) return { outcome: 'locked', until: found.lockedUntil }
    if (!correct) {
      const failed = await this.failure(found.id, now, context)
      return failed.outcome === 'locked' ? failed : { outcome: 'wrong', field: 'password' }
    }
    if (found.mfaEnabledAt) {
      const method = code ? await this.checkSecondFactor(found, code, now) : undefined
      if (!method) {
        const failed = await this.failure(found.id, now, context)
        return failed.outcome === 'locked' ? failed : { outcome: 'wrong', field: 'code' }
      }
    }
    await this.accounts.resetFailures(found.id)
    return this.markReauthenticated(token, found.id, 'password', context)
  }

  /** Record that a session's account has just proved who they are (a password here, or an identity provider). */
  async markReauthenticated(token: string, accountId: string, method: string, context?: AuditContext): Promise<ReauthenticationOutcome> {
    const now = this.now()
    const row = await this.findSessionRow(token, now)
    if (!row || row.mfaPending || row.accountId !== accountId) return { outcome: 'expired' }
    if (!(await this.accounts.setSessionAuthenticatedAt(row.idHash, now))) return { outcome: 'expired' }
    await this.writeAudit(context, { action: 'account.re-authenticated', subjectType: 'account', subjectId: accountId, details: { method } })
    return { outcome: 'ok' }
  }

  /** Start a new session (a new id every sign-in, so a planted cookie is worthless). Returns the cookie value. */
  async startSession(accountId: string, options: { mfaPending?: boolean } = {}): Promise<string> {
    const token = randomBytes(32).toString('base64url')
    const now = this.now()
    const pending = options.mfaPending === true
    await this.accounts.insertSession({
      idHash: hashToken(token),
      accountId,
      csrfSecret: randomBytes(24).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: pending ? new Date(now.getTime() + PENDING_MINUTES * 60_000) : this.expiry(now),
      authenticatedAt: now,
      mfaPending: pending,
    })
    return token
  }

  /** The signed-in session behind a cookie value, sliding its expiry; undefined when missing, expired, pending or disabled. */
  async resumeSession(token: string): Promise<ActiveSession | undefined> {
    const found = await this.lookupSession(token)
    return found?.kind === 'active' ? found.session : undefined
  }

  /** The session behind a cookie value, signed in or waiting for its second factor. Slides a signed-in session's expiry. */
  async lookupSession(token: string): Promise<SessionLookup | undefined> {
    const now = this.now()
    const row = await this.findSessionRow(token, now)
    if (!row) return undefined
    const found = await this.accounts.findAccount(row.accountId)
    if (!found || found.disabledAt) return undefined
    if (row.mfaPending) return { kind: 'mfa-pending', session: { accountId: found.id, csrfToken: row.csrfSecret, sessionHash: row.idHash } }
    // Write the new expiry at most once a minute per session, not on every request.
    if (now.getTime() - row.lastSeenAt.getTime() > 60_000) await this.accounts.touchSession(row.idHash, now, this.expiry(now))
    const described = await this.describe(found.id, found.email, found.displayName)
    return {
      kind: 'active',
      session: { ...described, authenticatedAt: row.authenticatedAt, csrfToken: row.csrfSecret, sessionHash: row.idHash, mfaEnabled: found.mfaEnabledAt !== null },
    }
  }

  /** Remove sessions whose idle time has run out (they are already refused; this keeps the table small). */
  async purgeExpiredSessions(): Promise<void> {
    await this.accounts.deleteExpiredSessions(this.now())
  }

  async endSession(token: string): Promise<void> {
    await this.accounts.deleteSession(hashToken(token))
  }

  async mfaStatus(accountId: string): Promise<MfaStatus> {
    const found = await this.accounts.findAccount(accountId)
    const enabled = Boolean(found?.mfaEnabledAt && found.mfaSecret)
    return { enabled, enabledAt: found?.mfaEnabledAt ?? undefined, recoveryCodesLeft: enabled ? await this.accounts.countUnusedRecoveryCodes(accountId) : 0 }
  }

  /** The secret being enrolled (kept until confirmed, so reloading the page does not change the QR code). */
  async beginMfaEnrolment(accountId: string): Promise<{ secret: string; email: string }> {
    const found = await this.accounts.findAccount(accountId)
    if (!found) throw new ConflictError('The account no longer exists')
    if (found.mfaEnabledAt) throw new ConflictError('Multi-factor sign-in is already on for this account')
    if (found.mfaSecret) return { secret: found.mfaSecret, email: found.email }
    const secret = newTotpSecret()
    await this.accounts.setPendingMfaSecret(accountId, secret)
    return { secret, email: found.email }
  }

  /** Turn multi-factor sign-in on with a code from the app; returns the recovery codes (to show once), or undefined. */
  async confirmMfaEnrolment(accountId: string, code: string, context?: AuditContext): Promise<string[] | undefined> {
    const now = this.now()
    const found = await this.accounts.findAccount(accountId)
    if (!found?.mfaSecret || found.mfaEnabledAt) return undefined
    if ((await this.checkTotp(found, code, now)) === undefined) return undefined
    const secret = found.mfaSecret
    return this.accounts.transaction(async (repository, tx) => {
      if (!(await repository.enableMfa(accountId, secret, now))) return undefined
      const codes = await this.issueRecoveryCodes(repository, accountId, now)
      await this.writeAudit(context, { action: 'account.mfa-enabled', subjectType: 'account', subjectId: accountId }, tx)
      return codes
    })
  }

  /** New recovery codes in place of the old, for a code from the app; undefined when the code is wrong. */
  async replaceRecoveryCodes(accountId: string, code: string, context?: AuditContext): Promise<string[] | undefined> {
    const now = this.now()
    const found = await this.accounts.findAccount(accountId)
    if (!found?.mfaSecret || !found.mfaEnabledAt) return undefined
    if ((await this.checkTotp(found, code, now)) === undefined) {
      await this.failure(found.id, now, context)
      return undefined
    }
    return this.accounts.transaction(async (repository, tx) => {
      const codes = await this.issueRecoveryCodes(repository, accountId, now)
      await this.writeAudit(context, { action: 'account.recovery-codes-replaced', subjectType: 'account', subjectId: accountId }, tx)
      return codes
    })
  }

  /**
   * The local account an identity provider's identity stands for: by its issuer and subject when linked before,
   * otherwise by a verified email (the link is then made by `completeExternalSignIn`). Never creates an account.
   */
  async matchExternalIdentity(identity: ExternalIdentity): Promise<ExternalMatch> {
    let accountId = await this.accounts.findExternalIdentity(identity.issuer, identity.subject)
    let isNewLink = false
    if (!accountId) {
      if (!identity.email || !identity.emailVerified) return { outcome: 'unknown' }
      const byEmail = await this.accounts.findAccountByEmail(normaliseEmail(identity.email))
      // An account already linked to another identity at this provider is not linked to a second one by email.
      if (!byEmail || (await this.accounts.hasExternalIdentity(byEmail.id, identity.issuer))) return { outcome: 'unknown' }
      accountId = byEmail.id
      isNewLink = true
    }
    const found = await this.accounts.findAccount(accountId)
    if (!found) return { outcome: 'unknown' }
    if (found.disabledAt) return { outcome: 'disabled' }
    return { outcome: 'found', accountId, isNewLink }
  }

  /** Sign in an account an identity provider vouched for: link the identity (first time), reset failures, audit. */
  async completeExternalSignIn(identity: ExternalIdentity, match: { accountId: string; isNewLink: boolean }, context?: AuditContext): Promise<string> {
    const now = this.now()
    await this.accounts.transaction(async (repository, tx) => {
      if (match.isNewLink) {
        await repository.insertExternalIdentity(identity.issuer, identity.subject, match.accountId, now)
        await this.writeAudit(context, { action: 'account.identity-linked', subjectType: 'account', subjectId: match.accountId, details: { issuer: identity.issuer } }, tx)
      } else {
        await repository.touchExternalIdentity(identity.issuer, identity.subject, now)
      }
    })
    await this.succeeded(match.accountId, now, 'oidc', context)
    return this.startSession(match.accountId)
  }

  async hasExternalIdentity(accountId: string, issuer: string): Promise<boolean> {
    return this.accounts.hasExternalIdentity(accountId, issuer)
  }

  async createAccounts(db: Db, accounts: NewAccount[]): Promise<void> {
    const repository = this.accounts.with(db)
    await repository.insertAccounts(
      accounts.map(a => ({ id: a.id, email: normaliseEmail(a.email), displayName: a.displayName, passwordHash: a.passwordHash })),
    )
    await repository.insertAccountRoles(accounts.flatMap(a => a.roles.map(roleId => ({ accountId: a.id, roleId }))))
  }

  hashPassword(password: string): Promise<string> {
    return hashPassword(password)
  }

  private async findSessionRow(token: string, now: Date) {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined
    return this.accounts.findLiveSession(hashToken(token), now)
  }

  private async failure(accountId: string, now: Date, context: AuditContext | undefined): Promise<{ outcome: 'wrong' } | { outcome: 'locked'; until: Date }> {
    const lockedUntil = await this.accounts.recordFailure(accountId, this.maxFailures, new Date(now.getTime() + this.lockoutMinutes * 60_000))
    if (lockedUntil && lockedUntil > now) {
      await this.writeAudit(context, {
        action: 'account.locked',
        subjectType: 'account',
        subjectId: accountId,
        details: { failures: this.maxFailures, until: lockedUntil.toISOString() },
      })
      return { outcome: 'locked', until: lockedUntil }
    }
    return { outcome: 'wrong' }
  }

  private unknownEmailFailure(email: string, now: Date): { outcome: 'wrong' } | { outcome: 'locked'; until: Date } {
    const key = createHash('sha256').update(email).digest('base64url')
    const entry = this.unknownEmails.get(key) ?? { failures: 0, lockedUntil: 0 }
    if (entry.lockedUntil > now.getTime()) return { outcome: 'locked', until: new Date(entry.lockedUntil) }
    entry.failures += 1
    if (entry.failures >= this.maxFailures) {
      entry.failures = 0
      entry.lockedUntil = now.getTime() + this.lockoutMinutes * 60_000
    }
    this.remember(this.unknownEmails, key, entry)
    return entry.lockedUntil > now.getTime() ? { outcome: 'locked', until: new Date(entry.lockedUntil) } : { outcome: 'wrong' }
  }

  private async succeeded(accountId: string, now: Date, method: string, context: AuditContext | undefined): Promise<void> {
    await this.accounts.recordSuccess(accountId, now)
    await this.writeAudit(context, { action: 'account.signed-in', subjectType: 'account', subjectId: accountId, details: { method } })
  }

  /** A TOTP code or, failing that, an unused recovery code (used up by this check). */
  private async checkSecondFactor(found: AccountRow, code: string, now: Date): Promise<'totp' | 'recovery-code' | undefined> {
    if (/^\d{6}$/.test(code.replace(/\s/g, ''))) return (await this.checkTotp(found, code, now)) === undefined ? undefined : 'totp'
    const normalised = normaliseRecoveryCode(code)
    if (normalised && (await this.accounts.useRecoveryCode(found.id, hashRecoveryCode(found.id, normalised), now))) return 'recovery-code'
    return undefined
  }

  /** The step a TOTP code matches, if it is later than any step this account has used (no replay). */
  private async checkTotp(found: AccountRow, code: string, now: Date): Promise<number | undefined> {
    if (!found.mfaSecret) return undefined
    const step = matchTotp(found.mfaSecret, code.replace(/\s/g, ''), now)
    if (step === undefined) return undefined
    const last = this.usedSteps.get(found.id)
    if (last !== undefined && step <= last) return undefined
    this.remember(this.usedSteps, found.id, step)
    return step
  }

  private async issueRecoveryCodes(repository: AuthRepository, accountId: string, now: Date): Promise<string[]> {
    const codes = newRecoveryCodes()
    await repository.replaceRecoveryCodes(
      accountId,
      codes.map(c => hashRecoveryCode(accountId, normaliseRecoveryCode(c)!)),
      now,
    )
    return codes
  }

  private async writeAudit(context: AuditContext | undefined, entry: Parameters<AuditWriter['write']>[2], tx?: Db): Promise<void> {
    if (!this.audit) return
    const audit = this.audit
    const ctx = context ?? { actor: undefined, requestId: undefined }
    if (tx) await audit.write(tx, ctx, entry)
    else await this.accounts.transaction((_, db) => audit.write(db, ctx, entry))
  }

  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    map.delete(key)
    map.set(key, value)
    if (map.size > MAX_REMEMBERED) {
      const oldest = map.keys().next().value
      if (oldest !== undefined) map.delete(oldest)
    }
  }

  private async describe(accountId: string, email: string, displayName: string): Promise<SignedInAccount> {
    const roles = await this.accounts.listRoleIds(accountId)
    const permissions = new Set(await this.access.listPermissions(roles))
    return { accountId, email, displayName, roles, permissions }
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.idleMinutes * 60_000)
  }
}
