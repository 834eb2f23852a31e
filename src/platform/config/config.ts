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

const WholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number between ${min} and ${max}` })
    .int(`must be a whole number between ${min} and ${max}`)
    .min(min, `must be a whole number between ${min} and ${max}`)
    .max(max, `must be a whole number between ${min} and ${max}`)

/** Text that is unset when empty or blank. */
const OptionalText = z
  .string()
  .optional()
  .transform(value => (value?.trim() ? value.trim() : undefined))

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
  // Sign-in protection: multi-factor sign-in, lockout, and a limit on failures from one address.
  SIGHTLINE_REQUIRE_MFA: Flag.default(false),
  SIGN_IN_MAX_FAILURES: WholeNumber(3, 20).default(5),
  SIGN_IN_LOCKOUT_MINUTES: WholeNumber(1, 24 * 60).default(15),
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: WholeNumber(10, 10_000).default(50),
  // Sign-in through an OpenID Connect identity provider (optional: unset, the sign-in page offers passwords only).
  OIDC_ISSUER: OptionalText.pipe(z.url({ error: 'must be the identity provider’s issuer URL' }).optional()),
  OIDC_CLIENT_ID: OptionalText,
  OIDC_CLIENT_SECRET: OptionalText,
  OIDC_REDIRECT_URI: OptionalText.pipe(
    z
      .url({ error: 'must be a URL ending /sign-in/oidc/callback' })
      .refine(value => new URL(value).pathname === '/sign-in/oidc/callback', 'must be a URL ending /sign-in/oidc/callback')
      .optional(),
  ),
  OIDC_SCOPES: OptionalText,
  OIDC_EMAIL_CLAIM: OptionalText,
  OIDC_AGENCY_CLAIM: OptionalText,
  OIDC_PROVIDER_NAME: OptionalText,
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
  requireMfa: boolean
  signIn: Readonly<{ maxFailures: number; lockoutMinutes: number; maxFailuresPerAddress: number }>
  /** Set when an OpenID Connect provider is configured. */
  oidc: OidcConfig | undefined
}>

export type OidcConfig = Readonly<{
  issuer: string
  clientId: string
  /** Unset for a public client (PKCE only). */
  clientSecret: string | undefined
  redirectUri: string
  scopes: string
  /** The claim holding the practitioner's email (it must be verified: email_verified true). */
  emailClaim: string
  /** The claim naming the practitioner's agency (its code or id); unset, the agency is not checked. */
  agencyClaim: string | undefined
  /** How the sign-in page names the provider. */
  providerName: string
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
  const oidc = oidcConfig(e)
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
    requireMfa: e.SIGHTLINE_REQUIRE_MFA,
    signIn: Object.freeze({
      maxFailures: e.SIGN_IN_MAX_FAILURES,
      lockoutMinutes: e.SIGN_IN_LOCKOUT_MINUTES,
      maxFailuresPerAddress: e.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
    }),
    oidc,
  })
}

const isLoopback = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'

/** OIDC is all or nothing: issuer, client id and redirect URI together, over HTTPS (plain HTTP on loopback in tests only). */
function oidcConfig(e: Environment): OidcConfig | undefined {
  const required = { OIDC_ISSUER: e.OIDC_ISSUER, OIDC_CLIENT_ID: e.OIDC_CLIENT_ID, OIDC_REDIRECT_URI: e.OIDC_REDIRECT_URI }
  const missing = Object.entries(required).filter(([, value]) => value === undefined).map(([name]) => name)
  if (missing.length === 3) return undefined
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${missing.map(name => `  ${name}: must be set with the other OIDC_ variables`).join('\n')}`, missing)
  }
  const issuer = new URL(e.OIDC_ISSUER!)
  if (issuer.protocol !== 'https:' && !(e.NODE_ENV === 'test' && issuer.protocol === 'http:' && isLoopback(issuer))) {
    throw new ConfigError('Invalid configuration:\n  OIDC_ISSUER: must be an https:// URL', ['OIDC_ISSUER'])
  }
  return Object.freeze({
    issuer: e.OIDC_ISSUER!.replace(/\/$/, ''),
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET,
    redirectUri: e.OIDC_REDIRECT_URI!,
    scopes: e.OIDC_SCOPES ?? 'openid email profile',
    emailClaim: e.OIDC_EMAIL_CLAIM ?? 'email',
    agencyClaim: e.OIDC_AGENCY_CLAIM,
    providerName: e.OIDC_PROVIDER_NAME ?? 'your organisation’s account',
  })
}
