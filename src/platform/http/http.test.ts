import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { emailFor, signInAs, startTestApp, type TestApp } from '../../../test/support/test-app.ts'

describe('the HTTP platform', () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp('pglite')
  })
  after(() => t.close())

  it('sets security headers with a fresh CSP nonce that the page uses', async () => {
    const a = await t.app.inject({ method: 'GET', url: '/sign-in' })
    const b = await t.app.inject({ method: 'GET', url: '/sign-in' })
    const csp = String(a.headers['content-security-policy'])
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    assert.ok(nonce)
    assert.notEqual(csp, b.headers['content-security-policy'])
    assert.match(a.body, new RegExp(`<script nonce="${nonce.replace(/[+/]/g, c => `\\${c}`)}">`))
    assert.match(csp, /frame-ancestors 'none'/)
    assert.equal(a.headers['x-content-type-options'], 'nosniff')
    assert.equal(a.headers['x-frame-options'], 'DENY')
    assert.equal(a.headers['referrer-policy'], 'no-referrer')
    assert.equal(a.headers['cache-control'], 'no-store')
  })

  it('echoes a sane X-Request-Id and makes one otherwise', async () => {
    const given = await t.app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'partner-trace-0001' } })
    assert.equal(given.headers['x-request-id'], 'partner-trace-0001')
    const made = await t.app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'bad id with spaces' } })
    assert.match(String(made.headers['x-request-id']), /^[0-9a-f-]{36}$/)
  })

  it('reports liveness and readiness with the database checked', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/health/live' })
    assert.equal(live.statusCode, 200)
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' })
    assert.equal(ready.statusCode, 200)
    const body = ready.json<{ status: string; components: { database: { status: string }; migrations: { applied: number; expected: number } } }>()
    assert.equal(body.status, 'up')
    assert.equal(body.components.database.status, 'up')
    assert.equal(body.components.migrations.applied, body.components.migrations.expected)
  })

  it('serves the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    assert.equal(response.statusCode, 200)
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>()
    assert.equal(doc.openapi, '3.1.0')
    assert.ok(doc.paths['/api/v1/openapi.json'])
  })

  it('documents every partner API route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>()
    const apiRoutes = t.app.declaredRoutes.filter(r => r.url.startsWith('/api/'))
    assert.ok(apiRoutes.length >= 2)
    for (const route of apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}')
      assert.ok(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url} is missing from the OpenAPI document`)
    }
  })

  it('answers unknown API paths with problem+json and unknown pages with the GOV.UK page', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' })
    assert.equal(api.statusCode, 404)
    assert.match(String(api.headers['content-type']), /^application\/problem\+json/)
    const problem = api.json<{ status: number; instance: string; type: string }>()
    assert.equal(problem.status, 404)
    assert.equal(problem.instance, api.headers['x-request-id'])
    const browser = await signInAs(t.app, emailFor('social-worker'))
    const page = await t.app.inject({ method: 'GET', url: '/no-such-page', headers: { cookie: browser.cookie } })
    assert.equal(page.statusCode, 404)
    assert.match(page.body, /<h1 class="govuk-heading-l">Page not found<\/h1>/)
  })

  it('serves GOV.UK Frontend assets, with the system font in place of GDS Transport', async () => {
    const css = await t.app.inject({ method: 'GET', url: '/assets/sightline.css' })
    assert.equal(css.statusCode, 200)
    assert.ok(!css.body.includes('GDS Transport'))
    assert.match(css.body, /system-ui/)
    const js = await t.app.inject({ method: 'GET', url: '/assets/govuk-frontend.min.js' })
    assert.equal(js.statusCode, 200)
    const icon = await t.app.inject({ method: 'GET', url: '/assets/images/favicon.svg' })
    assert.equal(icon.statusCode, 200)
  })

  it('refuses to start with a route that declares no access', async () => {
    const Fastify = (await import('fastify')).default
    const { registerRouteAccess } = await import('./route-access.ts')
    const app = Fastify()
    registerRouteAccess(app)
    assert.throws(() => app.get('/undeclared', async () => 'hello'), /does not declare its access/)
    await app.close()
  })
})
