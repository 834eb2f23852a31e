import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { emailFor, signInAs, startTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { suppress } from './partnership.service.ts'

describe('partnership figures', () => {
  let t: TestApp
  before(async () => {
    t = await startTestApp('pglite')
  })
  after(() => t.close())

  it('suppresses counts from 1 to 4', () => {
    assert.deepEqual(suppress(0), { value: 0, display: '0' })
    assert.deepEqual(suppress(3), { value: 0, display: 'fewer than 5' })
    assert.deepEqual(suppress(1234), { value: 1234, display: '1,234' })
  })

  it('shows an analyst aggregates as charts and tables, with no child’s name', async () => {
    const analyst = await signInAs(t.app, emailFor('partnership-analyst'))
    const response = await t.app.inject({ method: 'GET', url: '/partnership', headers: { cookie: analyst.cookie } })
    assert.equal(response.statusCode, 200)
    assert.match(response.body, /<svg class="app-chart" role="img" aria-label="Entries recorded by each agency/)
    assert.match(response.body, /Entries by every agency as a table/)
    assert.match(response.body, /fewer than 5/)
    for (const name of ['Kai', 'Smith', 'Mia', 'Jones']) assert.ok(!response.body.includes(name), name)
  })

  it('is not for practitioners without the permission', async () => {
    const worker = await signInAs(t.app, emailFor('front-door-worker'))
    const response = await t.app.inject({ method: 'GET', url: '/partnership', headers: { cookie: worker.cookie } })
    assert.equal(response.statusCode, 403)
  })
})
