import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { ids, startTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { testEngines } from '../../../test/support/test-database.ts'
import type { Actor } from '../../platform/access/index.ts'

for (const engine of testEngines()) {
  describe(`POST /api/v1/concerns and /api/v1/events: partner writes, idempotent (${engine})`, () => {
    let t: TestApp
    let concerns = ''
    let events = ''
    before(async () => {
      t = await startTestApp(engine)
      const admin = { kind: 'practitioner', accountId: undefined, permissions: new Set(['admin:manage']), roles: ['administrator'] } as unknown as Actor
      concerns = (await t.services.apiClients.createClient(admin, { agencyId: ids.police, name: 'Police case system', scopes: ['concerns:write'], ratePerMinute: 600 })).token
      events = (await t.services.apiClients.createClient(admin, { agencyId: ids.police, name: 'Police events feed', scopes: ['events:write'], ratePerMinute: 600 })).token
    })
    after(() => t.close())

    const send = (url: string, payload: unknown, bearer: string, key: string | undefined) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
        payload: JSON.stringify(payload),
      })
    const count = async (table: 'event' | 'contact' | 'person' | 'idempotency_key') => (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n

    const concern = {
      child: { nhsNumber: '999 876 5439' },
      category: 'domestic-abuse',
      summary: 'Called to the address; children present during an assault',
      household: 'Mother, partner, two children',
      childSeen: true,
      lawfulBasis: 'law-enforcement',
    }

    it('opens a contact for a concern, matched by NHS number; a retry returns the first answer and writes nothing', async () => {
      const before = await count('contact')
      const first = await send('/api/v1/concerns', concern, concerns, 'police-ref-1')
      assert.equal(first.statusCode, 201, first.body)
      const body = first.json<{ contactId: string; reference: string; matchedBy: string; decisionDueAt: string }>()
      assert.equal(body.matchedBy, 'nhs-number')
      assert.match(body.reference, /^SL-/)
      const [row] = await t.database.rows<{ person_id: string; referrer_api_client_id: string | null }>(sql`select person_id, referrer_api_client_id from contact where id = ${body.contactId}`)
      assert.equal(row?.person_id, ids.kai)
      assert.ok(row?.referrer_api_client_id)
      const eventsBefore = await count('event')
      const retry = await send('/api/v1/concerns', concern, concerns, 'police-ref-1')
      assert.equal(retry.statusCode, 201)
      assert.deepEqual(retry.json(), body)
      assert.equal(retry.headers['idempotent-replayed'], 'true')
      assert.equal(await count('contact'), before + 1)
      assert.equal(await count('event'), eventsBefore)
    })

    it('refuses the same key with a different body (409) and a missing key (400)', async () => {
      const conflict = await send('/api/v1/concerns', { ...concern, summary: 'Something else' }, concerns, 'police-ref-1')
      assert.equal(conflict.statusCode, 409)
      assert.match(String(conflict.headers['content-type']), /application\/problem\+json/)
      const noKey = await send('/api/v1/concerns', concern, concerns, undefined)
      assert.equal(noKey.statusCode, 400)
      assert.deepEqual(noKey.json<{ errors: { field: string }[] }>().errors.map(e => e.field), ['Idempotency-Key'])
    })

    it('names the fields of a bad concern', async () => {
      const bad = await send('/api/v1/concerns', { ...concern, child: { nhsNumber: '9998765430' }, category: 'unknown' }, concerns, 'police-ref-2')
      assert.equal(bad.statusCode, 400)
      const fields = bad.json<{ errors: { field: string }[] }>().errors.map(e => e.field)
      assert.ok(fields.includes('child.nhsNumber'), fields.join())
      assert.ok(fields.includes('category'), fields.join())
    })

    const batch = [
      { type: 'police.call-out', occurredOn: '2026-10-01', subject: { nhsNumber: '9998765439' }, summary: 'Call-out to the address' },
      { type: 'school.absence', occurredOn: '2026-10-02', subject: { givenName: ' mia ', familyName: 'SMITH', dateOfBirth: '2023-02-14' }, details: { sessions: 4 } },
      { type: 'missing.episode', occurredOn: '2026-10-03', subject: { givenName: 'Noah', familyName: 'Reed', dateOfBirth: '2012-06-30', localId: 'NP-900' }, details: { hours: 7 } },
      { type: 'missing.episode', occurredOn: '2026-10-09', subject: { givenName: 'Noah', familyName: 'Reed', dateOfBirth: '2012-06-30', localId: 'NP-900' }, details: { hours: 2 } },
    ]

    it('writes a batch of events to each child’s chronology: NHS number, name and date of birth, a new child (once)', async () => {
      const people = await count('person')
      const response = await send('/api/v1/events', { events: batch }, events, 'batch-1')
      assert.equal(response.statusCode, 201, response.body)
      const body = response.json<{ accepted: number; events: { index: number; matchedBy: string }[] }>()
      assert.equal(body.accepted, 4)
      assert.deepEqual(body.events.map(e => e.matchedBy), ['nhs-number', 'name-and-date-of-birth', 'new-person', 'agency-record'])
      assert.equal(await count('person'), people + 1)
      const mia = await t.database.rows<{ type: string; lawful_basis: string }>(sql`select e.type, e.lawful_basis from event e join event_subject s on s.event_id = e.id where s.person_id = ${ids.mia} and e.type = 'school.absence'`)
      assert.deepEqual(mia, [{ type: 'school.absence', lawful_basis: 'law-enforcement' }])
      const noah = await t.database.rows<{ kind: string; n: number }>(
        sql`select p.kind, (select count(*)::int from event_subject s where s.person_id = p.id) as n from person p join source_record r on r.person_id = p.id where r.agency_id = ${ids.police} and r.local_id = 'NP-900'`,
      )
      assert.deepEqual(noah, [{ kind: 'child', n: 2 }])

      const eventsBefore = await count('event')
      const retry = await send('/api/v1/events', { events: batch }, events, 'batch-1')
      assert.equal(retry.statusCode, 201)
      assert.deepEqual(retry.json(), body)
      assert.equal(await count('event'), eventsBefore)
      assert.equal((await send('/api/v1/events', { events: batch.slice(1) }, events, 'batch-1')).statusCode, 409)
    })

    it('rejects a bad batch whole, naming the index and field of every bad event, and writes nothing', async () => {
      const [eventsBefore, peopleBefore, keysBefore] = [await count('event'), await count('person'), await count('idempotency_key')]
      const bad = [
        batch[0],
        { type: 'referral.decision', occurredOn: '2026-10-04', subject: { nhsNumber: '9998765439' }, details: { outcome: 'maybe' } },
        { type: 'not.a-type', occurredOn: '2026-10-04', subject: { nhsNumber: '9998765439' } },
        { type: 'police.call-out', occurredOn: '4 October', subject: { givenName: 'New', familyName: 'Child', dateOfBirth: '2015-01-01' }, details: { colour: 'blue' } },
        { type: 'police.call-out', occurredOn: '2026-10-04', subject: { givenName: 'Only' } },
      ]
      const response = await send('/api/v1/events', { events: bad }, events, 'batch-2')
      assert.equal(response.statusCode, 400)
      const fields = response.json<{ errors: { field: string }[] }>().errors.map(e => e.field)
      for (const field of ['events[1].details.outcome', 'events[2].type', 'events[3].occurredOn', 'events[4].subject']) assert.ok(fields.includes(field), `${field} in ${fields.join(', ')}`)
      assert.ok(!fields.some(f => f.startsWith('events[0]')))
      assert.deepEqual([await count('event'), await count('person'), await count('idempotency_key')], [eventsBefore, peopleBefore, keysBefore])
      const details = await send('/api/v1/events', { events: [{ ...batch[0], details: { colour: 'blue' } }] }, events, 'batch-3')
      assert.deepEqual(details.json<{ errors: { field: string }[] }>().errors.map(e => e.field), ['events[0].details.colour'])
      const tooMany = await send('/api/v1/events', { events: Array.from({ length: 1001 }, () => batch[0]) }, events, 'batch-4')
      assert.equal(tooMany.statusCode, 400)
      assert.deepEqual(tooMany.json<{ errors: { field: string }[] }>().errors.map(e => e.field), ['events'])
    })

    it('needs the right scope: 403 without it, 401 without a token', async () => {
      assert.equal((await send('/api/v1/events', { events: batch }, concerns, 'x-1')).statusCode, 403)
      assert.equal((await send('/api/v1/concerns', concern, events, 'x-2')).statusCode, 403)
      const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/events', headers: { 'content-type': 'application/json' }, payload: '{"events":[]}' })
      assert.equal(anonymous.statusCode, 401)
    })

    it('lists both operations in the OpenAPI document', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>()
      assert.ok(doc.paths['/api/v1/concerns']?.post)
      assert.ok(doc.paths['/api/v1/events']?.post)
    })
  })
}
