import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '../db/index.ts'
import { account, accountRole, externalIdentity, recoveryCode, session } from './auth.tables.ts'

export type AccountRow = typeof account.$inferSelect
export type SessionRow = typeof session.$inferSelect

export class AuthRepository {
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  with(db: Db): AuthRepository {
    return new AuthRepository(db)
  }

  /** Run `work` in one transaction, with this repository and the transaction (for audit writes) bound to it. */
  async transaction<T>(work: (repository: AuthRepository, tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction(async tx => work(this.with(tx), tx))
  }

  async findAccountByEmail(email: string): Promise<AccountRow | undefined> {
    const rows = await this.db.select().from(account).where(eq(account.email, email)).limit(1)
    return rows[0]
  }

  async findAccount(id: string): Promise<AccountRow | undefined> {
    const rows = await this.db.select().from(account).where(eq(account.id, id)).limit(1)
    return rows[0]
  }

  async listRoleIds(accountId: string): Promise<string[]> {
    const rows = await this.db.select({ roleId: accountRole.roleId }).from(accountRole).where(eq(accountRole.accountId, accountId))
    return rows.map(r => r.roleId).sort()
  }

  async insertAccounts(rows: (typeof account.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(account).values(rows)
  }

  async insertAccountRoles(rows: (typeof accountRole.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(accountRole).values(rows)
  }

  async countAccounts(): Promise<number> {
    return this.db.$count(account)
  }

  /**
   * Count one failed sign-in, in one statement so parallel attempts cannot lose a count. When the count reaches
   * `maxFailures` the account is locked until `lockUntil` and the count starts again. Returns the lock, if any.
   */
  async recordFailure(accountId: string, maxFailures: number, lockUntil: Date): Promise<Date | null | undefined> {
    const reached = sql`${account.failedAttempts} + 1 >= ${maxFailures}`
    const rows = await this.db
      .update(account)
      .set({
        failedAttempts: sql`case when ${reached} then 0 else ${account.failedAttempts} + 1 end`,
        lockedUntil: sql`case when ${reached} then ${lockUntil.toISOString()}::timestamptz else ${account.lockedUntil} end`,
      })
      .where(eq(account.id, accountId))
      .returning({ lockedUntil: account.lockedUntil })
    return rows[0]?.lockedUntil
  }

  async recordSuccess(accountId: string, now: Date): Promise<void> {
    await this.db.update(account).set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: now }).where(eq(account.id, accountId))
  }

  async resetFailures(accountId: string): Promise<void> {
    await this.db.update(account).set({ failedAttempts: 0, lockedUntil: null }).where(eq(account.id, accountId))
  }

  /** Keep a secret being enrolled (not yet confirmed); never replaces the secret of an enrolled account. */
  async setPendingMfaSecret(accountId: string, secret: string): Promise<void> {
    await this.db
      .update(account)
      .set({ mfaSecret: secret })
      .where(and(eq(account.id, accountId), isNull(account.mfaEnabledAt)))
  }

  /** Turn multi-factor sign-in on, if the secret confirmed is still the one being enrolled. */
  async enableMfa(accountId: string, secret: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(account)
      .set({ mfaEnabledAt: now })
      .where(and(eq(account.id, accountId), eq(account.mfaSecret, secret), isNull(account.mfaEnabledAt)))
      .returning({ id: account.id })
    return rows.length === 1
  }

  async replaceRecoveryCodes(accountId: string, codeHashes: string[], now: Date): Promise<void> {
    await this.db.delete(recoveryCode).where(eq(recoveryCode.accountId, accountId))
    if (codeHashes.length > 0) await this.db.insert(recoveryCode).values(codeHashes.map(codeHash => ({ accountId, codeHash, createdAt: now })))
  }

  /** Mark an unused recovery code used; true when it was there and unused (so each works once, even in a race). */
  async useRecoveryCode(accountId: string, codeHash: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(recoveryCode)
      .set({ usedAt: now })
      .where(and(eq(recoveryCode.accountId, accountId), eq(recoveryCode.codeHash, codeHash), isNull(recoveryCode.usedAt)))
      .returning({ accountId: recoveryCode.accountId })
    return rows.length === 1
  }

  async countUnusedRecoveryCodes(accountId: string): Promise<number> {
    return this.db.$count(recoveryCode, and(eq(recoveryCode.accountId, accountId), isNull(recoveryCode.usedAt)))
  }

  async findExternalIdentity(issuer: string, subject: string): Promise<string | undefined> {
    const rows = await this.db
      .select({ accountId: externalIdentity.accountId })
      .from(externalIdentity)
      .where(and(eq(externalIdentity.issuer, issuer), eq(externalIdentity.subject, subject)))
      .limit(1)
    return rows[0]?.accountId
  }

  async hasExternalIdentity(accountId: string, issuer: string): Promise<boolean> {
    return (await this.db.$count(externalIdentity, and(eq(externalIdentity.accountId, accountId), eq(externalIdentity.issuer, issuer)))) > 0
  }

  async insertExternalIdentity(issuer: string, subject: string, accountId: string, now: Date): Promise<void> {
    await this.db.insert(externalIdentity).values({ issuer, subject, accountId, createdAt: now, lastSeenAt: now })
  }

  async touchExternalIdentity(issuer: string, subject: string, now: Date): Promise<void> {
    await this.db
      .update(externalIdentity)
      .set({ lastSeenAt: now })
      .where(and(eq(externalIdentity.issuer, issuer), eq(externalIdentity.subject, subject)))
  }

  async insertSession(row: typeof session.$inferInsert): Promise<void> {
    await this.db.insert(session).values(row)
  }

  async findLiveSession(idHash: string, now: Date): Promise<SessionRow | undefined> {
    const rows = await this.db
      .select()
      .from(session)
      .where(and(eq(session.idHash, idHash), gt(session.expiresAt, now)))
      .limit(1)
    return rows[0]
  }

  async touchSession(idHash: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db.update(session).set({ lastSeenAt: now, expiresAt }).where(eq(session.idHash, idHash))
  }

  async setSessionAuthenticatedAt(idHash: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(session)
      .set({ authenticatedAt: now, lastSeenAt: now })
      .where(and(eq(session.idHash, idHash), eq(session.mfaPending, false), gt(session.expiresAt, now)))
      .returning({ idHash: session.idHash })
    return rows.length === 1
  }

  /** Delete a session; true when it was there (so only one of two racing requests can use a pending session). */
  async deleteSession(idHash: string): Promise<boolean> {
    const rows = await this.db.delete(session).where(eq(session.idHash, idHash)).returning({ idHash: session.idHash })
    return rows.length === 1
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.db.delete(session).where(lt(session.expiresAt, now))
  }
}
