import type { FastifyInstance } from 'fastify'
import type { Actor } from '../access/index.ts'
import type { ApiClientIdentity } from '../auth/index.ts'
import { UnauthorisedError } from '../errors/index.ts'
import { TokenBucketLimiter, TooManyRequestsError } from './rate-limit.ts'

export type ApiAuthenticationOptions = {
  /** The client behind a bearer token, or undefined when the token is not (or no longer) valid. */
  authenticate: (token: string) => Promise<ApiClientIdentity | undefined>
  limiter?: TokenBucketLimiter
  now?: () => number
}

export function apiClientActor(client: ApiClientIdentity): Actor {
  return {
    kind: 'api-client',
    accountId: undefined,
    apiClientId: client.clientId,
    scopes: new Set(client.scopes),
    authenticatedAt: undefined,
    displayName: client.name,
    email: '',
    roles: [],
    permissions: new Set(),
    practitionerId: undefined,
    agencyId: client.agencyId,
    agencyName: undefined,
    teamId: undefined,
  }
}

/**
 * Partner systems: a request under /api/ with `Authorization: Bearer <token>` acts as the token's API client
 * (its agency and scopes), held to the client's rate per minute by a token bucket. A token that is wrong,
 * expired or revoked is 401; over the rate is 429 with Retry-After. Without the header the request goes on
 * unauthenticated, and route access refuses it unless the route is public.
 */
export function registerApiAuthentication(app: FastifyInstance, options: ApiAuthenticationOptions): void {
  const limiter = options.limiter ?? new TokenBucketLimiter()
  const now = options.now ?? Date.now
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return
    const header = request.headers.authorization
    if (header === undefined) return
    const token = /^Bearer +(\S+) *$/i.exec(header)?.[1]
    const client = token ? await options.authenticate(token) : undefined
    if (!client) {
      reply.header('WWW-Authenticate', 'Bearer error="invalid_token"')
      throw new UnauthorisedError('The bearer token is not valid: it is wrong, expired or revoked')
    }
    const waitMs = limiter.take(client.clientId, client.ratePerMinute, now())
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000)
      reply.header('Retry-After', String(seconds))
      throw new TooManyRequestsError(seconds, `This API client may make ${client.ratePerMinute} requests a minute. Try again in ${seconds} seconds.`)
    }
    request.actor = apiClientActor(client)
  })
}
