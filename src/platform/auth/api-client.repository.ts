import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Db } from '../db/index.ts'
import { apiClient, apiToken } from './auth.tables.ts'

export type ApiClientRow = typeof apiClient.$inferSelect
export type ApiTokenRow = typeof apiToken.$inferSelect

export class ApiClientRepository {
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  with(db: Db): ApiClientRepository {
    return new ApiClientRepository(db)
  }

  /** Run `work` in one transaction, with this repository and the transaction (for audit writes) bound to it. */
  async transaction<T>(work: (repository: ApiClientRepository, tx: Db) => Promise<T>): Promise<T> {
    return this.db.transaction(async tx => work(this.with(tx), tx))
  }

  async insertClient(row: typeof apiClient.$inferInsert): Promise<ApiClientRow> {
    const rows = await this.db.insert(apiClient).values(row).returning()
    return rows[0]!
  }

  async insertToken(row: typeof apiToken.$inferInsert): Promise<void> {
    await this.db.insert(apiToken).values(row)
  }

  async listClients(): Promise<ApiClientRow[]> {
    return this.db.select().from(apiClient).orderBy(asc(apiClient.name), asc(apiClient.createdAt))
  }

  async findClient(id: string): Promise<ApiClientRow | undefined> {
    const rows = await this.db.select().from(apiClient).where(eq(apiClient.id, id)).limit(1)
    return rows[0]
  }

  async listTokens(clientIds: readonly string[]): Promise<ApiTokenRow[]> {
    if (clientIds.length === 0) return []
    return this.db
      .select()
      .from(apiToken)
      .where(inArray(apiToken.clientId, [...clientIds]))
      .orderBy(desc(apiToken.createdAt))
  }

  /** Make every live token of a client stop at `expiresAt` at the latest (rotation's grace period). */
  async expireLiveTokens(clientId: string, expiresAt: Date, now: Date): Promise<void> {
    await this.db
      .update(apiToken)
      .set({ expiresAt: sql`least(coalesce(${apiToken.expiresAt}, ${expiresAt.toISOString()}::timestamptz), ${expiresAt.toISOString()}::timestamptz)` })
      .where(and(eq(apiToken.clientId, clientId), isNull(apiToken.revokedAt), or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, now))))
  }

  /** Revoke a client and every token it has; false when it was already revoked. */
  async revokeClient(clientId: string, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(apiClient)
      .set({ revokedAt: now })
      .where(and(eq(apiClient.id, clientId), isNull(apiClient.revokedAt)))
      .returning({ id: apiClient.id })
    await this.db
      .update(apiToken)
      .set({ revokedAt: now })
      .where(and(eq(apiToken.clientId, clientId), isNull(apiToken.revokedAt)))
    return rows.length === 1
  }

  /** The live token with this hash and its client: neither revoked, the token not expired. */
  async findLiveToken(tokenHash: string, now: Date): Promise<{ token: ApiTokenRow; client: ApiClientRow } | undefined> {
    const rows = await this.db
      .select({ token: apiToken, client: apiClient })
      .from(apiToken)
      .innerJoin(apiClient, eq(apiClient.id, apiToken.clientId))
      .where(
        and(
          eq(apiToken.tokenHash, tokenHash),
          isNull(apiToken.revokedAt),
          isNull(apiClient.revokedAt),
          or(isNull(apiToken.expiresAt), gt(apiToken.expiresAt, now)),
        ),
      )
      .limit(1)
    return rows[0]
  }

  async touchToken(tokenId: string, now: Date): Promise<void> {
    await this.db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, tokenId))
  }
}
