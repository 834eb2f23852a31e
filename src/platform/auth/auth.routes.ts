import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AuditContext } from '../audit/index.ts'
import { parseForm } from '../forms/index.ts'
import { SlidingWindowLimiter } from '../http/rate-limit.ts'
import { safeReturnTo } from '../http/route-access.ts'
import { cookieOptions, SESSION_COOKIE, sessionToken, setSession, signIn, signOut } from '../http/session.ts'
import { formatDateTime } from '../views/views.ts'
import { accountRoutes } from './account.routes.ts'
import { apiClientRoutes } from './api-client.routes.ts'
import type { ApiClientService } from './api-client.service.ts'
import { ReauthenticateForm, SignInCodeForm, SignInForm } from './auth.forms.ts'
import type { AuthService } from './auth.service.ts'
import { oidcRoutes } from './oidc.routes.ts'
import type { OidcService } from './oidc.service.ts'

const WRONG = 'Enter a correct email address and password'
const WRONG_CODE = 'Enter the code your authenticator app shows now, or an unused recovery code'
/** Failures from one address are counted over this window. */
const ADDRESS_WINDOW_MINUTES = 15

export type AuthRouteOptions = {
  auth: AuthService
  apiClients: ApiClientService
  oidc: OidcService | undefined
  cookieSecure: boolean
  requireMfa: boolean
  /** Failed sign-ins (passwords and codes, any account) one address may make in 15 minutes. */
  maxFailuresPerAddress: number
}

/** The lock message: the account is locked, and until when (rounded up to the minute, UK time). */
function lockedMessage(until: Date): string {
  const minute = new Date(Math.ceil(until.getTime() / 60_000) * 60_000)
  return `Your account is locked because of too many failed attempts to sign in. Try again after ${formatDateTime(minute)}.`
}

const auditContext = (request: FastifyRequest): AuditContext => ({ actor: request.actor, requestId: request.id })

const fieldError = (field: string, text: string) => ({ errors: { [field]: { text } }, errorList: [{ text, href: `#${field}` }] })

/**
 * Sign-in (password, then a code when the account has one), sign-out and re-authentication, plus the account
 * security pages, OpenID Connect and the API client administration, which live beside them.
 */
