export { Permission, RoleId, ApiScope, defaultRoles } from './permissions.ts'
export { can, requirePermission, type Actor } from './actor.ts'
export { AccessRepository } from './access.repository.ts'
