import { createHmac, randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Actor } from '../access/index.ts'
import { sameToken, type AuthService, type SignedInAccount } from '../auth/index.ts'
import { CsrfError } from '../errors/index.ts'

export const SESSION_COOKIE = 'sightline_session'
const ANONYMOUS_COOKIE = 'sightline_csrf'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type SessionOptions = {
  auth: AuthService
  /** Turns a signed-in account into an actor (adds the practitioner's agency and team). */
  resolveActor: (account: SignedInAccount) => Promise<Actor>
  secret: string
  cookieSecure: boolean
}

const skipsSession = (url: string) => url.startsWith('/assets/') || url.startsWith('/health/')

export function cookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure }
}

/**
 * Server-side sessions and CSRF protection. A signed-in request carries its session's secret CSRF token; an
 * anonymous one (the sign-in form) a token derived from a random cookie with the server secret. Every unsafe
 * request to a page route must echo the token in `_csrf` (or the X-CSRF-Token header) or it is refused
 * before any handler runs. The partner API is authenticated by tokens, not cookies, so it is exempt.
 */
export function registerSessions(app: FastifyInstance, options: SessionOptions): void {
  app.decorateRequest('actor', undefined)
  app.decorateRequest('csrfToken', '')

  app.addHook('onRequest', async (request, reply) => {
    if (skipsSession(request.url)) return
    const token = request.cookies[SESSION_COOKIE]
    if (token) {
      const active = await options.auth.resumeSession(token)
      if (active) {
        request.actor = await options.resolveActor(active)
        request.csrfToken = active.csrfToken
        return
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
    }
    let anonymous = request.cookies[ANONYMOUS_COOKIE]
    if (!anonymous || !/^[A-Za-z0-9_-]{22,64}$/.test(anonymous)) {
      anonymous = randomBytes(18).toString('base64url')
      reply.setCookie(ANONYMOUS_COOKIE, anonymous, cookieOptions(options.cookieSecure))
    }
    request.csrfToken = createHmac('sha256', options.secret).update(anonymous).digest('base64url')
  })

  app.addHook('preValidation', async request => {
    if (SAFE_METHODS.has(request.method) || request.url.startsWith('/api/') || skipsSession(request.url)) return
    const body = request.body as Record<string, unknown> | undefined
    const sent = typeof body?._csrf === 'string' ? body._csrf : request.headers['x-csrf-token']
    if (typeof sent !== 'string' || !request.csrfToken || !sameToken(sent, request.csrfToken)) throw new CsrfError()
  })
}

/** Sign a practitioner in: a brand-new session id (no fixation), cookie set, anonymous cookie dropped. */
export async function signIn(reply: FastifyReply, auth: AuthService, accountId: string, secure: boolean): Promise<void> {
  const token = await auth.startSession(accountId)
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(secure))
  reply.clearCookie(ANONYMOUS_COOKIE, { path: '/' })
}

export async function signOut(request: FastifyRequest, reply: FastifyReply, auth: AuthService): Promise<void> {
  const token = request.cookies[SESSION_COOKIE]
  if (token) await auth.endSession(token)
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}
