import type { FastifyInstance } from 'fastify'
import { parseForm } from '../forms/index.ts'
import { safeReturnTo } from '../http/route-access.ts'
import { signIn, signOut } from '../http/session.ts'
import { SignInForm } from './auth.forms.ts'
import type { AuthService } from './auth.service.ts'

const WRONG = 'Enter a correct email address and password'

export function authRoutes(app: FastifyInstance, deps: { auth: AuthService; cookieSecure: boolean }): void {
  app.get('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>
    if (request.actor) return reply.redirect(safeReturnTo(query.returnTo))
    return reply.page('platform/auth/views/sign-in.njk', { values: {}, returnTo: safeReturnTo(query.returnTo) })
  })

  app.post('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const form = parseForm(SignInForm, request.body)
    const body = (request.body ?? {}) as Record<string, unknown>
    const values = { email: typeof body.email === 'string' ? body.email : '' }
    const returnTo = safeReturnTo(body.returnTo)
    if (!form.ok) return reply.status(400).page('platform/auth/views/sign-in.njk', { values, returnTo, ...form })
    const account = await deps.auth.verifyCredentials(form.data.email, form.data.password)
    if (!account) {
      request.log.info('sign-in refused')
      return reply.status(400).page('platform/auth/views/sign-in.njk', {
        values,
        returnTo,
        errors: { email: { text: WRONG } },
        errorList: [{ text: WRONG, href: '#email' }],
      })
    }
    await signIn(reply, deps.auth, account.accountId, deps.cookieSecure)
    request.log.info({ accountId: account.accountId }, 'signed in')
    return reply.redirect(returnTo, 303)
  })

  app.post('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    await signOut(request, reply, deps.auth)
    return reply.redirect('/sign-in?signedOut=1', 303)
  })
}
