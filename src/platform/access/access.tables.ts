import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core'

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
