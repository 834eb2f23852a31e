import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import Fastify, { type FastifyInstance } from 'fastify'
import { accountFor, emailFor, formBody, ids, signInAs, startTestApp, type Browser, type TestApp } from '../../../test/support/test-app.ts'
import { testEngines } from '../../../test/support/test-database.ts'
import type { Actor } from '../access/index.ts'
import { registerErrorHandlers } from '../errors/index.ts'
import { registerApiAuthentication } from '../http/api-auth.ts'
import { registerRouteAccess } from '../http/route-access.ts'

const form = { 'content-type': 'application/x-www-form-urlencoded' }

/**
 * A partner API in miniature, for this test only: the product's bearer authentication, route access and error
 * handling, with two routes that need different scopes and say who called.
 */
async function miniatureApi(t: TestApp): Promise<FastifyInstance> {
  const api = Fastify()
  api.decorateRequest('actor', undefined)
  registerRouteAccess(api)
  registerApiAuthentication(api, { authenticate: token => t.services.apiClients.authenticate(token) })
  registerErrorHandlers(api)
  const whoCalled = (actor: Actor | undefined) => ({ kind: actor?.kind, apiClientId: actor?.apiClientId, agencyId: actor?.agencyId, accountId: actor?.accountId ?? null, scopes: [...(actor?.scopes ?? [])] })
  api.get('/api/test/status', { config: { access: 'api:status:read' } }, async request => whoCalled(request.actor))
  api.post('/api/test/concerns', { config: { access: 'api:concerns:write' } }, async request => whoCalled(request.actor))
  await api.ready()
  return api
}

