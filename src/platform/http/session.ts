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
  /** SIGHTLINE_REQUIRE_MFA: a practitioner without multi-factor sign-in is sent to set it up before anything else. */
  requireMfa?: boolean
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when the session has a correct password but not yet its second factor (the request is not signed in). */
    pendingSignIn: { accountId: string } | undefined
  }
}

/** Where a practitioner sets up multi-factor sign-in, and the paths they may use before they have. */
export const ENROLMENT_PATH = '/account/security'
const allowedBeforeEnrolment = (path: string) => path === ENROLMENT_PATH || path === '/sign-out' || path.startsWith('/sign-in')

const skipsSession = (url: string) => url.startsWith('/assets/') || url.startsWith('/health/')
/** A partner system's call with a bearer token: it has no session, and needs no cookie. */
const isBearerApiCall = (request: FastifyRequest) => request.url.startsWith('/api/') && /^Bearer\s/i.test(request.headers.authorization ?? '')

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
  app.decorateRequest('pendingSignIn', undefined)

  app.addHook('onRequest', async (request, reply) => {
    if (skipsSession(request.url) || isBearerApiCall(request)) return
    const token = request.cookies[SESSION_COOKIE]
    if (token) {
      const found = await options.auth.lookupSession(token)
      if (found?.kind === 'active') {
        request.actor = await options.resolveActor(found.session)
        request.csrfToken = found.session.csrfToken
        const path = request.url.split('?')[0] ?? ''
        if (options.requireMfa && !found.session.mfaEnabled && !request.url.startsWith('/api/') && !allowedBeforeEnrolment(path)) {
          return reply.redirect(ENROLMENT_PATH, request.method === 'GET' ? 302 : 303)
        }
        return
      }
      if (found?.kind === 'mfa-pending') {
        // Not signed in: the session may only send its code (and its form needs the session's CSRF token).
        request.pendingSignIn = { accountId: found.session.accountId }
        request.csrfToken = found.session.csrfToken
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

/**
 * Sign a practitioner in (or, with `mfaPending`, half in: password checked, code to come): a brand-new session id
 * (no fixation), any session the browser had ended, cookie set, anonymous cookie dropped.
 */
export async function signIn(reply: FastifyReply, auth: AuthService, accountId: string, secure: boolean, options: { mfaPending?: boolean } = {}): Promise<void> {
  const token = await auth.startSession(accountId, options)
  await setSession(reply, auth, token, secure)
}

/** Put a session started elsewhere (after a second factor or an identity provider) in the cookie, ending the old one. */
export async function setSession(reply: FastifyReply, auth: AuthService, token: string, secure: boolean): Promise<void> {
  const previous = reply.request.cookies[SESSION_COOKIE]
  if (previous && previous !== token) await auth.endSession(previous)
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(secure))
  reply.clearCookie(ANONYMOUS_COOKIE, { path: '/' })
}

/** The session cookie's value, for services that act on the current session (re-authentication). */
export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE]
}

export async function signOut(request: FastifyRequest, reply: FastifyReply, auth: AuthService): Promise<void> {
  const token = request.cookies[SESSION_COOKIE]
  if (token) await auth.endSession(token)
  reply.clearCookie(SESSION_COOKIE, { path: '/' })
}
