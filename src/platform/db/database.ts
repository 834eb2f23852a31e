import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { sql, type SQL } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts'

/** A Drizzle connection or transaction. Repositories take this, so they run inside a caller's transaction. */
export type Db = PgDatabase<PgQueryResultHKT>

export const migrationsFolder = fileURLToPath(new URL('../../../db/migrations', import.meta.url))

export type Engine = 'pglite' | 'postgres'

export type Database = {
  readonly engine: Engine
  readonly db: Db
  /** Apply every committed migration that has not run yet. */
  migrate(): Promise<void>
  /** Throws when the database cannot answer. */
  ping(): Promise<void>
  /** Rows of a raw SQL statement, the same shape on both engines. */
  rows<T>(query: SQL): Promise<T[]>
  close(): Promise<void>
}

export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'DatabaseUnavailableError'
  }
}

export type DatabaseOptions =
  | { engine: 'pglite'; dataDir?: string | undefined } // no dataDir: in memory (tests)
  | { engine: 'postgres'; url: string; poolSize?: number }

/** Describe a PostgreSQL URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`
  } catch {
    return 'the configured DATABASE_URL'
  }
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  let lock: DataDirLock | undefined
  let client: PGlite
  if (dataDir) {
    lock = lockDataDir(dataDir)
    try {
      const pgDir = path.join(dataDir, 'pglite')
      mkdirSync(pgDir, { recursive: true })
      client = await PGlite.create(pgDir)
    } catch (error) {
      lock.release()
      throw new DatabaseUnavailableError(`Could not open the embedded database in ${dataDir}: ${(error as Error).message}`, {
        cause: error,
      })
    }
  } else {
    client = await PGlite.create()
  }
  const db = drizzlePglite(client) as unknown as Db
  return {
    engine: 'pglite',
    db,
    async migrate() {
      await migratePglite(drizzlePglite(client), { migrationsFolder })
    },
    async ping() {
      await client.query('select 1')
    },
    async rows<T>(query: SQL) {
      return rowsOf<T>(await db.execute(query))
    },
    async close() {
      try {
        if (!client.closed) await client.close()
      } finally {
        lock?.release()
      }
    },
  }
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 })
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight see their own error.
  })
  try {
    await pool.query('select 1')
  } catch (error) {
    await pool.end().catch(() => undefined)
    const code = (error as NodeJS.ErrnoException).code
    throw new DatabaseUnavailableError(
      `Cannot reach the PostgreSQL database at ${describeUrl(url)}${code ? ` (${code})` : ''}: ${(error as Error).message}. ` +
        'Check DATABASE_URL and that the server is running.',
      { cause: error },
    )
  }
  const db = drizzlePg(pool) as unknown as Db
  return {
    engine: 'postgres',
    db,
    async migrate() {
      // Two servers starting together must not both migrate: hold an advisory lock while migrating.
      const client = await pool.connect()
      try {
        await client.query('select pg_advisory_lock(74160829)')
        await migratePg(drizzlePg(client), { migrationsFolder })
      } finally {
        await client.query('select pg_advisory_unlock(74160829)').catch(() => undefined)
        client.release()
      }
    },
    async ping() {
      await pool.query('select 1')
    },
    async rows<T>(query: SQL) {
      return rowsOf<T>(await db.execute(query))
    },
    async close() {
      await pool.end()
    },
  }
}

/** node-postgres and PGlite both answer a raw statement with `{ rows }`; Drizzle's shared type does not say so. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.engine === 'pglite' ? openPglite(options.dataDir) : openPostgres(options.url, options.poolSize)
}

/** The pending-migration check used by readiness: how many committed migrations has this database applied? */
export async function appliedMigrationCount(database: Database): Promise<number> {
  const rows = await database.rows<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  )
  return rows[0]?.n ?? 0
}

/** How many migrations are committed in db/migrations (from drizzle-kit's journal). */
export function committedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }
  return journal.entries.length
}
