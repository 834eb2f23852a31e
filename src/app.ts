import { randomBytes } from 'node:crypto'
import fastifyCookie from '@fastify/cookie'
import fastifyFormbody from '@fastify/formbody'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { Logger } from './platform/logging/index.ts'
import { authRoutes } from './platform/auth/auth.routes.ts'
import { registerErrorHandlers } from './platform/errors/index.ts'
import { healthRoutes } from './platform/health/health.routes.ts'
import './platform/http/fastify-types.ts'
import { OpenApiRegistry, openApiRoutes } from './platform/http/openapi.ts'
import { requestIdFrom } from './platform/http/request-id.ts'
import { registerRouteAccess } from './platform/http/route-access.ts'
import { registerSecurityHeaders } from './platform/http/security-headers.ts'
import { registerSessions } from './platform/http/session.ts'
import { registerApiAuthentication } from './platform/http/api-auth.ts'
import { registerAssets } from './platform/views/assets.ts'
import { createViewEnvironment, registerViews } from './platform/views/views.ts'
import { agencyAdminRoutes } from './modules/agencies/index.ts'
import { homeRoutes } from './modules/home/index.ts'
import { breakGlassRoutes, childApi, childRoutes } from './modules/people/index.ts'
import { notificationRoutes } from './modules/notifications/index.ts'
import { partnershipRoutes } from './modules/partnership/index.ts'
import { intakeApi, intakeRoutes } from './modules/intake/index.ts'
import { auditRoutes } from './platform/audit/index.ts'
import type { Services } from './composition.ts'

export type AppOptions = { logger: Logger; version: string; expectedMigrations: number }

/** The HTTP application: platform plugins in order, then every module's routes. */
export type App = FastifyInstance

export async function createApp(services: Services, options: AppOptions): Promise<App> {
  const { config } = services
  // Typed as Fastify's logger so the instance keeps Fastify's default generics.
  const loggerInstance: FastifyBaseLogger = options.logger
  const app = Fastify({
    loggerInstance,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: requestIdFrom,
    trustProxy: false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  })

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Request-Id', request.id)
    return payload
  })
  // One line per request: method, route pattern (never the raw URL), status, time. No personal data.
  app.addHook('onResponse', async (request, reply) => {
    if (request.url.startsWith('/assets/')) return
    request.log.info(
      { method: request.method, route: request.routeOptions.url ?? 'not-found', status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    )
  })

  registerSecurityHeaders(app, { hsts: config.cookieSecure })
  await app.register(fastifyCookie)
  await app.register(fastifyFormbody)
  registerViews(app, createViewEnvironment(), { serviceName: 'Sightline' })
  const routes = registerRouteAccess(app)
  registerSessions(app, {
    auth: services.auth,
    resolveActor: services.resolveActor,
    secret: config.sessionSecret ?? randomBytes(32).toString('hex'),
    cookieSecure: config.cookieSecure,
    requireMfa: config.requireMfa,
  })
  registerApiAuthentication(app, { authenticate: token => services.apiClients.authenticate(token) })
  registerErrorHandlers(app)

  registerAssets(app)
  healthRoutes(app, { database: services.database, expectedMigrations: options.expectedMigrations, version: options.version })
  const openApi = new OpenApiRegistry(options.version)
  openApiRoutes(app, openApi)
  authRoutes(app, {
    auth: services.auth,
    apiClients: services.apiClients,
    oidc: services.oidc,
    cookieSecure: config.cookieSecure,
    requireMfa: config.requireMfa,
    maxFailuresPerAddress: config.signIn.maxFailuresPerAddress,
  })
  homeRoutes(app, { notifications: services.notifications, childRecords: services.childRecords })
  childRoutes(app, { people: services.people, childRecords: services.childRecords, agencies: services.agencies })
  breakGlassRoutes(app, { childRecords: services.childRecords })
  childApi(app, { childRecords: services.childRecords, openApi })
  notificationRoutes(app, { notifications: services.notifications })
  auditRoutes(app, { auditSearch: services.auditSearch, listAgencies: () => services.agencies.listAgencies() })
  partnershipRoutes(app, { partnership: services.partnership })
  agencyAdminRoutes(app, { admin: services.agencyAdmin })
  intakeRoutes(app, { intake: services.intake })
  intakeApi(app, { intake: services.intake, openApi })

  app.decorate('declaredRoutes', routes)
  await app.ready()
  return app
}
