import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { accountFor, emailFor, ids, PASSWORD, startTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { testEngines } from '../../../test/support/test-database.ts'
import { totp } from './totp.ts'

/** A browser's cookie jar over real HTTP. */
class Jar {
  readonly cookies = new Map<string, string>()
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      const name = pair!.slice(0, at)
      const value = pair!.slice(at + 1)
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
}

const csrfOn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''

/**
 * The real server on a port, driven over HTTP as a browser or a partner system would: CSRF is refused, a planted
 * session id is worthless, rate limits hold, and lockout works.
 */
for (const engine of testEngines()) {
  describe(`security of the running server (${engine})`, () => {
    let t: TestApp
    let base = ''
    /** Failed sign-ins sent from 127.0.0.1 in this file, towards the per-address limit of 10. */
    let failures = 0
    before(async () => {
      t = await startTestApp(engine, { env: { SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10' } })
      base = await t.app.listen({ host: '127.0.0.1', port: 0 })
    })
    after(() => (t as TestApp | undefined)?.close())

    async function get(jar: Jar, path: string): Promise<{ response: Response; body: string }> {
      const response = await fetch(base + path, { headers: { cookie: jar.header() }, redirect: 'manual' })
      jar.take(response)
      return { response, body: await response.text() }
    }
    async function post(jar: Jar, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
      const response = await fetch(base + path, {
        method: 'POST',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      })
      jar.take(response)
      return { response, body: await response.text() }
    }
    async function signIn(jar: Jar, email: string, password = PASSWORD) {
      const form = await get(jar, '/sign-in')
      const result = await post(jar, '/sign-in', { email, password, _csrf: csrfOn(form.body) })
      if (result.response.status === 400 || result.response.status === 429) failures++
      return result
    }

    it('refuses forms without the CSRF token, with a wrong one, or from another site', async () => {
      const anonymous = new Jar()
      const form = await get(anonymous, '/sign-in')
      const noToken = await post(anonymous, '/sign-in', { email: emailFor('referrer'), password: PASSWORD })
      assert.equal(noToken.response.status, 403)
      assert.match(noToken.body, /Your form could not be sent/)
      assert.equal(anonymous.cookies.has('sightline_session'), false)

      const admin = new Jar()
      assert.equal((await signIn(admin, emailFor('administrator'))).response.status, 303)
      const page = await get(admin, '/admin/api-clients/new')
      const token = csrfOn(page.body)
      const fields = { name: 'Forged system', agencyId: ids.police, scopes: 'concerns:write', ratePerMinute: '6000' }
      for (const [label, extra, headers] of [
        ['no token', {}, { origin: 'https://evil.example' }],
        ['the sign-in form’s anonymous token', { _csrf: csrfOn(form.body) }, {}],
        ['a wrong header token', {}, { 'x-csrf-token': token.slice(0, -2) + 'xx' }],
      ] as const) {
        const forged = await post(admin, '/admin/api-clients', { ...fields, ...extra }, headers)
        assert.equal(forged.response.status, 403, label)
      }
      const genuine = await post(admin, '/admin/api-clients', { ...fields, ratePerMinute: 'lots', _csrf: token })
      assert.equal(genuine.response.status, 400, 'the right token reaches the form (which finds its own error)')
    })

    it('gives a new session at sign-in, so a planted session id is worthless, and ends the planted one', async () => {
      // The attacker passes the password step of an account they hold (with an authenticator app), and plants
      // that half-signed-in session in the victim's browser.
      const { secret } = await t.services.auth.beginMfaEnrolment(accountFor('referrer'))
      assert.ok(await t.services.auth.confirmMfaEnrolment(accountFor('referrer'), totp(secret, new Date())))
      const attacker = new Jar()
      const pending = await signIn(attacker, emailFor('referrer'))
      assert.equal(pending.response.headers.get('location'), '/sign-in/code?returnTo=%2F')
      const planted = attacker.cookies.get('sightline_session')!

      const victim = new Jar()
      victim.cookies.set('sightline_session', planted)
      assert.equal((await signIn(victim, emailFor('social-worker'))).response.status, 303)
      assert.notEqual(victim.cookies.get('sightline_session'), planted)
      assert.match((await get(victim, '/')).body, /Signed in as <strong>Test social-worker<\/strong>/)
      assert.equal((await get(attacker, '/')).response.status, 302, 'the planted id signs no one in')
      assert.equal((await get(attacker, '/sign-in/code')).response.status, 302, 'and its pending sign-in has ended')

      const madeUp = new Jar()
      madeUp.cookies.set('sightline_session', 'A'.repeat(43))
      assert.equal((await get(madeUp, '/')).response.status, 302)
      const cookieLine = (await fetch(`${base}/sign-in`)).headers.getSetCookie().join('\n')
      assert.match(cookieLine, /HttpOnly/)
      assert.match(cookieLine, /SameSite=Lax/)
    })

    it('locks an account after five failures, whatever is tried next', async () => {
      const jar = new Jar()
      for (let i = 0; i < 4; i++) assert.match((await signIn(jar, emailFor('exploitation-lead'), `guess ${i}`)).body, /Enter a correct email address and password/)
      assert.match((await signIn(jar, emailFor('exploitation-lead'), 'guess 5')).body, /Your account is locked/)
      const right = await signIn(jar, emailFor('exploitation-lead'))
      assert.equal(right.response.status, 400)
      assert.match(right.body, /Your account is locked/)
      assert.equal(jar.cookies.has('sightline_session'), false)
    })

    it('holds an API client to its rate, even in a burst', async () => {
      const actor = { kind: 'practitioner', accountId: accountFor('administrator'), permissions: new Set(['admin:manage']) } as unknown as Parameters<typeof t.services.apiClients.createClient>[0]
      const { token } = await t.services.apiClients.createClient(actor, { name: 'Bursting system', agencyId: ids.police, scopes: ['status:read'], ratePerMinute: 5 })
      const burst = await Promise.all(
        Array.from({ length: 12 }, () => fetch(`${base}/api/v1/openapi.json`, { headers: { authorization: `Bearer ${token}` } })),
      )
      const statuses = burst.map(r => r.status).sort()
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429, 429, 429, 429, 429])
      const limited = burst.find(r => r.status === 429)!
      assert.match(limited.headers.get('content-type') ?? '', /^application\/problem\+json/)
      assert.ok(Number(limited.headers.get('retry-after')) >= 1)
    })

    it('slows sign-in failures from one address, then refuses even right passwords from it', async () => {
      const jar = new Jar()
      for (let i = 0; failures < 10 && i < 20; i++) {
        const attempt = await signIn(jar, 'sprayed-' + String(i) + '@test.sightline', 'Winter2026!')
        assert.equal(attempt.response.status, 400)
      }
      const refused = await signIn(jar, emailFor('auditor'))
      assert.equal(refused.response.status, 429)
      assert.ok(Number(refused.response.headers.get('retry-after')) > 0)
      assert.match(refused.body, /too many failed attempts to sign in from your network/)
    })
  })
}
