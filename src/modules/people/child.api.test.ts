import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { emailFor, ids, signInAs, startTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { testEngines } from '../../../test/support/test-database.ts'
import type { Actor } from '../../platform/access/index.ts'

for (const engine of testEngines()) {
  describe(`GET /api/v1/status: known to services, for partner systems (${engine})`, () => {
    let t: TestApp
    let token = ''
    let noScope = ''
    before(async () => {
      t = await startTestApp(engine)
      // Kai's case is open: record it in his chronology.
      await t.services.chronology.importEvents(t.database.db, {
        events: [{ id: '50000000-0000-4000-8000-0000000000ca', type: 'case.opened', agencyId: ids.council, occurredOn: '2026-09-01', details: { service: 'child-protection' }, lawfulBasis: 'public-task' }],
        subjects: [{ personId: ids.kai, eventId: '50000000-0000-4000-8000-0000000000ca' }],
      })
      const admin = { kind: 'practitioner', accountId: undefined, permissions: new Set(['admin:manage']), roles: ['administrator'] } as unknown as Actor
      token = (await t.services.apiClients.createClient(admin, { agencyId: ids.police, name: 'Police case system', scopes: ['status:read'], ratePerMinute: 600 })).token
      noScope = (await t.services.apiClients.createClient(admin, { agencyId: ids.police, name: 'Events feed', scopes: ['events:write'], ratePerMinute: 600 })).token
    })
    after(() => t.close())

    const status = (query: string, bearer = token) =>
      t.app.inject({ method: 'GET', url: `/api/v1/status?${query}`, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} })

    it('says a child with an open case is known, and whom to contact; the look-up is audited', async () => {
      const response = await status('nhsNumber=999%20876%205439')
      assert.equal(response.statusCode, 200)
      const body = response.json<{ knownToServices: boolean; children: { hasOpenCase: boolean; contacts: { role: string; name: string }[] }[] }>()
      assert.equal(body.knownToServices, true)
      assert.equal(body.children[0]?.hasOpenCase, true)
      assert.ok(body.children[0]?.contacts.some(c => c.role === 'Allocated worker' && c.name === 'Test social-worker'))
      const audited = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'child.status-checked' and person_id = ${ids.kai} and actor_api_client_id is not null`)
      assert.equal(audited[0]?.n, 1)
      const told = await t.database.rows<{ title: string; body: string }>(sql`select title, body from notification where kind = 'status-lookup'`)
      assert.deepEqual(told.map(n => n.title), ['Kai Smith was looked up by another agency'])
      assert.match(told[0]!.body, /A partner system \(Police case system\) checked whether this child is known to services/)
    })

    it('answers an unknown number exactly as a child with no status', async () => {
      const unknown = await status('nhsNumber=9990000018')
      assert.deepEqual(unknown.json(), { knownToServices: false, children: [] })
    })

    it('refuses a bad NHS number with problem+json naming the field', async () => {
      const response = await status('nhsNumber=9998765430')
      assert.equal(response.statusCode, 400)
      assert.match(String(response.headers['content-type']), /application\/problem\+json/)
      assert.deepEqual(response.json<{ errors: unknown }>().errors, [{ field: 'nhsNumber', message: 'NHS number fails its check digit' }])
    })

    it('needs a token with the status:read scope; a browser session will not do', async () => {
      assert.equal((await status('nhsNumber=9998765439', '')).statusCode, 401)
      assert.equal((await status('nhsNumber=9998765439', noScope)).statusCode, 403)
      const browser = await signInAs(t.app, emailFor('front-door-worker'))
      const withCookie = await t.app.inject({ method: 'GET', url: '/api/v1/status?nhsNumber=9998765439', headers: { cookie: browser.cookie } })
      assert.equal(withCookie.statusCode, 401)
    })
  })
}
