import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { csrfFrom, emailFor, formBody, mergeCookies, PASSWORD, signInAs, startTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { testEngines } from '../../../test/support/test-database.ts'

const form = { 'content-type': 'application/x-www-form-urlencoded' }

for (const engine of testEngines()) {
  describe(`signing in and out (${engine})`, () => {
    let t: TestApp
    before(async () => {
      t = await startTestApp(engine)
    })
    after(() => t.close())

    async function signInForm() {
      const page = await t.app.inject({ method: 'GET', url: '/sign-in' })
      return { cookie: mergeCookies('', page), csrf: csrfFrom(page.body), page }
    }

    it('sends a signed-out visitor to the sign-in page, remembering where they were going', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/children' })
      assert.equal(response.statusCode, 302)
      assert.equal(response.headers.location, '/sign-in?returnTo=%2Fchildren')
    })

    it('signs in with the right password and returns to the page asked for', async () => {
      const { cookie, csrf } = await signInForm()
      const response = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { ...form, cookie },
        payload: formBody({ email: emailFor('social-worker').toUpperCase(), password: PASSWORD, _csrf: csrf, returnTo: '/children' }),
      })
      assert.equal(response.statusCode, 303)
      assert.equal(response.headers.location, '/children')
      const session = (response.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[]).find(c => c.name === 'sightline_session')
      assert.ok(session?.httpOnly)
      assert.equal(session?.sameSite, 'Lax')
    })

    it('refuses a wrong password with the GOV.UK error summary, and no session', async () => {
      const { cookie, csrf } = await signInForm()
      const response = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { ...form, cookie },
        payload: formBody({ email: emailFor('social-worker'), password: 'wrong password', _csrf: csrf }),
      })
      assert.equal(response.statusCode, 400)
      assert.match(response.body, /govuk-error-summary/)
      assert.match(response.body, /Enter a correct email address and password/)
      assert.match(response.body, /<title>Error: Sign in/)
      assert.ok(!(response.cookies as { name: string }[]).some(c => c.name === 'sightline_session'))
    })

    it('says which field is missing', async () => {
      const { cookie, csrf } = await signInForm()
      const response = await t.app.inject({ method: 'POST', url: '/sign-in', headers: { ...form, cookie }, payload: formBody({ email: '', password: '', _csrf: csrf }) })
      assert.equal(response.statusCode, 400)
      assert.match(response.body, /href="#email">Enter your email address/)
      assert.match(response.body, /href="#password">Enter your password/)
    })

    it('refuses a form without the CSRF token, and one with another visitor’s token', async () => {
      const { cookie } = await signInForm()
      const other = await signInForm()
      for (const payload of [{ email: emailFor('social-worker'), password: PASSWORD }, { email: emailFor('social-worker'), password: PASSWORD, _csrf: other.csrf }]) {
        const response = await t.app.inject({ method: 'POST', url: '/sign-in', headers: { ...form, cookie }, payload: formBody(payload) })
        assert.equal(response.statusCode, 403)
        assert.match(response.body, /Your form could not be sent/)
      }
    })

    it('gives a new session id at every sign-in, so a planted cookie is worthless', async () => {
      const first = await signInAs(t.app, emailFor('social-worker'))
      const second = await signInAs(t.app, emailFor('social-worker'))
      assert.notEqual(first.cookie, second.cookie)
      const planted = 'sightline_session=' + 'A'.repeat(43)
      const response = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: planted } })
      assert.equal(response.statusCode, 302)
    })

    it('signs out: the session no longer works', async () => {
      const browser = await signInAs(t.app, emailFor('team-manager'))
      const home = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: browser.cookie } })
      assert.equal(home.statusCode, 200)
      const out = await t.app.inject({ method: 'POST', url: '/sign-out', headers: { ...form, cookie: browser.cookie }, payload: formBody({ _csrf: browser.csrf }) })
      assert.equal(out.statusCode, 303)
      const again = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: browser.cookie } })
      assert.equal(again.statusCode, 302)
    })

    it('never redirects off-site after sign-in', async () => {
      const { cookie, csrf } = await signInForm()
      const response = await t.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { ...form, cookie },
        payload: formBody({ email: emailFor('social-worker'), password: PASSWORD, _csrf: csrf, returnTo: '//evil.example/' }),
      })
      assert.equal(response.headers.location, '/')
    })
  })
}
