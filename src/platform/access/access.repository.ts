import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../db/index.ts'
import { accountRole } from '../auth/auth.tables.ts'
import { role, rolePermission } from './access.tables.ts'

export class AccessRepository {
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  with(db: Db): AccessRepository {
    return new AccessRepository(db)
  }

  async upsertRoles(roles: { id: string; name: string; description: string; permissions: string[] }[]): Promise<void> {
    if (roles.length === 0) return
    await this.db
      .insert(role)
      .values(roles.map(r => ({ id: r.id, name: r.name, description: r.description })))
      .onConflictDoUpdate({ target: role.id, set: { name: sql`excluded.name`, description: sql`excluded.description` } })
    const grants = roles.flatMap(r => r.permissions.map(permission => ({ roleId: r.id, permission })))
    if (grants.length > 0) await this.db.insert(rolePermission).values(grants).onConflictDoNothing()
  }

  async listPermissions(roleIds: readonly string[]): Promise<string[]> {
    if (roleIds.length === 0) return []
    const rows = await this.db
      .selectDistinct({ permission: rolePermission.permission })
      .from(rolePermission)
      .where(inArray(rolePermission.roleId, [...roleIds]))
    return rows.map(r => r.permission)
  }

  /** Of these accounts, those holding the role (e.g. the team managers among an agency's practitioners). */
  async accountsWithRole(roleId: string, accountIds: readonly string[]): Promise<string[]> {
    if (accountIds.length === 0) return []
    const rows = await this.db
      .select({ accountId: accountRole.accountId })
      .from(accountRole)
      .where(and(eq(accountRole.roleId, roleId), inArray(accountRole.accountId, [...accountIds])))
    return rows.map(r => r.accountId)
  }

  async listRoles(): Promise<{ id: string; name: string; description: string }[]> {
    return this.db.select().from(role).orderBy(role.id)
  }
}
