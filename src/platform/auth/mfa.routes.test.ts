import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { codeStep, enrolThroughPages, passwordStep } from '../../../test/support/sign-in-steps.ts'
import { accountFor, csrfFrom, emailFor, formBody, PASSWORD, signInAs, startTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { testEngines } from '../../../test/support/test-database.ts'
import { isRecentlyAuthenticated, reAuthenticationPath } from './recent-authentication.ts'
import { totp } from './totp.ts'

const form = { 'content-type': 'application/x-www-form-urlencoded' }
const inThirtySeconds = () => new Date(Date.now() + 30_000)

for (const engine of testEngines()) {
  describe(`multi-factor sign-in (${engine})`, () => {
    let t: TestApp
    let secret = ''
    let recoveryCodes: string[] = []
    before(async () => {
      t = await startTestApp(engine)
    })
    after(() => t.close())

    it('enrols with a QR code and the key as text, confirms with a code, and shows ten recovery codes once', async () => {
      const browser = await signInAs(t.app, emailFor('social-worker'))
      const page = await t.app.inject({ method: 'GET', url: '/account/security', headers: { cookie: browser.cookie } })
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /<svg role="img" aria-label="QR code to add Sightline to your authenticator app/)
      assert.match(page.body, /<h1 class="govuk-heading-l">Set up your authenticator app<\/h1>/)
      const shown = /id="secret-key"><code>([A-Z2-7 ]+)<\/code>/.exec(page.body)?.[1]
      assert.ok(shown)
      const again = await t.app.inject({ method: 'GET', url: '/account/security', headers: { cookie: browser.cookie } })
      assert.ok(again.body.includes(shown), 'reloading keeps the same key, so a scanned code stays right')

      const wrong = await t.app.inject({
        method: 'POST',
        url: '/account/security',
        headers: { ...form, cookie: browser.cookie },
        payload: formBody({ code: '000000', _csrf: browser.csrf }),
      })
      assert.equal(wrong.statusCode, 400)
      assert.match(wrong.body, /govuk-error-summary/)
      assert.match(wrong.body, /href="#code">Enter the code your authenticator app shows now/)
      const noCsrf = await t.app.inject({ method: 'POST', url: '/account/security', headers: { ...form, cookie: browser.cookie }, payload: formBody({ code: '000000' }) })
      assert.equal(noCsrf.statusCode, 403)

      ;({ secret, recoveryCodes } = await enrolThroughPages(t.app, browser))
      assert.equal(secret, shown.replace(/ /g, ''))
      assert.equal(new Set(recoveryCodes).size, 10)
      const stored = await t.database.rows<{ code_hash: string; used_at: Date | null }>(
        sql`select code_hash, used_at from recovery_code where account_id = ${accountFor('social-worker')}`,
      )
      assert.equal(stored.length, 10)
      assert.ok(stored.every(r => r.used_at === null && /^[0-9a-f]{64}$/.test(r.code_hash) && !recoveryCodes.some(c => r.code_hash.includes(c.replace(/-/g, '')))))

      const status = await t.app.inject({ method: 'GET', url: '/account/security', headers: { cookie: browser.cookie } })
      assert.match(status.body, /Sign-in security/)
      assert.match(status.body, /Recovery codes left/)
      assert.ok(!recoveryCodes.some(code => status.body.includes(code)), 'recovery codes are shown once only')
      assert.ok(!status.body.includes(secret.slice(0, 8)), 'nor is the key')
      const audit = await t.database.rows<{ action: string }>(sql`select action from audit_event where subject_id = ${accountFor('social-worker')}`)
      assert.ok(audit.some(a => a.action === 'account.mfa-enabled'))
    })

    it('asks for a code after the password; the pending session is signed in for nothing else', async () => {
      const { response, cookie } = await passwordStep(t.app, emailFor('social-worker'), PASSWORD, { returnTo: '/children' })
      assert.equal(response.statusCode, 303)
      assert.equal(response.headers.location, '/sign-in/code?returnTo=%2Fchildren')
      for (const url of ['/', '/children', '/account/security', '/re-authenticate']) {
        const refused = await t.app.inject({ method: 'GET', url, headers: { cookie } })
        assert.equal(refused.statusCode, 302, url)
        assert.match(String(refused.headers.location), /^\/sign-in\?returnTo=/, url)
      }
      const page = await t.app.inject({ method: 'GET', url: '/sign-in/code', headers: { cookie } })
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Enter your security code/)
      assert.doesNotMatch(page.body, /Signed in as/)

      const noCsrf = await t.app.inject({ method: 'POST', url: '/sign-in/code', headers: { ...form, cookie }, payload: formBody({ code: '123456' }) })
      assert.equal(noCsrf.statusCode, 403)
      const wrong = await codeStep(t.app, cookie, '000000')
      assert.equal(wrong.response.statusCode, 400)
      assert.match(wrong.response.body, /href="#code">Enter the code your authenticator app shows now, or an unused recovery code/)

      const code = totp(secret, inThirtySeconds())
      const right = await codeStep(t.app, cookie, code, { returnTo: '/children' })
      assert.equal(right.response.statusCode, 303)
      assert.equal(right.response.headers.location, '/children')
      assert.notEqual(right.cookie, cookie, 'a new session id once fully signed in')
      const children = await t.app.inject({ method: 'GET', url: '/children', headers: { cookie: right.cookie } })
      assert.equal(children.statusCode, 200)
      const old = await t.app.inject({ method: 'GET', url: '/sign-in/code', headers: { cookie } })
      assert.equal(old.statusCode, 302, 'the pending session has ended')

      // The same code cannot be used again, even within its 30 seconds.
      const replay = await passwordStep(t.app, emailFor('social-worker'))
      const refused = await codeStep(t.app, replay.cookie, code)
      assert.equal(refused.response.statusCode, 400)
    })

    it('takes a recovery code instead, once each, however it is typed', async () => {
      const first = await passwordStep(t.app, emailFor('social-worker'))
      const typed = ` ${recoveryCodes[0]!.toUpperCase().replace(/-/g, ' ')} `
      const used = await codeStep(t.app, first.cookie, typed)
      assert.equal(used.response.statusCode, 303)
      const second = await passwordStep(t.app, emailFor('social-worker'))
      const again = await codeStep(t.app, second.cookie, recoveryCodes[0]!)
      assert.equal(again.response.statusCode, 400)
      const rows = await t.database.rows<{ used: number }>(
        sql`select count(*)::int as used from recovery_code where account_id = ${accountFor('social-worker')} and used_at is not null`,
      )
      assert.equal(rows[0]!.used, 1)
      const other = await codeStep(t.app, second.cookie, recoveryCodes[1]!)
      assert.equal(other.response.statusCode, 303)
    })

    it('does not ask an account without multi-factor sign-in for a code', async () => {
      const { response } = await passwordStep(t.app, emailFor('team-manager'))
      assert.equal(response.statusCode, 303)
      assert.equal(response.headers.location, '/')
    })

    it('re-authenticates with the password, sets the time, and goes back to a local page only', async () => {
      const browser = await signInAs(t.app, emailFor('referrer'))
      await t.database.rows(sql`update session set authenticated_at = now() - interval '2 hours' where account_id = ${accountFor('referrer')}`)
      const page = await t.app.inject({ method: 'GET', url: reAuthenticationPath('/children'), headers: { cookie: browser.cookie } })
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Confirm it is you/)
      assert.doesNotMatch(page.body, /name="code"/, 'no code asked of an account without an authenticator app')
      assert.match(page.body, /name="returnTo" value="\/children"/)

      const post = (fields: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: '/re-authenticate', headers: { ...form, cookie: browser.cookie }, payload: formBody({ ...fields, _csrf: browser.csrf }) })
      const noCsrf = await t.app.inject({ method: 'POST', url: '/re-authenticate', headers: { ...form, cookie: browser.cookie }, payload: formBody({ password: PASSWORD }) })
      assert.equal(noCsrf.statusCode, 403)
      const wrong = await post({ password: 'not my password', returnTo: '/children' })
      assert.equal(wrong.statusCode, 400)
      assert.match(wrong.body, /href="#password">Enter your correct password/)
      const before = await t.database.rows<{ authenticated_at: Date }>(sql`select authenticated_at from session where account_id = ${accountFor('referrer')}`)
      assert.ok(Date.now() - new Date(before[0]!.authenticated_at).getTime() > 60 * 60_000)

      const right = await post({ password: PASSWORD, returnTo: '/children' })
      assert.equal(right.statusCode, 303)
      assert.equal(right.headers.location, '/children')
      const rows = await t.database.rows<{ authenticated_at: Date }>(sql`select authenticated_at from session where account_id = ${accountFor('referrer')}`)
      assert.ok(Date.now() - new Date(rows[0]!.authenticated_at).getTime() < 60_000)
      const offSite = await post({ password: PASSWORD, returnTo: '//evil.example/' })
      assert.equal(offSite.headers.location, '/')
    })

    it('re-authenticates an account with multi-factor sign-in only with its code too', async () => {
      const first = await passwordStep(t.app, emailFor('social-worker'))
      const signedIn = await codeStep(t.app, first.cookie, recoveryCodes[2]!)
      const home = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: signedIn.cookie } })
      const browser = { cookie: signedIn.cookie, csrf: csrfFrom(home.body) }
      const page = await t.app.inject({ method: 'GET', url: '/re-authenticate', headers: { cookie: browser.cookie } })
      assert.match(page.body, /name="code"/)
      const post = (fields: Record<string, string>) =>
        t.app.inject({ method: 'POST', url: '/re-authenticate', headers: { ...form, cookie: browser.cookie }, payload: formBody({ ...fields, _csrf: browser.csrf }) })
      const noCode = await post({ password: PASSWORD })
      assert.equal(noCode.statusCode, 400)
      assert.match(noCode.body, /href="#code">Enter the code from your authenticator app/)
      const badCode = await post({ password: PASSWORD, code: '000000' })
      assert.equal(badCode.statusCode, 400)
      const ok = await post({ password: PASSWORD, code: recoveryCodes[3]!, returnTo: '/account/security' })
      assert.equal(ok.statusCode, 303)
      assert.equal(ok.headers.location, '/account/security')
    })

    it('offers no identity provider when none is configured', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/sign-in' })
      assert.doesNotMatch(page.body, /Sign in with/)
      const start = await t.app.inject({ method: 'GET', url: '/sign-in/oidc' })
      assert.equal(start.statusCode, 404)
    })
  })

  describe(`SIGHTLINE_REQUIRE_MFA (${engine})`, () => {
    let t: TestApp
    before(async () => {
      t = await startTestApp(engine, { env: { SIGHTLINE_REQUIRE_MFA: 'true' } })
    })
    after(() => t.close())

    it('sends a practitioner without an authenticator app to set one up before anything else', async () => {
      const { response, cookie } = await passwordStep(t.app, emailFor('front-door-worker'))
      assert.equal(response.statusCode, 303)
      const home = await t.app.inject({ method: 'GET', url: '/', headers: { cookie } })
      assert.equal(home.statusCode, 302)
      assert.equal(home.headers.location, '/account/security')
      const page = await t.app.inject({ method: 'GET', url: '/account/security', headers: { cookie } })
      assert.equal(page.statusCode, 200)
      assert.match(page.body, /Your organisation requires a second step when you sign in/)
      const browser = { cookie, csrf: csrfFrom(page.body) }
      const search = await t.app.inject({
        method: 'POST',
        url: '/children',
        headers: { ...form, cookie },
        payload: formBody({ familyName: 'Smith', _csrf: browser.csrf }),
      })
      assert.equal(search.statusCode, 303)
      assert.equal(search.headers.location, '/account/security')

      await enrolThroughPages(t.app, browser)
      const after = await t.app.inject({ method: 'GET', url: '/', headers: { cookie } })
      assert.equal(after.statusCode, 200)
    })

    it('still lets them sign out', async () => {
      const { cookie } = await passwordStep(t.app, emailFor('referrer'))
      const page = await t.app.inject({ method: 'GET', url: '/account/security', headers: { cookie } })
      const out = await t.app.inject({ method: 'POST', url: '/sign-out', headers: { ...form, cookie }, payload: formBody({ _csrf: csrfFrom(page.body) }) })
      assert.equal(out.statusCode, 303)
      assert.equal(out.headers.location, '/sign-in?signedOut=1')
    })
  })
}

