import type { CookieSerializeOptions } from '@fastify/cookie'
import type { FastifyInstance } from 'fastify'
import { NotFoundError } from '../errors/index.ts'
import { safeReturnTo } from '../http/route-access.ts'
import { sessionToken, setSession } from '../http/session.ts'
import type { AuthService } from './auth.service.ts'
import type { OidcRefusal, OidcService } from './oidc.service.ts'

const STATE_COOKIE = 'sightline_oidc'
const refusedPage = 'platform/auth/views/oidc-refused.njk'

const refusals: Record<OidcRefusal, { status: number; title: string; paragraphs: (provider: string) => string[] }> = {
  unknown: {
    status: 403,
    title: 'There is no Sightline account for you',
    paragraphs: provider => [
      `You signed in with ${provider}, but no Sightline account belongs to that identity. Sightline does not create accounts when you first sign in.`,
      'Ask your agency’s Sightline administrator to set up an account for you with the same email address.',
    ],
  },
  disabled: {
    status: 403,
    title: 'Your Sightline account is not active',
    paragraphs: () => ['Your account has been turned off. If you think this is wrong, contact your agency’s Sightline administrator.'],
  },
  agency: {
    status: 403,
    title: 'Your agency does not match your Sightline account',
    paragraphs: provider => [
      `${provider} says you work for a different agency from the one your Sightline account belongs to, so you cannot sign in this way.`,
      'Contact your agency’s Sightline administrator to correct your account.',
    ],
  },
  'other-account': {
    status: 403,
    title: 'You confirmed as someone else',
    paragraphs: provider => [`The identity you confirmed with ${provider} is not the person signed in to Sightline. Sign out, then sign in as yourself.`],
  },
  expired: {
    status: 400,
    title: 'Your sign-in timed out',
    paragraphs: () => ['Signing in took too long, or was started in another browser. Start again from the sign-in page.'],
  },
  failed: {
    status: 400,
    title: 'Sorry, signing in did not work',
    paragraphs: provider => [`Sightline could not complete signing in with ${provider}. Try again, or sign in with your Sightline password.`],
  },
}

/**
 * OpenID Connect sign-in: `/sign-in/oidc` sends the browser to the provider (keeping the flow's secrets in a
 * sealed cookie), `/sign-in/oidc/callback` takes it back. With `reauthenticate=1` a signed-in practitioner
 * confirms who they are at the provider instead of signing in. Both answer 404 when OIDC is not configured.
 */
export function oidcRoutes(app: FastifyInstance, deps: { oidc: OidcService | undefined; auth: AuthService; cookieSecure: boolean; stateCookie: CookieSerializeOptions }): void {
  const { oidc } = deps

  app.get('/sign-in/oidc', { config: { access: 'public' } }, async (request, reply) => {
    if (!oidc) throw new NotFoundError('Page')
    const query = request.query as Record<string, unknown>
    const returnTo = safeReturnTo(query.returnTo)
    const reauthenticate = query.reauthenticate === '1' && request.actor?.kind === 'practitioner'
    if (request.actor && !reauthenticate) return reply.redirect(returnTo)
    let started: { url: string; sealedState: string }
    try {
      started = await oidc.begin(returnTo, reauthenticate ? 'reauthenticate' : 'sign-in')
    } catch (error) {
      request.log.warn({ err: error }, 'identity provider unreachable')
      const refusal = refusals.failed
      return reply.status(503).page(refusedPage, { pageTitle: refusal.title, paragraphs: refusal.paragraphs(oidc.providerName) })
    }
    reply.setCookie(STATE_COOKIE, started.sealedState, deps.stateCookie)
    return reply.redirect(started.url)
  })

  app.get('/sign-in/oidc/callback', { config: { access: 'public' } }, async (request, reply) => {
    if (!oidc) throw new NotFoundError('Page')
    const sealed = request.cookies[STATE_COOKIE]
    reply.clearCookie(STATE_COOKIE, { path: deps.stateCookie.path ?? '/' })
    const token = sessionToken(request)
    const current = token && request.actor?.accountId ? { token, accountId: request.actor.accountId } : undefined
    const at = request.url.indexOf('?')
    const result = await oidc.finish(at < 0 ? '' : request.url.slice(at), sealed, current, { actor: request.actor, requestId: request.id })
    switch (result.outcome) {
      case 'signed-in':
        await setSession(reply, deps.auth, result.token, deps.cookieSecure)
        request.log.info({ accountId: result.accountId }, 'signed in with the identity provider')
        return reply.redirect(result.returnTo, 303)
      case 'reauthenticated':
        request.log.info({ accountId: result.accountId }, 're-authenticated with the identity provider')
        return reply.redirect(result.returnTo, 303)
      case 'refused': {
        const error = result.error as { name?: string; code?: string; error?: string } | undefined
        request.log.info({ reason: result.reason, error: error ? { name: error.name, code: error.code, error: error.error } : undefined }, 'identity provider sign-in refused')
        const refusal = refusals[result.reason]
        return reply.status(refusal.status).page(refusedPage, { pageTitle: refusal.title, paragraphs: refusal.paragraphs(oidc.providerName) })
      }
    }
  })
}
