import type { FastifyInstance } from 'fastify'
import { ApiScope, can, Permission } from '../access/index.ts'
import { ForbiddenError, UnauthorisedError } from '../errors/index.ts'
import type { RouteAccess } from './fastify-types.ts'

/** Paths a signed-out person is sent back to after signing in must be local to this service. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%+]*$/.test(value) ? value : '/'
}

/**
 * Deny by default: every route must declare its access in `config.access`, or the server refuses to start.
 * Signed-out visitors to a page are sent to sign in; API callers get 401; missing permissions get 403.
 */
export function registerRouteAccess(app: FastifyInstance): DeclaredRoute[] {
  const declared: DeclaredRoute[] = []
  app.addHook('onRoute', route => {
    if (route.url.startsWith('/assets/') && !route.config?.access) {
      route.config = { ...route.config, access: 'public' }
      return
    }
    const access = route.config?.access
    if (access === undefined) throw new Error(`Route ${String(route.method)} ${route.url} does not declare its access`)
    const isScope = access.startsWith('api:') && ApiScope.safeParse(access.slice(4)).success
    if (access !== 'public' && access !== 'signed-in' && !isScope && !Permission.safeParse(access).success) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares an unknown access '${access}'`)
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') declared.push({ method, url: route.url, access })
    }
  })

  app.addHook('preHandler', async (request, reply) => {
    if (request.is404) return
    const access = request.routeOptions.config.access
    if (access === 'public') return
    if (access?.startsWith('api:')) {
      // Partner API: only an API client's bearer token with the scope will do; a browser session will not.
      if (request.actor?.kind !== 'api-client') throw new UnauthorisedError('Send an API client token: Authorization: Bearer <token>')
      if (!request.actor.scopes.has(access.slice(4))) throw new ForbiddenError(`This API client does not have the scope ${access.slice(4)}`)
      return
    }
    if (!request.actor || request.actor.kind !== 'practitioner') {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) {
        return reply.redirect(`/sign-in?returnTo=${encodeURIComponent(safeReturnTo(request.url))}`)
      }
      throw new UnauthorisedError()
    }
    if (access !== 'signed-in' && (access === undefined || !can(request.actor, access as Permission))) throw new ForbiddenError()
  })
  return declared
}

export type DeclaredRoute = { method: string; url: string; access: RouteAccess }
