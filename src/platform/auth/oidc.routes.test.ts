import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { startTestProvider, type TestIdentity, type TestProvider } from '../../../test/support/oidc-provider.ts'
import { accountFor, csrfFrom, emailFor, mergeCookies, startTestApp, type TestApp } from '../../../test/support/test-app.ts'
import { testEngines } from '../../../test/support/test-database.ts'

const REDIRECT_URI = 'http://sightline.test/sign-in/oidc/callback'

for (const engine of testEngines()) {
  describe(`sign-in with an OpenID Connect provider (${engine})`, () => {
    let provider: TestProvider
    let t: TestApp
    before(async () => {
      provider = await startTestProvider({ redirectUri: REDIRECT_URI })
      t = await startTestApp(engine, {
        env: {
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: provider.clientId,
          OIDC_CLIENT_SECRET: provider.clientSecret,
          OIDC_REDIRECT_URI: REDIRECT_URI,
          OIDC_PROVIDER_NAME: 'Northshire sign-in',
          OIDC_AGENCY_CLAIM: 'agency',
        },
      })
    })
    after(async () => {
      // Either may be missing if starting failed; close what there is, so the process can end.
      await (t as TestApp | undefined)?.close()
      await (provider as TestProvider | undefined)?.close()
    })

    /**
     * The whole round trip: Sightline sends the browser to the provider (app.inject), the browser follows it to
     * the provider (real HTTP), which signs `identity` in and sends it back to Sightline's callback (app.inject).
     */
    async function roundTrip(identity: TestIdentity | undefined, options: { start?: string; cookie?: string } = {}) {
      provider.signInAs(identity)
      const start = await t.app.inject({ method: 'GET', url: options.start ?? '/sign-in/oidc?returnTo=%2Fchildren', headers: { cookie: options.cookie ?? '' } })
      assert.equal(start.statusCode, 302, start.body)
      const authorize = new URL(String(start.headers.location))
      let cookie = mergeCookies(options.cookie ?? '', start)
      const atProvider = await fetch(authorize, { redirect: 'manual' })
      assert.equal(atProvider.status, 302)
      const back = new URL(atProvider.headers.get('location')!)
      assert.equal(`${back.origin}${back.pathname}`, REDIRECT_URI)
      const callback = await t.app.inject({ method: 'GET', url: `/sign-in/oidc/callback${back.search}`, headers: { cookie } })
      cookie = mergeCookies(cookie, callback)
      return { start, authorize, callback, cookie }
    }

    const claims = (role: Parameters<typeof emailFor>[0], extra: Record<string, unknown> = {}) => ({
      email: emailFor(role),
      email_verified: true,
      agency: role === 'agency-practitioner' ? 'police' : 'council',
      ...extra,
    })
    const sessionCookie = (response: LightMyRequestResponse) => response.cookies.find(c => c.name === 'sightline_session')

    it('offers the provider on the sign-in page', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/sign-in?returnTo=%2Fchildren' })
      assert.match(page.body, /href="\/sign-in\/oidc\?returnTo=%2Fchildren"[^>]*>\s*Sign in with Northshire sign-in/)
    })

    it('signs in end to end with PKCE, state and nonce, linking the identity by its verified email the first time', async () => {
      const { start, authorize, callback, cookie } = await roundTrip({ sub: 'sw-0001', claims: claims('social-worker') })
      assert.equal(authorize.origin, provider.issuer)
      assert.equal(authorize.searchParams.get('client_id'), provider.clientId)
      assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256')
      assert.match(authorize.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/)
      assert.ok(authorize.searchParams.get('state') && authorize.searchParams.get('nonce'))
      const stateCookie = start.cookies.find(c => c.name === 'sightline_oidc')
      assert.ok(stateCookie?.httpOnly)
      assert.equal(stateCookie.path, '/sign-in/oidc')
      assert.ok(!stateCookie.value.includes(authorize.searchParams.get('state')!), 'the state cookie is sealed')
      assert.match(provider.tokenRequests.at(-1)?.get('code_verifier') ?? '', /^[A-Za-z0-9_-]{43}$/)

      assert.equal(callback.statusCode, 303)
      assert.equal(callback.headers.location, '/children')
      assert.ok(sessionCookie(callback))
      const children = await t.app.inject({ method: 'GET', url: '/children', headers: { cookie } })
      assert.equal(children.statusCode, 200)
      assert.match(children.body, /Signed in as <strong>Test social-worker<\/strong>/)

      const links = await t.database.rows<{ issuer: string; subject: string; account_id: string }>(sql`select issuer, subject, account_id from external_identity`)
      assert.deepEqual(links, [{ issuer: provider.issuer, subject: 'sw-0001', account_id: accountFor('social-worker') }])
      const audit = await t.database.rows<{ action: string; details: { method?: string } }>(
        sql`select action, details from audit_event where subject_id = ${accountFor('social-worker')} order by id`,
      )
      assert.deepEqual(
        audit.map(a => a.action),
        ['account.identity-linked', 'account.signed-in'],
      )
      assert.equal(audit[1]!.details.method, 'oidc')
    })

    it('knows a linked identity by its subject afterwards, whatever the email claim says', async () => {
      const { callback } = await roundTrip({ sub: 'sw-0001', claims: { agency: 'council', email: 'changed@elsewhere.example', email_verified: true } })
      assert.equal(callback.statusCode, 303)
    })

    it('refuses an identity with no account, creating nothing', async () => {
      const { callback } = await roundTrip({ sub: 'stranger', claims: { email: 'stranger@elsewhere.example', email_verified: true, agency: 'council' } })
      assert.equal(callback.statusCode, 403)
      assert.match(callback.body, /There is no Sightline account for you/)
      assert.match(callback.body, /Sightline does not create accounts when you first sign in/)
      assert.equal(sessionCookie(callback), undefined)
      const rows = await t.database.rows<{ n: number }>(sql`select count(*)::int as n from account where email like 'stranger%'`)
      assert.equal(rows[0]!.n, 0)
    })

    it('does not link by an email the provider has not verified', async () => {
      const { callback } = await roundTrip({ sub: 'tm-0001', claims: claims('team-manager', { email_verified: false }) })
      assert.equal(callback.statusCode, 403)
      assert.match(callback.body, /There is no Sightline account for you/)
    })

    it('refuses a practitioner whose agency claim names another agency', async () => {
      const wrong = await roundTrip({ sub: 'ap-0001', claims: claims('agency-practitioner', { agency: 'council' }) })
      assert.equal(wrong.callback.statusCode, 403)
      assert.match(wrong.callback.body, /Your agency does not match your Sightline account/)
      const missing = await roundTrip({ sub: 'ap-0001', claims: claims('agency-practitioner', { agency: undefined }) })
      assert.equal(missing.callback.statusCode, 403)
      const right = await roundTrip({ sub: 'ap-0001', claims: claims('agency-practitioner', { agency: ['health', 'police'] }) })
      assert.equal(right.callback.statusCode, 303)
    })

    it('refuses a callback without its state cookie, or with another flow’s state, or an error from the provider', async () => {
      provider.signInAs({ sub: 'sw-0001', claims: claims('social-worker') })
      const first = await t.app.inject({ method: 'GET', url: '/sign-in/oidc' })
      const second = await t.app.inject({ method: 'GET', url: '/sign-in/oidc' })
      const back = new URL((await fetch(String(first.headers.location), { redirect: 'manual' })).headers.get('location')!)
      const noCookie = await t.app.inject({ method: 'GET', url: `/sign-in/oidc/callback${back.search}` })
      assert.equal(noCookie.statusCode, 400)
      assert.match(noCookie.body, /Your sign-in timed out/)
      const crossed = await t.app.inject({ method: 'GET', url: `/sign-in/oidc/callback${back.search}`, headers: { cookie: mergeCookies('', second) } })
      assert.equal(crossed.statusCode, 400)
      assert.match(crossed.body, /Sorry, signing in did not work/)
      assert.equal(sessionCookie(crossed), undefined)

      const denied = await roundTrip(undefined)
      assert.equal(denied.callback.statusCode, 400)
      assert.match(denied.callback.body, /Sorry, signing in did not work/)
    })

    it('re-authenticates at the provider with a fresh login, for the same person only', async () => {
      const signedIn = await roundTrip({ sub: 'sw-0001', claims: claims('social-worker') })
      await t.database.rows(sql`update session set authenticated_at = now() - interval '1 hour' where account_id = ${accountFor('social-worker')}`)
      const page = await t.app.inject({ method: 'GET', url: '/re-authenticate?returnTo=%2Fchildren', headers: { cookie: signedIn.cookie } })
      assert.match(page.body, /href="\/sign-in\/oidc\?reauthenticate=1&amp;returnTo=%2Fchildren"/)
      csrfFrom(page.body)

      const someoneElse = await roundTrip(
        { sub: 'ap-0001', claims: claims('agency-practitioner') },
        { start: '/sign-in/oidc?reauthenticate=1&returnTo=%2Fchildren', cookie: signedIn.cookie },
      )
      assert.equal(someoneElse.callback.statusCode, 403)
      assert.match(someoneElse.callback.body, /You confirmed as someone else/)

      const again = await roundTrip({ sub: 'sw-0001', claims: claims('social-worker') }, { start: '/sign-in/oidc?reauthenticate=1&returnTo=%2Fchildren', cookie: signedIn.cookie })
      assert.equal(again.authorize.searchParams.get('prompt'), 'login')
      assert.equal(again.authorize.searchParams.get('max_age'), '0')
      assert.equal(again.callback.statusCode, 303)
      assert.equal(again.callback.headers.location, '/children')
      assert.equal(sessionCookie(again.callback), undefined, 'the same session, now re-authenticated')
      const rows = await t.database.rows<{ authenticated_at: Date }>(
        sql`select authenticated_at from session where account_id = ${accountFor('social-worker')} order by authenticated_at desc limit 1`,
      )
      assert.ok(Date.now() - new Date(rows[0]!.authenticated_at).getTime() < 60_000)
    })
  })
}
