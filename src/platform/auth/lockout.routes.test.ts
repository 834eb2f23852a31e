import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { codeStep, passwordStep } from '../../../test/support/sign-in-steps.ts'
import { accountFor, emailFor, PASSWORD, startTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { testEngines } from '../../../test/support/test-database.ts'
import { totp } from './totp.ts'

const WRONG = /href="#email">Enter a correct email address and password</
const LOCKED = /href="#email">Your account is locked because of too many failed attempts to sign in\. Try again after (\d{1,2} \w+ \d{4} at \d{1,2}:\d{2}[ap]m)\.</

/** The error summary of a page: the part that must not tell an unknown email from a known one. */
const summary = (html: string) => /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0]

for (const engine of testEngines()) {
  describe(`lockout (${engine})`, () => {
    let t: TestApp
    before(async () => {
      t = await startTestApp(engine)
    })
    after(() => t.close())

    it('locks an account after five wrong passwords, says until when, and refuses even the right one', async () => {
      const email = emailFor('exploitation-lead')
      for (let i = 1; i <= 4; i++) {
        const { response } = await passwordStep(t.app, email, `wrong password ${i}`)
        assert.equal(response.statusCode, 400)
        assert.match(response.body, WRONG, `attempt ${i}`)
      }
      const fifth = await passwordStep(t.app, email, 'wrong password 5')
      assert.equal(fifth.response.statusCode, 400)
      const until = LOCKED.exec(fifth.response.body)?.[1]
      assert.ok(until, 'the fifth failure says the account is locked and until when')
      const rows = await t.database.rows<{ locked_until: Date; failed_attempts: number }>(
        sql`select locked_until, failed_attempts from account where id = ${accountFor('exploitation-lead')}`,
      )
      const lockedFor = new Date(rows[0]!.locked_until).getTime() - Date.now()
      assert.ok(lockedFor > 14 * 60_000 && lockedFor <= 15 * 60_000, 'locked for 15 minutes')

      const right = await passwordStep(t.app, email, PASSWORD)
      assert.equal(right.response.statusCode, 400)
      assert.match(right.response.body, LOCKED)
      assert.ok(!right.response.cookies.some(c => c.name === 'sightline_session'))
      const audit = await t.database.rows<{ action: string }>(sql`select action from audit_event where subject_id = ${accountFor('exploitation-lead')}`)
      assert.ok(audit.some(a => a.action === 'account.locked'))

      // When the lock has run out, the right password works again and the count starts afresh.
      await t.database.rows(sql`update account set locked_until = now() - interval '1 second' where id = ${accountFor('exploitation-lead')}`)
      const after = await passwordStep(t.app, email, PASSWORD)
      assert.equal(after.response.statusCode, 303)
      const reset = await t.database.rows<{ failed_attempts: number; locked_until: Date | null }>(
        sql`select failed_attempts, locked_until from account where id = ${accountFor('exploitation-lead')}`,
      )
      assert.deepEqual(reset[0], { failed_attempts: 0, locked_until: null })
    })

    it('resets the count on a correct sign-in', async () => {
      const email = emailFor('partnership-analyst')
      for (let i = 0; i < 4; i++) await passwordStep(t.app, email, 'wrong')
      assert.equal((await passwordStep(t.app, email, PASSWORD)).response.statusCode, 303)
      for (let i = 0; i < 4; i++) {
        const { response } = await passwordStep(t.app, email, 'wrong')
        assert.match(response.body, WRONG)
      }
      const rows = await t.database.rows<{ failed_attempts: number }>(sql`select failed_attempts from account where id = ${accountFor('partnership-analyst')}`)
      assert.equal(rows[0]!.failed_attempts, 4)
    })

    it('answers an unknown email exactly as a wrong password, locks it the same way, and takes as long', async () => {
      const known = await passwordStep(t.app, emailFor('auditor'), 'wrong')
      const unknown = await passwordStep(t.app, 'nobody-here@test.sightline', 'wrong')
      assert.equal(unknown.response.statusCode, known.response.statusCode)
      assert.equal(summary(unknown.response.body), summary(known.response.body))
      for (let i = 2; i <= 4; i++) assert.match((await passwordStep(t.app, 'nobody-here@test.sightline', 'wrong')).response.body, WRONG)
      assert.match((await passwordStep(t.app, 'nobody-here@test.sightline', 'wrong')).response.body, LOCKED, 'the fifth failure "locks" it too')

      // Both check an argon2id hash: an unknown email is not answered faster (which would tell it apart).
      const time = async (email: string) => {
        let best = Infinity
        for (let i = 0; i < 3; i++) {
          const start = performance.now()
          await passwordStep(t.app, email, 'wrong')
          best = Math.min(best, performance.now() - start)
        }
        return best
      }
      const knownMs = await time(emailFor('referrer'))
      const unknownMs = await time('someone-else@test.sightline')
      assert.ok(unknownMs > knownMs * 0.4, `unknown ${unknownMs.toFixed(1)} ms against known ${knownMs.toFixed(1)} ms`)
      await t.database.rows(sql`update account set failed_attempts = 0 where id = ${accountFor('referrer')}`)
    })

    it('counts wrong codes too, and a lock ends the pending sign-in', async () => {
      const accountId = accountFor('team-manager')
      const { secret } = await t.services.auth.beginMfaEnrolment(accountId)
      assert.ok(await t.services.auth.confirmMfaEnrolment(accountId, totp(secret, new Date())))
      const { response, cookie } = await passwordStep(t.app, emailFor('team-manager'))
      assert.equal(response.headers.location, '/sign-in/code?returnTo=%2F')
      for (let i = 1; i <= 4; i++) assert.equal((await codeStep(t.app, cookie, '000000')).response.statusCode, 400)
      const fifth = await codeStep(t.app, cookie, '000000')
      assert.equal(fifth.response.statusCode, 400)
      assert.match(fifth.response.body, LOCKED)
      assert.match(fifth.response.body, /<h1 class="govuk-heading-l">Sign in to Sightline<\/h1>/)
      const after = await t.app.inject({ method: 'GET', url: '/sign-in/code', headers: { cookie } })
      assert.equal(after.statusCode, 302, 'the pending session is gone')
      const again = await passwordStep(t.app, emailFor('team-manager'))
      assert.match(again.response.body, LOCKED)
    })
  })

  describe(`failures from one address (${engine})`, () => {
    let t: TestApp
    before(async () => {
      t = await startTestApp(engine, { env: { SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10' } })
    })
    after(() => t.close())

    it('slows a spray across accounts from one address, and not other addresses', async () => {
      const sprayer = '203.0.113.7'
      // Two failures on each of five accounts: no account locks, but the address reaches its limit.
      for (const role of ['referrer', 'agency-practitioner', 'front-door-worker', 'social-worker', 'team-manager'] as const) {
        for (let i = 0; i < 2; i++) {
          const { response } = await passwordStep(t.app, emailFor(role), 'Summer2026!', { remoteAddress: sprayer })
          assert.match(response.body, WRONG)
        }
      }
      const refused = await passwordStep(t.app, emailFor('auditor'), PASSWORD, { remoteAddress: sprayer })
      assert.equal(refused.response.statusCode, 429)
      const retryAfter = Number(refused.response.headers['retry-after'])
      assert.ok(retryAfter > 14 * 60 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`)
      assert.match(refused.response.body, /href="#email">There have been too many failed attempts to sign in from your network\. Wait 15 minutes and try again\./)
      assert.ok(!refused.response.cookies.some(c => c.name === 'sightline_session'), 'not even the right password signs in')

      const elsewhere = await passwordStep(t.app, emailFor('auditor'), PASSWORD, { remoteAddress: '198.51.100.20' })
      assert.equal(elsewhere.response.statusCode, 303)
      const rows = await t.database.rows<{ locked: number }>(sql`select count(*)::int as locked from account where locked_until is not null`)
      assert.equal(rows[0]!.locked, 0)
    })
  })
}
