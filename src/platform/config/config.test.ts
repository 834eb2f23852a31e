import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, it } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('gives development defaults when nothing is set', () => {
    const config = loadConfig({})
    assert.equal(config.port, 3000)
    assert.equal(config.dataDir, path.resolve('./data'))
    assert.equal(config.databaseUrl, undefined)
    assert.equal(config.cookieSecure, false)
    assert.ok(Object.isFrozen(config))
  })

  it('reads PORT, SIGHTLINE_DATA_DIR and DATABASE_URL', () => {
    const config = loadConfig({ PORT: '8080', SIGHTLINE_DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://u:p@db:5432/s' })
    assert.equal(config.port, 8080)
    assert.equal(config.dataDir, '/tmp/x')
    assert.equal(config.databaseUrl, 'postgres://u:p@db:5432/s')
  })

  it('treats an empty DATABASE_URL as unset (embedded database)', () => {
    assert.equal(loadConfig({ DATABASE_URL: '  ' }).databaseUrl, undefined)
  })

  for (const [name, value, expected] of [
    ['PORT', 'eighty', 'PORT: must be a whole number between 0 and 65535'],
    ['PORT', '70000', 'PORT: must be a whole number between 0 and 65535'],
    ['DATABASE_URL', 'mysql://x/y', 'DATABASE_URL: must be a PostgreSQL URL'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL: must be one of'],
    ['COOKIE_SECURE', 'maybe', 'COOKIE_SECURE: must be true or false'],
  ] as const) {
    it(`names the bad variable when ${name}=${value}`, () => {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (error: unknown) => error instanceof ConfigError && error.variables.includes(name) && error.message.includes(expected),
      )
    })
  }

  it('protects sign-in by default: lockout after 5 failures for 15 minutes, 50 failures per address, MFA optional, no OIDC', () => {
    const config = loadConfig({})
    assert.deepEqual(config.signIn, { maxFailures: 5, lockoutMinutes: 15, maxFailuresPerAddress: 50 })
    assert.equal(config.requireMfa, false)
    assert.equal(config.oidc, undefined)
    assert.equal(loadConfig({ SIGHTLINE_REQUIRE_MFA: 'true' }).requireMfa, true)
  })

  for (const [name, value] of [
    ['SIGN_IN_MAX_FAILURES', '1'],
    ['SIGN_IN_MAX_FAILURES', '1000'],
    ['SIGN_IN_LOCKOUT_MINUTES', '0'],
    ['SIGN_IN_MAX_FAILURES_PER_ADDRESS', '2'],
    ['SIGHTLINE_REQUIRE_MFA', 'perhaps'],
  ] as const) {
    it(`keeps sign-in protection within safe bounds: refuses ${name}=${value}`, () => {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (error: unknown) => error instanceof ConfigError && error.variables.includes(name),
      )
    })
  }

  it('reads an OpenID Connect provider only when issuer, client id and redirect URI are all set', () => {
    const env = {
      OIDC_ISSUER: 'https://login.example.org/tenant/v2.0/',
      OIDC_CLIENT_ID: 'sightline',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_REDIRECT_URI: 'https://sightline.example.org/sign-in/oidc/callback',
      OIDC_AGENCY_CLAIM: 'agency_code',
    }
    const config = loadConfig(env)
    assert.equal(config.oidc?.issuer, 'https://login.example.org/tenant/v2.0')
    assert.equal(config.oidc?.emailClaim, 'email')
    assert.equal(config.oidc?.agencyClaim, 'agency_code')
    assert.equal(config.oidc?.scopes, 'openid email profile')
    assert.throws(() => loadConfig({ ...env, OIDC_CLIENT_ID: '' }), (error: unknown) => error instanceof ConfigError && error.variables.includes('OIDC_CLIENT_ID'))
    assert.throws(
      () => loadConfig({ ...env, OIDC_REDIRECT_URI: 'https://sightline.example.org/callback' }),
      /OIDC_REDIRECT_URI: must be a URL ending \/sign-in\/oidc\/callback/,
    )
  })

  it('requires an https issuer, except a loopback one in tests', () => {
    const env = { OIDC_ISSUER: 'http://127.0.0.1:9999', OIDC_CLIENT_ID: 'x', OIDC_REDIRECT_URI: 'http://localhost/sign-in/oidc/callback' }
    assert.throws(() => loadConfig({ ...env, NODE_ENV: 'development' }), /OIDC_ISSUER: must be an https:\/\/ URL/)
    assert.throws(() => loadConfig({ ...env, OIDC_ISSUER: 'http://idp.example.org', NODE_ENV: 'test' }), /OIDC_ISSUER: must be an https:\/\/ URL/)
    assert.equal(loadConfig({ ...env, NODE_ENV: 'test' }).oidc?.issuer, 'http://127.0.0.1:9999')
  })

  it('requires SESSION_SECRET in production', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET: must be set in production/)
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })
    assert.equal(config.cookieSecure, true)
  })
})
