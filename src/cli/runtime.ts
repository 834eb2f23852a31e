import { readFileSync } from 'node:fs'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { loadConfig, type Config } from '../platform/config/index.ts'
import { openDatabase, type Database } from '../platform/db/index.ts'
import { UsageError } from './cli-error.ts'

export const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

/**
 * Parse a subcommand's options strictly: an unknown option is a usage error, and so is a stray argument
 * unless the command takes file names (allowPositionals).
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals })
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''))
  }
}

export function positiveInteger(name: string, value: string | undefined, fallback: number, max = 10_000_000): number {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not '${value}'`)
  }
  return Number(value)
}

export function configFromEnvironment(overrides: Record<string, string | undefined> = {}): Config {
  // Only this entry point hands the process environment to the config schema.
  return loadConfig({ ...process.env, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) })
}

/** The embedded database in SIGHTLINE_DATA_DIR, or PostgreSQL when DATABASE_URL is set. */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl })
    : openDatabase({ engine: 'pglite', dataDir: config.dataDir })
}

export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded database in ${config.dataDir}`
  const url = new URL(config.databaseUrl)
  return `PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`
}
