import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { emailFor, formBody, ids, signInAs, startTestApp, type Browser, type TestApp } from '../../../test/support/test-app.ts'
import { testEngines } from '../../../test/support/test-database.ts'

for (const engine of testEngines()) {
  describe(`raise a concern, the front door decides, the referrer sees the outcome (${engine})`, () => {
    let t: TestApp
    let referrer: Browser
    let contactId = ''
    before(async () => {
      t = await startTestApp(engine)
      referrer = await signInAs(t.app, emailFor('agency-practitioner'))
    })
    after(() => t.close())

    const get = (browser: Browser, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: browser.cookie } })
    const post = (browser: Browser, url: string, fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ ...fields, _csrf: browser.csrf }),
      })

    it('shows GOV.UK errors on the child page and keeps what was typed', async () => {
      const start = await get(referrer, '/concerns/new')
      assert.equal(start.statusCode, 302)
      assert.equal(start.headers.location, '/concerns/new/child')
      const response = await post(referrer, '/concerns/new/child', { givenName: 'Kai', familyName: '', 'dateOfBirth-day': '3', 'dateOfBirth-month': '', 'dateOfBirth-year': '2019', nhsNumber: '9998765430' })
      assert.equal(response.statusCode, 400)
      assert.match(response.body, /<title>Error: Who is the child\?/)
      assert.match(response.body, /govuk-error-summary/)
      assert.match(response.body, /href="#familyName">Enter the child’s family name/)
      assert.match(response.body, /href="#dateOfBirth-day">Date of birth must include a month/)
      assert.match(response.body, /href="#nhsNumber">Enter a valid NHS number/)
      assert.match(response.body, /value="Kai"/)
    })

    it('keeps the draft server-side: after signing out and in again, the answers are still there', async () => {
      const saved = await post(referrer, '/concerns/new/child', { givenName: 'Kai', familyName: 'Smith', 'dateOfBirth-day': '3', 'dateOfBirth-month': '9', 'dateOfBirth-year': '2019', nhsNumber: '' })
      assert.equal(saved.statusCode, 303)
      assert.equal(saved.headers.location, '/concerns/new/what-happened')
      const signOut = await post(referrer, '/sign-out', {})
      assert.ok(signOut.statusCode < 400)
      referrer = await signInAs(t.app, emailFor('agency-practitioner'))
      const resume = await get(referrer, '/concerns/new')
      assert.equal(resume.headers.location, '/concerns/new/what-happened')
      const childPage = await get(referrer, '/concerns/new/child')
      assert.match(childPage.body, /value="Smith"/)
      assert.match(childPage.body, /value="2019"/)
    })

    it('walks the remaining pages to check your answers, with change links, and sends the concern', async () => {
      const missing = await post(referrer, '/concerns/new/what-happened', { summary: '' })
      assert.equal(missing.statusCode, 400)
      assert.match(missing.body, /href="#category">Select what the concern is about/)
      assert.match(missing.body, /href="#summary">Enter what happened/)
      const steps: [string, Record<string, string>, string][] = [
        ['what-happened', { category: 'physical', summary: 'Bruising to the face, said he fell' }, '/concerns/new/household'],
        ['household', { household: 'Mother Jade, sister Mia, mother’s partner Lee' }, '/concerns/new/others'],
        ['others', { othersInvolved: '' }, '/concerns/new/child-seen'],
        ['child-seen', { childSeen: 'yes', childSaid: 'Lee gets angry' }, '/concerns/new/sharing'],
      ]
      for (const [step, fields, next] of steps) {
        const response = await post(referrer, `/concerns/new/${step}`, fields)
        assert.equal(response.statusCode, 303, `${step}: ${response.body.slice(0, 200)}`)
        assert.equal(response.headers.location, next)
      }
      const consentWithoutWho = await post(referrer, '/concerns/new/sharing', { lawfulBasis: 'consent' })
      assert.equal(consentWithoutWho.statusCode, 400)
      assert.match(consentWithoutWho.body, /href="#consentFrom">Enter who gave consent/)
      const sharing = await post(referrer, '/concerns/new/sharing', { lawfulBasis: 'law-enforcement' })
      assert.equal(sharing.headers.location, '/concerns/check')

      const check = await get(referrer, '/concerns/check')
      assert.equal(check.statusCode, 200)
      assert.match(check.body, /Check your answers before sending your concern/)
      assert.match(check.body, /href="\/concerns\/new\/what-happened\?change=1"/)
      // A change goes back to check your answers.
      const changed = await post(referrer, '/concerns/new/what-happened?change=1', { category: 'physical', summary: 'Bruising to the left cheek; Kai said he fell' })
      assert.equal(changed.headers.location, '/concerns/check')

      const sent = await post(referrer, '/concerns/check', {})
      assert.equal(sent.statusCode, 303)
      const match = /^\/concerns\/([0-9a-f-]{36})\/confirmation$/.exec(String(sent.headers.location))
      assert.ok(match, String(sent.headers.location))
      contactId = match[1]!
      const confirmation = await get(referrer, sent.headers.location as string)
      assert.match(confirmation.body, /govuk-panel/)
      assert.match(confirmation.body, /SL-[A-Z2-9]{4}-[A-Z2-9]{4}/)
      // The draft is gone; the form starts again.
      assert.equal((await get(referrer, '/concerns/new')).headers.location, '/concerns/new/child')
    })

    it('wrote the contact, matched Kai by name and date of birth, and wrote concern.raised, grants and audit in one go', async () => {
      const [row] = await t.database.rows<{ person_id: string; matched_by: string; lawful_basis: string; agency_id: string }>(
        sql`select person_id, matched_by, lawful_basis, agency_id from contact where id = ${contactId}`,
      )
      assert.equal(row?.person_id, ids.kai)
      assert.equal(row?.matched_by, 'name-and-date-of-birth')
      assert.equal(row?.agency_id, ids.police)
      const events = await t.database.rows<{ type: string; lawful_basis: string; details: { category: string } }>(
        sql`select e.type, e.lawful_basis, e.details from event e join event_subject s on s.event_id = e.id where s.person_id = ${ids.kai} and e.type = 'concern.raised'`,
      )
      assert.equal(events.length, 1)
      assert.equal(events[0]?.lawful_basis, 'law-enforcement')
      assert.equal(events[0]?.details.category, 'physical')
      const grants = await t.database.rows<{ kind: string; team_id: string | null }>(sql`select kind, team_id from access_grant where reason = ${`contact:${contactId}`} order by kind`)
      assert.deepEqual(grants.map(g => g.kind), ['front-door', 'referrer'])
      assert.equal(grants[0]?.team_id, ids.frontDoor)
      const audit = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_event where action = 'concern.raised' and subject_id = ${contactId}`)
      assert.equal(audit[0]?.n, 1)
    })

    it('shows the front door a queue with the RAG and time left, and the contact with the other children in the household', async () => {
      const worker = await signInAs(t.app, emailFor('front-door-worker'))
      const queue = await get(worker, '/front-door')
      assert.equal(queue.statusCode, 200)
      assert.match(queue.body, new RegExp(`href="/front-door/${contactId}"`))
      assert.match(queue.body, /Not rated/)
      assert.match(queue.body, /left|Overdue by/)
      const page = await get(worker, `/front-door/${contactId}`)
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Other children in the household/)
      assert.match(page.body, new RegExp(`href="/children/${ids.mia}">Mia Smith`))

      const noRationale = await post(worker, `/front-door/${contactId}/rag`, { rag: 'amber', rationale: '' })
      assert.equal(noRationale.statusCode, 400)
      assert.match(noRationale.body, /href="#rationale">Enter why you chose this rating/)
      assert.equal((await post(worker, `/front-door/${contactId}/rag`, { rag: 'amber', rationale: 'Injury to the face of a child, explanation plausible' })).statusCode, 303)
      assert.equal((await post(worker, `/front-door/${contactId}/rag`, { rag: 'red', rationale: 'Police hold domestic abuse with the children present' })).statusCode, 303)
      const history = await t.database.rows<{ rag: string; previous_rag: string | null }>(sql`select rag, previous_rag from contact_rag where contact_id = ${contactId} order by set_at`)
      assert.deepEqual(history.map(h => [h.previous_rag, h.rag]), [[null, 'amber'], ['amber', 'red']])
      assert.match((await get(worker, '/front-door')).body, /govuk-tag--red/)
    })

    it('records the decision: referral.decision written, the front-door grant for this contact ended, the referrer notified', async () => {
      const worker = await signInAs(t.app, emailFor('front-door-worker'))
      const missing = await post(worker, `/front-door/${contactId}/decision`, { decisionRationale: '' })
      assert.equal(missing.statusCode, 400)
      assert.match(missing.body, /href="#decision">Select the decision/)
      const decided = await post(worker, `/front-door/${contactId}/decision`, { decision: 'strategy-discussion', decisionRationale: 'Injury with a third-party account and domestic abuse: strategy discussion today' })
      assert.equal(decided.statusCode, 303)
      const again = await post(worker, `/front-door/${contactId}/decision`, { decision: 'no-further-action', decisionRationale: 'second go' })
      assert.equal(again.statusCode, 409)

      const events = await t.database.rows<{ details: { outcome: string; referrerContacted: boolean } }>(
        sql`select e.details from event e join event_subject s on s.event_id = e.id where s.person_id = ${ids.kai} and e.type = 'referral.decision'`,
      )
      assert.equal(events[0]?.details.outcome, 'strategy-discussion')
      assert.equal(events[0]?.details.referrerContacted, true)
      const grants = await t.database.rows<{ kind: string; ended: boolean }>(
        sql`select kind, ends_at is not null and ends_at <= now() as ended from access_grant where reason = ${`contact:${contactId}`} order by kind`,
      )
      assert.deepEqual(grants.map(g => [g.kind, g.ended]), [['front-door', true], ['referrer', false]])
      // The fixture's own front-door grant on Kai (another contact) is untouched.
      const others = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from access_grant where person_id = ${ids.kai} and kind = 'front-door' and reason is null and ends_at is null`)
      assert.equal(others[0]?.n, 1)
      assert.doesNotMatch((await get(worker, '/front-door')).body, new RegExp(contactId))

      const notifications = await get(referrer, '/notifications')
      assert.match(notifications.body, /Outcome of your referral SL-/)
      const mine = await get(referrer, '/concerns/mine')
      assert.equal(mine.statusCode, 200)
      assert.match(mine.body, /Strategy discussion/)
    })

    it('shows a referral’s confirmation only to the practitioner who raised it', async () => {
      const other = await signInAs(t.app, emailFor('referrer'))
      assert.equal((await get(other, `/concerns/${contactId}/confirmation`)).statusCode, 404)
      assert.doesNotMatch((await get(other, '/concerns/mine')).body, /Strategy discussion/)
    })

    it('links home to the concern form and the queue by permission', async () => {
      const worker = await signInAs(t.app, emailFor('front-door-worker'))
      const home = await get(worker, '/')
      assert.match(home.body, /href="\/concerns\/new">Raise a concern/)
      assert.match(home.body, /href="\/front-door">Front door queue/)
      const analyst = await signInAs(t.app, emailFor('partnership-analyst'))
      const analystHome = await get(analyst, '/')
      assert.doesNotMatch(analystHome.body, /Raise a concern|Front door queue/)
    })
  })
}
