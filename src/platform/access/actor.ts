import { ForbiddenError } from '../errors/index.ts'
import type { Permission } from './permissions.ts'

/** Who is acting: a signed-in practitioner (or, later, a partner system). */
export type Actor = Readonly<{
  accountId: string
  displayName: string
  email: string
  roles: readonly string[]
  permissions: ReadonlySet<string>
  practitionerId: string | undefined
  agencyId: string | undefined
  agencyName: string | undefined
  teamId: string | undefined
}>

export function can(actor: Actor | undefined, permission: Permission): boolean {
  return actor !== undefined && actor.permissions.has(permission)
}

/** Services call this before they do anything: access is checked in services, not only routes. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new ForbiddenError()
}
