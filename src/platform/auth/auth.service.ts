import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { AccessRepository } from '../access/index.ts'
import type { Db } from '../db/index.ts'
import type { AuthRepository } from './auth.repository.ts'
import { decoy, hashPassword, verifyPassword } from './password.ts'

export type SignedInAccount = {
  accountId: string
  /** When the password was last checked in this session (undefined outside a session). */
  authenticatedAt?: Date
  email: string
  displayName: string
  roles: string[]
  permissions: Set<string>
}

export type ActiveSession = SignedInAccount & { csrfToken: string; sessionHash: string }

export type NewAccount = { id: string; email: string; displayName: string; passwordHash: string; roles: string[] }

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Local sign-in: argon2id passwords, server-side sessions with a sliding idle expiry. */
export class AuthService {
  private readonly accounts: AuthRepository
  private readonly access: AccessRepository
  private readonly idleMinutes: number
  private readonly now: () => Date

  constructor(accounts: AuthRepository, access: AccessRepository, idleMinutes: number, now: () => Date = () => new Date()) {
    this.accounts = accounts
    this.access = access
    this.idleMinutes = idleMinutes
    this.now = now
  }

  /** Returns the account when the email and password match an enabled account; otherwise undefined. */
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

  /** Start a new session (a new id every sign-in, so a planted cookie is worthless). Returns the cookie value. */
  async startSession(accountId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url')
    const now = this.now()
    await this.accounts.insertSession({
      idHash: hashToken(token),
      accountId,
      csrfSecret: randomBytes(24).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: this.expiry(now),
      authenticatedAt: now,
    })
    return token
  }

  /** The session behind a cookie value, sliding its expiry; undefined when missing, expired or disabled. */
  async resumeSession(token: string): Promise<ActiveSession | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined
    const idHash = hashToken(token)
    const now = this.now()
    const row = await this.accounts.findLiveSession(idHash, now)
    if (!row) return undefined
    const found = await this.accounts.findAccount(row.accountId)
    if (!found || found.disabledAt) return undefined
    // Write the new expiry at most once a minute per session, not on every request.
    if (now.getTime() - row.lastSeenAt.getTime() > 60_000) await this.accounts.touchSession(idHash, now, this.expiry(now))
    const described = await this.describe(found.id, found.email, found.displayName)
    return { ...described, authenticatedAt: row.authenticatedAt, csrfToken: row.csrfSecret, sessionHash: idHash }
  }

  /** Remove sessions whose idle time has run out (they are already refused; this keeps the table small). */
  async purgeExpiredSessions(): Promise<void> {
    await this.accounts.deleteExpiredSessions(this.now())
  }

  async endSession(token: string): Promise<void> {
    await this.accounts.deleteSession(hashToken(token))
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

  private async describe(accountId: string, email: string, displayName: string): Promise<SignedInAccount> {
    const roles = await this.accounts.listRoleIds(accountId)
    const permissions = new Set(await this.access.listPermissions(roles))
    return { accountId, email, displayName, roles, permissions }
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.idleMinutes * 60_000)
  }
}
