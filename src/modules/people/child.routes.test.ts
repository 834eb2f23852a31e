import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { emailFor, formBody, ids, signInAs, startTestApp, type Browser, type TestApp } from '../../../test/support/test-app.ts'
import { testEngines } from '../../../test/support/test-database.ts'

const form = { 'content-type': 'application/x-www-form-urlencoded' }

for (const engine of testEngines()) {
  describe(`find a child and open their summary (${engine})`, () => {
    let t: TestApp
    let browser: Browser
    before(async () => {
      t = await startTestApp(engine)
      browser = await signInAs(t.app, emailFor('front-door-worker'))
    })
    after(() => t.close())

    const search = (fields: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/children', headers: { ...form, cookie: browser.cookie }, payload: formBody({ ...fields, _csrf: browser.csrf }) })

    const auditCount = async (action: string) =>
      (await t.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = ${action}`))[0]!.n

    it('shows the search form', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/children', headers: { cookie: browser.cookie } })
      assert.equal(response.statusCode, 200)
      assert.match(response.body, /<h1 class="govuk-heading-l">Find a child<\/h1>/)
    })

    it('finds a child by the start of their family name, across agencies’ spellings', async () => {
      const bySmith = await search({ familyName: 'smi' })
      assert.equal(bySmith.statusCode, 200)
      assert.match(bySmith.body, /2 children found/)
      assert.match(bySmith.body, new RegExp(`href="/children/${ids.kai}"`))
      // The police spelt him "Kye Smyth": the police record finds the same child.
      const bySmyth = await search({ familyName: 'Smyth', givenName: 'ky' })
      assert.match(bySmyth.body, /1 child found/)
      assert.match(bySmyth.body, new RegExp(`href="/children/${ids.kai}"`))
    })

    it('finds a child by NHS number and by date of birth, and never lists adults', async () => {
      const byNhs = await search({ nhsNumber: '999 876 5439' })
      assert.match(byNhs.body, /1 child found/)
      const byDob = await search({ familyName: 'Smith', 'dateOfBirth-day': '14', 'dateOfBirth-month': '2', 'dateOfBirth-year': '2023' })
      assert.match(byDob.body, /1 child found/)
      assert.match(byDob.body, /Mia/)
      const adults = await search({ familyName: 'Jones' })
      assert.match(adults.body, /No children found/)
    })

    it('treats search terms as text, not patterns', async () => {
      const response = await search({ familyName: '%' })
      assert.match(response.body, /No children found/)
    })

    it('shows GOV.UK errors for a bad search and searches nothing', async () => {
      const before = await auditCount('child.searched')
      const response = await search({ nhsNumber: '123' })
      assert.equal(response.statusCode, 400)
      assert.match(response.body, /govuk-error-summary/)
      assert.match(response.body, /href="#nhsNumber">NHS number must be 10 digits/)
      assert.match(response.body, /value="123"/)
      assert.equal(await auditCount('child.searched'), before)
    })

    it('shows a child’s summary: identifiers, each agency’s record, household and events; and audits the read', async () => {
      const before = await auditCount('child.viewed')
      const response = await t.app.inject({ method: 'GET', url: `/children/${ids.kai}`, headers: { cookie: browser.cookie } })
      assert.equal(response.statusCode, 200)
      const body = response.body
      assert.match(body, /<h1 class="govuk-heading-l">Kai Smith<\/h1>/)
      assert.match(body, /999 876 5439/)
      assert.match(body, /Northshire Police/)
      assert.match(body, /Kye\s+Smyth/)
      assert.match(body, /12 Mill Lane, Eastbrook, NS4 7QT/)
      assert.match(body, /Mother’s partner/)
      assert.match(body, /Domestic abuse incident, children present/)
      assert.match(body, /DPA 2018 Part 3, Sch 8 para 4/)
      // newest first by default
      assert.ok(body.indexOf('Domestic abuse incident') < body.indexOf('Not brought to the dentist'))
      assert.equal(await auditCount('child.viewed'), before + 1)
      const oldest = await t.app.inject({ method: 'GET', url: `/children/${ids.kai}?order=oldest`, headers: { cookie: browser.cookie } })
      assert.ok(oldest.body.indexOf('Domestic abuse incident') > oldest.body.indexOf('Not brought to the dentist'))
    })

    it('answers "not found" for an unknown id, a malformed id and an adult', async () => {
      for (const id of ['30000000-0000-4000-8000-000000000999', 'not-a-uuid', ids.mother]) {
        const response = await t.app.inject({ method: 'GET', url: `/children/${id}`, headers: { cookie: browser.cookie } })
        assert.equal(response.statusCode, 404, id)
        assert.match(response.body, /Page not found/)
      }
    })
  })
}
