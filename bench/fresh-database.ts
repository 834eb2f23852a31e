import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import pg from 'pg'
import { openDatabase, type Database, type Engine } from '../src/platform/db/index.ts'

/** Run benchmark work on a throw-away database: a new embedded data folder, or a new database on DATABASE_URL. */
export async function withFreshDatabase<T>(engine: Engine, work: (database: Database) => Promise<T>): Promise<T> {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync('/tmp/sightline-bench-')
    const database = await openDatabase({ engine: 'pglite', dataDir })
    try {
      return await work(database)
    } finally {
      await database.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) throw new Error('Set DATABASE_URL to a PostgreSQL server to benchmark the postgres engine')
  const name = `sightline_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await openDatabase({ engine: 'postgres', url: url.toString() })
  try {
    return await work(database)
  } finally {
    await database.close()
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