export function authRoutes(app: FastifyInstance, deps: AuthRouteOptions): void {
  const { auth, cookieSecure } = deps
  const failuresByAddress = new SlidingWindowLimiter(deps.maxFailuresPerAddress, ADDRESS_WINDOW_MINUTES * 60_000)
  const signInPage = 'platform/auth/views/sign-in.njk'
  const oidcProvider = deps.oidc?.providerName

  /** When this address has failed too often lately: the page saying so (429, with Retry-After), else undefined. */
  function refuseBusyAddress(request: FastifyRequest, reply: FastifyReply, template: string, field: string, context: Record<string, unknown>) {
    const waitMs = failuresByAddress.retryAfterMs(request.ip, Date.now())
    if (waitMs === 0) return undefined
    const minutes = Math.ceil(waitMs / 60_000)
    request.log.warn('sign-in refused: too many failures from this address')
    const text = `There have been too many failed attempts to sign in from your network. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`
    return reply
      .status(429)
      .header('Retry-After', String(Math.ceil(waitMs / 1000)))
      .page(template, { ...context, ...fieldError(field, text) })
  }
  const failedFrom = (request: FastifyRequest) => failuresByAddress.record(request.ip, Date.now())

  app.get('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>
    if (request.actor) return reply.redirect(safeReturnTo(query.returnTo))
    return reply.page(signInPage, { values: {}, returnTo: safeReturnTo(query.returnTo), timedOut: query.timedOut === '1', oidcProvider })
  })

  app.post('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const values = { email: typeof body.email === 'string' ? body.email : '' }
    const returnTo = safeReturnTo(body.returnTo)
    const context = { values, returnTo, oidcProvider }
    const busy = refuseBusyAddress(request, reply, signInPage, 'email', context)
    if (busy) return busy
    const form = parseForm(SignInForm, request.body)
    if (!form.ok) return reply.status(400).page(signInPage, { ...context, ...form })
    const result = await auth.attemptSignIn(form.data.email, form.data.password, auditContext(request))
    switch (result.outcome) {
      case 'wrong':
        failedFrom(request)
        request.log.info('sign-in refused')
        return reply.status(400).page(signInPage, { ...context, ...fieldError('email', WRONG) })
      case 'locked':
        failedFrom(request)
        request.log.info('sign-in refused: account locked')
        return reply.status(400).page(signInPage, { ...context, ...fieldError('email', lockedMessage(result.until)) })
      case 'code-required':
        await signIn(reply, auth, result.accountId, cookieSecure, { mfaPending: true })
        request.log.info({ accountId: result.accountId }, 'password accepted; code required')
        return reply.redirect(`/sign-in/code?returnTo=${encodeURIComponent(returnTo)}`, 303)
      case 'signed-in':
        await signIn(reply, auth, result.accountId, cookieSecure)
        request.log.info({ accountId: result.accountId }, 'signed in')
        return reply.redirect(returnTo, 303)
    }
  })

  const codePage = 'platform/auth/views/sign-in-code.njk'

  app.get('/sign-in/code', { config: { access: 'public' } }, async (request, reply) => {
    const returnTo = safeReturnTo((request.query as Record<string, unknown>).returnTo)
    if (request.actor) return reply.redirect(returnTo)
    if (!request.pendingSignIn) return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`)
    return reply.page(codePage, { returnTo })
  })

  app.post('/sign-in/code', { config: { access: 'public' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const returnTo = safeReturnTo(body.returnTo)
    const token = sessionToken(request)
    if (!request.pendingSignIn || !token) return reply.redirect(`/sign-in?timedOut=1&returnTo=${encodeURIComponent(returnTo)}`, 303)
    const busy = refuseBusyAddress(request, reply, codePage, 'code', { returnTo })
    if (busy) return busy
    const form = parseForm(SignInCodeForm, request.body)
    if (!form.ok) return reply.status(400).page(codePage, { returnTo, ...form })
    const result = await auth.completeSignIn(token, form.data.code, auditContext(request))
    switch (result.outcome) {
      case 'signed-in':
        await setSession(reply, auth, result.token, cookieSecure)
        request.log.info({ accountId: result.accountId }, 'signed in')
        return reply.redirect(returnTo, 303)
      case 'wrong':
        failedFrom(request)
        request.log.info('sign-in code refused')
        return reply.status(400).page(codePage, { returnTo, ...fieldError('code', WRONG_CODE) })
      case 'locked':
        failedFrom(request)
        request.log.info('sign-in code refused: account locked')
        reply.clearCookie(SESSION_COOKIE, { path: '/' })
        return reply.status(400).page(signInPage, { values: {}, returnTo, oidcProvider, ...fieldError('email', lockedMessage(result.until)) })
      case 'expired':
        reply.clearCookie(SESSION_COOKIE, { path: '/' })
        return reply.redirect(`/sign-in?timedOut=1&returnTo=${encodeURIComponent(returnTo)}`, 303)
    }
  })

  app.post('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    await signOut(request, reply, auth)
    return reply.redirect('/sign-in?signedOut=1', 303)
  })

  const reauthenticatePage = 'platform/auth/views/re-authenticate.njk'

  app.get('/re-authenticate', { config: { access: 'signed-in' } }, async (request, reply) => {
    const returnTo = safeReturnTo((request.query as Record<string, unknown>).returnTo)
    const status = await auth.mfaStatus(request.actor!.accountId!)
    return reply.page(reauthenticatePage, { returnTo, mfaEnabled: status.enabled, oidcProvider })
  })

  app.post('/re-authenticate', { config: { access: 'signed-in' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const returnTo = safeReturnTo(body.returnTo)
    const { enabled: mfaEnabled } = await auth.mfaStatus(request.actor!.accountId!)
    const context = { returnTo, mfaEnabled, oidcProvider }
    const busy = refuseBusyAddress(request, reply, reauthenticatePage, 'password', context)
    if (busy) return busy
    const form = parseForm(ReauthenticateForm, request.body)
    const missingCode = mfaEnabled && !(form.ok && form.data.code)
    if (!form.ok || missingCode) {
      const errors = { ...(form.ok ? {} : form.errors), ...(missingCode ? { code: { text: 'Enter the code from your authenticator app, or a recovery code' } } : {}) }
      const errorList = Object.entries(errors).map(([field, { text }]) => ({ text, href: `#${field}` }))
      return reply.status(400).page(reauthenticatePage, { ...context, errors, errorList })
    }
    const result = await auth.reauthenticate(sessionToken(request) ?? '', form.data.password, form.data.code, auditContext(request))
    switch (result.outcome) {
      case 'ok':
        request.log.info({ accountId: request.actor!.accountId }, 're-authenticated')
        return reply.redirect(returnTo, 303)
      case 'wrong':
        failedFrom(request)
        return reply
          .status(400)
          .page(reauthenticatePage, { ...context, ...fieldError(result.field, result.field === 'password' ? 'Enter your correct password' : WRONG_CODE) })
      case 'locked':
        failedFrom(request)
        return reply.status(400).page(reauthenticatePage, { ...context, ...fieldError('password', lockedMessage(result.until)) })
      case 'expired':
        return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(returnTo)}`, 303)
    }
  })

  accountRoutes(app, { auth, requireMfa: deps.requireMfa })
  oidcRoutes(app, { oidc: deps.oidc, auth, cookieSecure, stateCookie: { ...cookieOptions(cookieSecure), path: '/sign-in/oidc', maxAge: 600 } })
  apiClientRoutes(app, { apiClients: deps.apiClients })
}
