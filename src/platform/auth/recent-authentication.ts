import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../access/index.ts'
import { safeReturnTo } from '../http/route-access.ts'

export const RE_AUTHENTICATE_PATH = '/re-authenticate'

/** True when the actor is a practitioner whose session checked the password (and second factor) within `withinMinutes`. */
export function isRecentlyAuthenticated(actor: Actor | undefined, withinMinutes: number, now: Date = new Date()): boolean {
  if (actor?.kind !== 'practitioner' || !actor.authenticatedAt) return false
  const age = now.getTime() - actor.authenticatedAt.getTime()
  return age >= -60_000 && age <= withinMinutes * 60_000
}

/** The page that asks for the password again, then goes back to `returnTo` (a local path; anything else goes home). */
export function reAuthenticationPath(returnTo: string): string {
  return `${RE_AUTHENTICATE_PATH}?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`
}

/**
 * For a route handler about to do something that needs a fresh check of who is there (break glass): true when the
 * session authenticated within `withinMinutes`; otherwise it redirects to the re-authentication page (which
 * comes back to `returnTo`) and returns false, and the handler must return the reply at once:
 *
 *     if (!requireRecentAuthentication(request, reply, 5, { returnTo: `/children/${id}/break-glass` })) return reply
 *
 * `returnTo` defaults to the current URL, which suits a GET. For a POST give the page of its form: the posted
 * fields cannot survive the detour.
 */
export function requireRecentAuthentication(
  request: FastifyRequest,
  reply: FastifyReply,
  withinMinutes: number,
  options: { returnTo?: string; now?: Date } = {},
): boolean {
  if (isRecentlyAuthenticated(request.actor, withinMinutes, options.now)) return true
  void reply.redirect(reAuthenticationPath(options.returnTo ?? request.url), request.method === 'GET' ? 302 : 303)
  return false
}
