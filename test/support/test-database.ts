import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openDatabase, type Database, type Engine } from '../../src/platform/db/index.ts'

/** The engines database tests run on: always the embedded one, and PostgreSQL whenever DATABASE_URL is set. */
export function testEngines(): Engine[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
}

/**
 * A fresh, migrated database for one test file: PGlite in memory, or a new database on the PostgreSQL server
 * of DATABASE_URL, dropped again on close.
 */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const database = await openDatabase({ engine: 'pglite' })
    await database.migrate()
    return database
  }
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) throw new Error('DATABASE_URL is not set')
  const name = `sightline_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 })
  await database.migrate()
  return {
    ...database,
    async close() {
      await database.close()
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      await cleanup.query(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}
