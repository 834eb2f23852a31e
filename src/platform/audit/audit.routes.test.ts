import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { emailFor, ids, signInAs, startTestApp, type Browser, type TestApp } from '../../../test/support/test-app.ts'

describe('the auditor’s search and export', () => {
  let t: TestApp
  let auditor: Browser
  before(async () => {
    t = await startTestApp('pglite')
    const worker = await signInAs(t.app, emailFor('front-door-worker'))
    await t.app.inject({ method: 'GET', url: `/children/${ids.kai}`, headers: { cookie: worker.cookie } })
    const police = await signInAs(t.app, emailFor('agency-practitioner'))
    await t.app.inject({ method: 'GET', url: `/children/${ids.kai}`, headers: { cookie: police.cookie } })
    auditor = await signInAs(t.app, emailFor('auditor'))
  })
  after(() => t.close())

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: auditor.cookie } })

  it('finds events by child, by practitioner and by agency', async () => {
    const byChild = await get(`/audit?personId=${ids.kai}`)
    assert.equal(byChild.statusCode, 200)
    assert.match(byChild.body, /child\.viewed/)
    assert.match(byChild.body, /child\.status-viewed/)
    const byPractitioner = await get(`/audit?actorEmail=${encodeURIComponent(emailFor('agency-practitioner'))}&personId=${ids.kai}`)
    assert.match(byPractitioner.body, /child\.status-viewed/)
    assert.ok(!byPractitioner.body.includes('>child.viewed<'))
    const byAgency = await get(`/audit?agencyId=${ids.police}&personId=${ids.kai}`)
    assert.match(byAgency.body, /1 event</)
  })

  it('explains bad filters with the GOV.UK error summary', async () => {
    const response = await get('/audit?personId=not-an-id&from-day=31&from-month=2&from-year=2026')
    assert.equal(response.statusCode, 400)
    assert.match(response.body, /href="#personId">Enter the child’s Sightline id/)
    assert.match(response.body, /href="#from-day">From date must be a real date/)
  })

  it('exports the matching events as CSV, and audits the export', async () => {
    const response = await get(`/audit/export.csv?personId=${ids.kai}`)
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^text\/csv/)
    assert.match(String(response.headers['content-disposition']), /attachment; filename="sightline-audit-\d{4}-\d{2}-\d{2}\.csv"/)
    const lines = response.body.trim().split('\r\n')
    assert.equal(lines[0], 'seq,occurred_at,action,actor_email,actor_agency_id,actor_api_client_id,subject_type,subject_id,person_id,reason,request_id,hash')
    assert.ok(lines.some(l => l.includes(',child.viewed,front-door-worker@test.sightline,')))
    const exported = await get('/audit?actorEmail=auditor%40test.sightline')
    assert.match(exported.body, /audit\.exported/)
  })

  it('is for auditors only', async () => {
    const worker = await signInAs(t.app, emailFor('team-manager'))
    const response = await t.app.inject({ method: 'GET', url: '/audit', headers: { cookie: worker.cookie } })
    assert.equal(response.statusCode, 403)
  })
})
