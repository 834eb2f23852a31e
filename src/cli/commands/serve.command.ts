import { createApp } from '../../app.ts'
import { createServices } from '../../composition.ts'
import { committedMigrationCount } from '../../platform/db/index.ts'
import { createLogger } from '../../platform/logging/index.ts'
import type { Command } from '../cli-error.ts'
import { createProgress } from '../progress.ts'
import { configFromEnvironment, describeDatabase, openConfiguredDatabase, parseOptions, positiveInteger, version } from '../runtime.ts'
import { printAccounts } from './seed.command.ts'

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the web service (pages and partner API)',
  usage: `Usage: sightline serve [--port N] [--host H] [--demo] [--children N]

Opens the database, applies any pending migrations and serves Sightline until stopped (SIGTERM or Ctrl-C
finishes the requests in flight, then closes the database).

Options:
  --port N       port to listen on (default: PORT, or 3000)
  --host H       address to listen on (default: HOST, or 127.0.0.1)
  --demo         when the database is empty, load the demo partnership first and list its accounts
  --children N   children in that demo partnership (default 2000)
  -h, --help     show this help`,
  async run(args) {
    const { values } = parseOptions(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean' },
      children: { type: 'string' },
    })
    if (values.help) {
      console.log(this.usage)
      return 0
    }
    const config = configFromEnvironment({ PORT: values.port, HOST: values.host })
    const children = positiveInteger('children', values.children, 2000)
    const started = performance.now()
    const logger = createLogger(config.logLevel)
    const database = await openConfiguredDatabase(config)
    let app: Awaited<ReturnType<typeof createApp>> | undefined
    let purgeTimer: NodeJS.Timeout | undefined
    try {
      const services = createServices(config, database)
      await services.prepareDatabase()
      let hasDemo = false
      if (values.demo) {
        if (await services.agencies.isEmpty()) {
          console.log(`The ${describeDatabase(config)} is empty: loading the demo partnership (${children} children).`)
          const progress = createProgress('Seeding')
          await services.demo.seed({ children, seed: 1, password: config.demoPassword, onProgress: (d, t, p) => progress.update(d, t, p) })
          progress.done()
        }
        hasDemo = true
      }
      app = await createApp(services, { logger, version, expectedMigrations: committedMigrationCount() })
      const purge = () => services.auth.purgeExpiredSessions().catch((error: unknown) => logger.warn({ err: error }, 'session purge failed'))
      await purge()
      purgeTimer = setInterval(() => void purge(), 60 * 60_000)
      purgeTimer.unref()
      const address = await app.listen({ port: config.port, host: config.host })
      const shown = address.replace('127.0.0.1', 'localhost')
      console.log(`\nSightline ${version} is running at ${shown} on the ${describeDatabase(config)} (ready in ${((performance.now() - started) / 1000).toFixed(1)} s).`)
      if (hasDemo) printAccounts(config.demoPassword)
      console.log('\nPress Ctrl-C to stop.')
    } catch (error) {
      await app?.close()
      await database.close()
      throw error
    }

    const running = app
    return new Promise<number>(resolve => {
      let stopping = false
      const stop = (signal: string) => {
        if (stopping) {
          logger.warn({ signal }, 'second signal: exiting at once')
          process.exit(1)
        }
        stopping = true
        clearInterval(purgeTimer)
        logger.info({ signal }, 'shutting down')
        void running
          .close()
          .then(() => database.close())
          .then(() => {
            logger.info('stopped')
            resolve(0)
          })
          .catch((error: unknown) => {
            logger.error({ err: error }, 'shutdown failed')
            resolve(1)
          })
      }
      process.once('SIGTERM', () => stop('SIGTERM'))
      process.once('SIGINT', () => stop('SIGINT'))
    })
  },
}
