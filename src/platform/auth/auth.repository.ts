import { and, eq, gt, lt } from 'drizzle-orm'
import type { Db } from '../db/index.ts'
import { account, accountRole, session } from './auth.tables.ts'

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

  async deleteSession(idHash: string): Promise<void> {
    await this.db.delete(session).where(eq(session.idHash, idHash))
  }

  async deleteExpiredSessions(now: Date): Promise<void> {
    await this.db.delete(session).where(lt(session.expiresAt, now))
  }
}