for (const engine of testEngines()) {
  describe(`API clients (${engine})`, () => {
    let t: TestApp
    let api: FastifyInstance
    let admin: Browser
    before(async () => {
      t = await startTestApp(engine)
      api = await miniatureApi(t)
      admin = await signInAs(t.app, emailFor('administrator'))
    })
    after(async () => {
      await api.close()
      await t.close()
    })

    async function addClient(fields: Record<string, string | undefined>, scopes: string[]) {
      const body = new URLSearchParams(formBody({ ...fields, _csrf: admin.csrf }))
      for (const scope of scopes) body.append('scopes', scope)
      return t.app.inject({ method: 'POST', url: '/admin/api-clients', headers: { ...form, cookie: admin.cookie }, payload: body.toString() })
    }
    const tokenOn = (html: string) => /id="api-token">(sl_[A-Za-z0-9_-]{43})</.exec(html)?.[1]
    const call = (token: string | undefined, url = '/api/test/status', method: 'GET' | 'POST' = 'GET') =>
      api.inject({ method, url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })

    it('lets an administrator add a client; the token is shown once and stored as a hash', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/admin/api-clients/new', headers: { cookie: admin.cookie } })
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Northshire Police/)
      assert.match(page.body, /value="concerns:write"/)

      const invalid = await addClient({ name: '', agencyId: '', ratePerMinute: 'lots' }, [])
      assert.equal(invalid.statusCode, 400)
      for (const field of ['name', 'agencyId', 'scopes', 'ratePerMinute']) assert.match(invalid.body, new RegExp(`href="#${field}"`), field)
      const unknownScope = await addClient({ name: 'X', agencyId: ids.police, ratePerMinute: '60' }, ['children:delete'])
      assert.equal(unknownScope.statusCode, 400)

      const created = await addClient({ name: 'Northshire Police case system', agencyId: ids.police, ratePerMinute: '60' }, ['status:read', 'concerns:write'])
      assert.equal(created.statusCode, 200)
      assert.match(created.body, /API client added/)
      assert.match(created.body, /This is the only time the token is shown/)
      const token = tokenOn(created.body)
      assert.ok(token)
      const rows = await t.database.rows<{ token_hash: string; prefix: string; scopes: string[]; agency_id: string; created_by: string }>(
        sql`select t.token_hash, t.prefix, c.scopes, c.agency_id, c.created_by from api_token t join api_client c on c.id = t.client_id`,
      )
      assert.equal(rows.length, 1)
      assert.equal(rows[0]!.token_hash, createHash('sha256').update(token).digest('hex'))
      assert.equal(rows[0]!.prefix, token.slice(0, 10))
      assert.deepEqual(rows[0]!.scopes, ['concerns:write', 'status:read'])
      assert.equal(rows[0]!.agency_id, ids.police)
      assert.equal(rows[0]!.created_by, accountFor('administrator'))

      const list = await t.app.inject({ method: 'GET', url: '/admin/api-clients', headers: { cookie: admin.cookie } })
      assert.match(list.body, /Northshire Police case system/)
      assert.ok(!list.body.includes(token), 'the list never shows the token')
      const audit = await t.database.rows<{ action: string }>(sql`select action from audit_event where subject_type = 'api-client'`)
      assert.deepEqual(audit.map(a => a.action), ['api-client.created'])
    })

    it('authenticates a bearer token as the client: its agency and scopes, no account', async () => {
      const token = await newClient('Status checker', ['status:read'])
      const ok = await call(token)
      assert.equal(ok.statusCode, 200)
      const body = ok.json<{ kind: string; agencyId: string; accountId: string | null; scopes: string[] }>()
      assert.equal(body.kind, 'api-client')
      assert.equal(body.agencyId, ids.council)
      assert.equal(body.accountId, null)
      assert.deepEqual(body.scopes, ['status:read'])

      const missingScope = await call(token, '/api/test/concerns', 'POST')
      assert.equal(missingScope.statusCode, 403)
      assert.match(String(missingScope.headers['content-type']), /^application\/problem\+json/)
      assert.match(missingScope.json<{ detail: string }>().detail, /concerns:write/)
    })

    it('refuses a missing, malformed or unknown token with 401 problem+json', async () => {
      for (const token of [undefined, 'sl_short', `sl_${'A'.repeat(43)}`, '']) {
        const response = await call(token)
        assert.equal(response.statusCode, 401, String(token))
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/)
      }
      const unknown = await call(`sl_${'A'.repeat(43)}`)
      assert.equal(unknown.headers['www-authenticate'], 'Bearer error="invalid_token"')
      const basic = await api.inject({ method: 'GET', url: '/api/test/status', headers: { authorization: 'Basic dXNlcjpwYXNz' } })
      assert.equal(basic.statusCode, 401)
      // And on the real server: a bad token is refused even on a public API route.
      const real = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json', headers: { authorization: `Bearer sl_${'B'.repeat(43)}` } })
      assert.equal(real.statusCode, 401)
      assert.match(String(real.headers['content-type']), /^application\/problem\+json/)
    })

    it('rotates: the new token works, the old keeps working for the grace period, then stops', async () => {
      const old = await newClient('Rotating system', ['status:read'])
      const clientId = await clientIdOf('Rotating system')
      const rotated = await t.app.inject({
        method: 'POST',
        url: `/admin/api-clients/${clientId}/rotate`,
        headers: { ...form, cookie: admin.cookie },
        payload: formBody({ _csrf: admin.csrf }),
      })
      assert.equal(rotated.statusCode, 200)
      assert.match(rotated.body, /New token issued/)
      assert.match(rotated.body, /The previous token keeps working until/)
      const fresh = tokenOn(rotated.body)
      assert.ok(fresh && fresh !== old)
      assert.equal((await call(fresh)).statusCode, 200)
      assert.equal((await call(old)).statusCode, 200, 'the old token works within the grace period')
      const tokens = await t.database.rows<{ prefix: string; expires_at: Date | null }>(sql`select prefix, expires_at from api_token where client_id = ${clientId}`)
      const oldRow = tokens.find(r => r.prefix === old.slice(0, 10))!
      const hours = (new Date(oldRow.expires_at!).getTime() - Date.now()) / 3_600_000
      assert.ok(hours > 23.9 && hours <= 24, `grace of ${hours} hours`)
      assert.equal(tokens.find(r => r.prefix === fresh.slice(0, 10))!.expires_at, null)

      await t.database.rows(sql`update api_token set expires_at = now() - interval '1 second' where client_id = ${clientId} and expires_at is not null`)
      assert.equal((await call(old)).statusCode, 401, 'after the grace period the old token stops')
      assert.equal((await call(fresh)).statusCode, 200)
      const detail = await t.app.inject({ method: 'GET', url: `/admin/api-clients/${clientId}`, headers: { cookie: admin.cookie } })
      assert.match(detail.body, /Expired/)
      assert.match(detail.body, /Works/)
    })

    it('revokes: every token stops at once', async () => {
      const token = await newClient('Revoked system', ['status:read'])
      const clientId = await clientIdOf('Revoked system')
      const confirm = await t.app.inject({ method: 'GET', url: `/admin/api-clients/${clientId}/revoke`, headers: { cookie: admin.cookie } })
      assert.match(confirm.body, /Are you sure you want to revoke Revoked system\?/)
      const revoked = await t.app.inject({
        method: 'POST',
        url: `/admin/api-clients/${clientId}/revoke`,
        headers: { ...form, cookie: admin.cookie },
        payload: formBody({ _csrf: admin.csrf }),
      })
      assert.equal(revoked.statusCode, 303)
      assert.equal(revoked.headers.location, `/admin/api-clients/${clientId}?revoked=1`)
      assert.equal((await call(token)).statusCode, 401)
      const detail = await t.app.inject({ method: 'GET', url: revoked.headers.location, headers: { cookie: admin.cookie } })
      assert.match(detail.body, /The API client is revoked/)
      assert.doesNotMatch(detail.body, /Issue a new token/)
      const rotate = await t.app.inject({
        method: 'POST',
        url: `/admin/api-clients/${clientId}/rotate`,
        headers: { ...form, cookie: admin.cookie },
        payload: formBody({ _csrf: admin.csrf }),
      })
      assert.equal(rotate.statusCode, 400, 'a revoked client gets no new token')
    })

    it('holds each client to its own rate: 429 problem+json with Retry-After', async () => {
      const slow = await newClient('Slow system', ['status:read'], '2')
      const other = await newClient('Other system', ['status:read'], '2')
      assert.equal((await call(slow)).statusCode, 200)
      assert.equal((await call(slow)).statusCode, 200)
      const limited = await call(slow)
      assert.equal(limited.statusCode, 429)
      assert.match(String(limited.headers['content-type']), /^application\/problem\+json/)
      const retryAfter = Number(limited.headers['retry-after'])
      assert.ok(retryAfter > 0 && retryAfter <= 30, `Retry-After ${retryAfter}`)
      assert.equal(limited.json<{ status: number }>().status, 429)
      assert.equal((await call(other)).statusCode, 200, 'another client has its own allowance')
    })

    it('asks an administrator to confirm their password before issuing or revoking credentials', async () => {
      await t.database.rows(sql`update session set authenticated_at = now() - interval '1 hour' where account_id = ${accountFor('administrator')}`)
      const page = await t.app.inject({ method: 'GET', url: '/admin/api-clients/new', headers: { cookie: admin.cookie } })
      assert.equal(page.statusCode, 302)
      assert.equal(page.headers.location, '/re-authenticate?returnTo=%2Fadmin%2Fapi-clients%2Fnew')
      const post = await addClient({ name: 'Late system', agencyId: ids.police, ratePerMinute: '60' }, ['status:read'])
      assert.equal(post.statusCode, 303)
      assert.equal(post.headers.location, '/re-authenticate?returnTo=%2Fadmin%2Fapi-clients%2Fnew')
      const rows = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from api_client where name = 'Late system'`)
      assert.equal(rows[0]!.n, 0)
      admin = await signInAs(t.app, emailFor('administrator'))
    })

    it('shows the administrator agencies and clients, never a child', async () => {
      for (const url of ['/admin/api-clients', '/admin/api-clients/new', `/admin/api-clients/${await clientIdOf('Status checker')}`]) {
        const page = await t.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } })
        assert.equal(page.statusCode, 200, url)
        assert.doesNotMatch(page.body, /Kai|Smith|9998765439/, url)
      }
      const child = await t.app.inject({ method: 'GET', url: `/children/${ids.kai}`, headers: { cookie: admin.cookie } })
      assert.equal(child.statusCode, 403)
    })

    async function newClient(name: string, scopes: string[], ratePerMinute = '600'): Promise<string> {
      const created = await addClient({ name, agencyId: ids.council, ratePerMinute }, scopes)
      const token = tokenOn(created.body)
      if (!token) throw new Error(`could not add ${name}: ${created.statusCode}`)
      return token
    }

    async function clientIdOf(name: string): Promise<string> {
      const rows = await t.database.rows<{ id: string }>(sql`select id from api_client where name = ${name}`)
      return rows[0]!.id
    }
  })
}
