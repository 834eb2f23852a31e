import type { Actor, ApiScope, Permission } from '../access/index.ts'

/**
 * Who may reach a route. Every route must say: a route without `access` is refused at start-up, so access is
 * deny-by-default. 'public' is for sign-in, health and assets; 'signed-in' for pages any practitioner may see;
 * a permission for the rest (services check again: routes are not the only guard); `api:<scope>` for partner
 * systems calling with a bearer token that carries the scope.
 */
export type RouteAccess = 'public' | 'signed-in' | Permission | `api:${ApiScope}`

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access, for the access-table test. */
    declaredRoutes: readonly { method: string; url: string; access: RouteAccess }[]
  }
  interface FastifyRequest {
    actor: Actor | undefined
    /** The token forms must echo in `_csrf`. */
    csrfToken: string
    cspNonce: string
  }
  interface FastifyContextConfig {
    access?: RouteAccess
  }
  interface FastifyReply {
    /** Render a page with the layout's context (actor, CSRF token, CSP nonce). */
    page(template: string, context?: Record<string, unknown>): FastifyReply
  }
}
