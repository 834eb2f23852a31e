import { ForbiddenError } from '../errors/index.ts'
import type { Permission } from './permissions.ts'

/**
 * Who is acting: a signed-in practitioner (kind 'practitioner', with an account) or a partner agency's system
 * (kind 'api-client', authenticated by a bearer token, with scopes instead of roles).
 */
export type Actor = Readonly<{
  kind: 'practitioner' | 'api-client'
  /** The sign-in account; undefined for an API client. */
  accountId: string | undefined
  /** The API client; undefined for a practitioner. */
  apiClientId: string | undefined
  /** API scopes (empty for practitioners). */
  scopes: ReadonlySet<string>
  /** When this session last checked the password (and second factor): sign-in or re-authentication. */
  authenticatedAt: Date | undefined
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
