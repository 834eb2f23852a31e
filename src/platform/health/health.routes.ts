import type { FastifyInstance } from 'fastify'
import { appliedMigrationCount, type Database } from '../db/index.ts'

/** Liveness (the process answers) and readiness (the database answers and is fully migrated). */
export function healthRoutes(app: FastifyInstance, deps: { database: Database; expectedMigrations: number; version: string }): void {
  app.get('/health/live', { config: { access: 'public' }, logLevel: 'warn' }, async () => ({ status: 'up', version: deps.version }))

  app.get('/health/ready', { config: { access: 'public' }, logLevel: 'warn' }, async (_request, reply) => {
    const started = performance.now()
    try {
      await deps.database.ping()
      const applied = await appliedMigrationCount(deps.database)
      const migrated = applied >= deps.expectedMigrations
      return reply.status(migrated ? 200 : 503).send({
        status: migrated ? 'up' : 'down',
        version: deps.version,
        components: {
          database: { status: 'up', engine: deps.database.engine, ms: Math.round(performance.now() - started) },
          migrations: { status: migrated ? 'up' : 'down', applied, expected: deps.expectedMigrations },
        },
      })
    } catch {
      return reply.status(503).send({ status: 'down', version: deps.version, components: { database: { status: 'down', engine: deps.database.engine } } })
    }
  })
}