describe('recent authentication', () => {
  const actor = (authenticatedAt: Date | undefined, kind: 'practitioner' | 'api-client' = 'practitioner') =>
    ({ kind, authenticatedAt }) as Parameters<typeof isRecentlyAuthenticated>[0]
  const now = new Date('2026-11-26T10:00:00Z')

  it('holds within the minutes given, and never for an API client or without a time', () => {
    assert.equal(isRecentlyAuthenticated(actor(new Date('2026-11-26T09:56:00Z')), 5, now), true)
    assert.equal(isRecentlyAuthenticated(actor(new Date('2026-11-26T09:54:00Z')), 5, now), false)
    assert.equal(isRecentlyAuthenticated(actor(new Date('2026-11-26T09:59:00Z'), 'api-client'), 5, now), false)
    assert.equal(isRecentlyAuthenticated(actor(undefined), 5, now), false)
    assert.equal(isRecentlyAuthenticated(undefined, 5, now), false)
  })

  it('sends to the re-authentication page with a local return path only', () => {
    assert.equal(reAuthenticationPath('/children/abc/break-glass'), '/re-authenticate?returnTo=%2Fchildren%2Fabc%2Fbreak-glass')
    assert.equal(reAuthenticationPath('https://evil.example/'), '/re-authenticate?returnTo=%2F')
  })
})
