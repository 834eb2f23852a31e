import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Db } from './database.ts'

const CHUNK = 20_000

/**
 * Insert many rows with one statement per chunk: each column travels as one array parameter and is unnested
 * server-side, so a chunk costs a single round trip on PostgreSQL and a single query on PGlite (about 100,000
 * rows a second either way, against a few thousand for row-at-a-time inserts). Columns are those present on
 * the first row; the rest take their defaults. Run it inside a transaction to make a load all-or-nothing.
 */
export async function bulkInsert<T extends PgTable>(db: Db, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return
  const first = rows[0] as Record<string, unknown>
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => first[key] !== undefined)
  const names = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(', '))
  const tableName = sql.raw(`"${getTableName(table)}"`)
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK) as Record<string, unknown>[]
    const arrays: SQL[] = columns.map(([key, column]) => {
      const type = column.getSQLType()
      const isJson = type === 'jsonb' || type === 'json'
      const values = chunk.map(row => {
        const value = row[key]
        if (value === undefined || value === null) return null
        if (isJson) return JSON.stringify(value)
        if (value instanceof Date) return value.toISOString()
        return value
      })
      return sql`${sql.param(values)}::${sql.raw(type)}[]`
    })
    await db.execute(sql`insert into ${tableName} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`)
  }
}
