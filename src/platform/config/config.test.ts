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

  it('requires SESSION_SECRET in production', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET: must be set in production/)
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })
    assert.equal(config.cookieSecure, true)
  })
})
