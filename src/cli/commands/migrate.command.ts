import { createServices } from '../../composition.ts'
import type { Command } from '../cli-error.ts'
import { configFromEnvironment, describeDatabase, openConfiguredDatabase, parseOptions } from '../runtime.ts'

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply the committed database migrations and the default roles',
  usage: `Usage: sightline migrate

Brings the database up to date: applies every committed migration in db/migrations that has not run yet,
then writes the default roles. Safe to run again; two servers migrating at once wait for each other.

Uses the embedded database in SIGHTLINE_DATA_DIR (default ./data), or PostgreSQL when DATABASE_URL is set.`,
  async run(args) {
    const { values } = parseOptions(args, {})
    if (values.help) {
      console.log(this.usage)
      return 0
    }
    const config = configFromEnvironment()
    const database = await openConfiguredDatabase(config)
    try {
      const started = performance.now()
      await createServices(config, database).prepareDatabase()
      console.log(`Migrated the ${describeDatabase(config)} in ${Math.round(performance.now() - started)} ms.`)
      return 0
    } finally {
      await database.close()
    }
  },
}
