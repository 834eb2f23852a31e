import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { emailFor, formBody, ids, signInAs, startTestApp, type Browser, type TestApp } from '../../../test/support/test-app.ts'

const form = { 'content-type': 'application/x-www-form-urlencoded' }

describe('administration of agencies, teams and practitioners', () => {
  let t: TestApp
  let admin: Browser
  before(async () => {
    t = await startTestApp('pglite')
    admin = await signInAs(t.app, emailFor('administrator'))
  })
  after(() => t.close())

  const post = (url: string, fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers: { ...form, cookie: admin.cookie }, payload: formBody({ ...fields, _csrf: admin.csrf }) })

  it('adds an agency and refuses a duplicate code', async () => {
    const added = await post('/admin/agencies/new', { name: 'Northshire Housing', code: 'northshire-housing', kind: 'housing' })
    assert.equal(added.statusCode, 303)
    const page = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie: admin.cookie } })
    assert.match(page.body, /Northshire Housing/)
    const again = await post('/admin/agencies/new', { name: 'Other', code: 'northshire-housing', kind: 'housing' })
    assert.equal(again.statusCode, 400)
    assert.match(again.body, /An agency with the code northshire-housing already exists/)
  })

  it('explains what is missing', async () => {
    const response = await post('/admin/practitioners/new', { agencyId: ids.council, givenName: 'Ann', password: 'short' })
    assert.equal(response.statusCode, 400)
    assert.match(response.body, /href="#familyName">Enter the practitioner’s family name/)
    assert.match(response.body, /href="#role">Select the practitioner’s role/)
    assert.match(response.body, /href="#password">The first password must be at least 12 characters/)
  })

  it('adds a practitioner who can then sign in with their role', async () => {
    const added = await post('/admin/practitioners/new', {
      agencyId: ids.council,
      teamId: ids.frontDoor,
      givenName: 'Ann',
      familyName: 'Okafor',
      jobTitle: 'Senior practitioner',
      email: 'ann.okafor@test.sightline',
      role: 'front-door-worker',
      password: 'a perfectly long password',
    })
    assert.equal(added.statusCode, 303)
    const ann = await signInAs(t.app, 'ann.okafor@test.sightline', 'a perfectly long password')
    const record = await t.app.inject({ method: 'GET', url: `/children/${ids.kai}`, headers: { cookie: ann.cookie } })
    assert.match(record.body, /front door, while a contact is open/, 'her team’s relationship to the child applies to her')
  })

  it('never shows an administrator a child', async () => {
    const search = await t.app.inject({ method: 'GET', url: `/children/${ids.kai}`, headers: { cookie: admin.cookie } })
    assert.equal(search.statusCode, 403)
  })
})
