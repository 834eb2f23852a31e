import path from 'node:path'
import * as z from 'zod'

const Port = z.coerce
  .number({ error: 'must be a whole number between 0 and 65535' })
  .int('must be a whole number between 0 and 65535')
  .min(0, 'must be a whole number between 0 and 65535')
  .max(65535, 'must be a whole number between 0 and 65535')

const DatabaseUrl = z
  .string()
  .trim()
  .refine(value => /^postgres(ql)?:\/\/[^/]+/.test(value), {
    message: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/sightline',
  })

const Flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform(value => value === 'true' || value === '1' || value === 'yes')

/** Every environment variable Sightline reads, in one schema. Only this file reads process.env. */
export const Environment = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production'], { error: 'must be development, test or production' }).default('development'),
  PORT: Port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  SIGHTLINE_DATA_DIR: z.string().trim().min(1, 'must name a folder').default('./data'),
  DATABASE_URL: z
    .string()
    .optional()
    .transform(value => (value?.trim() ? value.trim() : undefined))
    .pipe(DatabaseUrl.optional()),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number({ error: 'must be a number of minutes' }).int().min(1).max(24 * 60).default(30),
  COOKIE_SECURE: Flag.optional(),
  SIGHTLINE_DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').default('sightline-demo-2026'),
})
export type Environment = z.infer<typeof Environment>

export type Config = Readonly<{
  env: Environment['NODE_ENV']
  port: number
  host: string
  logLevel: Environment['LOG_LEVEL']
  dataDir: string
  databaseUrl: string | undefined
  sessionSecret: string | undefined
  sessionIdleMinutes: number
  cookieSecure: boolean
  demoPassword: string
}>

export class ConfigError extends Error {
  readonly variables: string[]
  constructor(message: string, variables: string[]) {
    super(message)
    this.name = 'ConfigError'
    this.variables = variables
  }
}

/** Parse the environment into a frozen Config, or throw a ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = Environment.safeParse(env)
  if (!parsed.success) {
    const variables: string[] = []
    const lines = parsed.error.issues.map(issue => {
      const name = String(issue.path[0] ?? 'environment')
      variables.push(name)
      return `  ${name}: ${issue.message}`
    })
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`, variables)
  }
  const e = parsed.data
  if (e.NODE_ENV === 'production' && !e.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: must be set in production (at least 32 characters)', [
      'SESSION_SECRET',
    ])
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    dataDir: path.resolve(e.SIGHTLINE_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    sessionSecret: e.SESSION_SECRET,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    demoPassword: e.SIGHTLINE_DEMO_PASSWORD,
  })
}
