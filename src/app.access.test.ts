import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { RoleId } from './platform/access/index.ts'
import { emailFor, formBody, ids, signInAs, startTestApp, type Browser, type TestApp } from '../test/support/test-app.ts'

/**
 * Who may reach what, as one table: every route × every role (and signed out) × a child that exists and one
 * that does not. The table is checked against the routes the server actually declares, so a new route
 * without an entry here fails this test. Outcomes: ok (2xx/3xx as the route intends), signin (sent to sign
 * in), 401, 403, 404.
 */
type Outcome = 'ok' | 'signin' | 401 | 403 | 404
type Who = RoleId | 'signed-out'
type Entry = { method: string; url: string; path: (child: string) => string; body?: Record<string, string>; expect: (who: Who, childExists: boolean) => Outcome }

const practitioners: RoleId[] = ['referrer', 'agency-practitioner', 'front-door-worker', 'social-worker', 'team-manager', 'exploitation-lead']
const viewers: RoleId[] = practitioners.filter(r => r !== 'referrer')
const signedInOnly = (who: Who): Outcome => (who === 'signed-out' ? 'signin' : 'ok')
const withPermission = (roles: RoleId[]) => (who: Who, _exists: boolean): Outcome =>
  who === 'signed-out' ? 'signin' : roles.includes(who) ? 'ok' : 403

const table: Entry[] = [
  { method: 'GET', url: '/health/live', path: () => '/health/live', expect: () => 'ok' },
  { method: 'GET', url: '/health/ready', path: () => '/health/ready', expect: () => 'ok' },
  { method: 'GET', url: '/api/v1/openapi.json', path: () => '/api/v1/openapi.json', expect: () => 'ok' },
  { method: 'GET', url: '/assets/sightline.css', path: () => '/assets/sightline.css', expect: () => 'ok' },
  { method: 'GET', url: '/assets/govuk-frontend.min.js', path: () => '/assets/govuk-frontend.min.js', expect: () => 'ok' },
  { method: 'GET', url: '/assets/init.js', path: () => '/assets/init.js', expect: () => 'ok' },
  { method: 'GET', url: '/sign-in', path: () => '/sign-in', expect: () => 'ok' },
  { method: 'POST', url: '/sign-in', path: () => '/sign-in', body: { email: 'nobody@test.sightline', password: 'x' }, expect: () => 'ok' },
  { method: 'POST', url: '/sign-out', path: () => '/sign-out', expect: () => 'ok' },
  { method: 'GET', url: '/', path: () => '/', expect: signedInOnly },
  { method: 'GET', url: '/children', path: () => '/children', expect: withPermission(practitioners) },
  {
    method: 'POST',
    url: '/children',
    path: () => '/children',
    body: { familyName: 'Smith' },
    expect: (who, exists) => (who === 'signed-out' ? 401 : withPermission(practitioners)(who, exists)),
  },
  {
    method: 'GET',
    url: '/children/:personId',
    path: child => `/children/${child}`,
    expect: (who, exists) => {
      const outcome = withPermission(viewers)(who, exists)
      return outcome === 'ok' && !exists ? 404 : outcome
    },
  },
]

function classify(status: number, location: string | string[] | undefined): Outcome {
  if (Array.isArray(location)) location = location[0]
  if (status === 302 && location?.startsWith('/sign-in')) return 'signin'
  if (status < 400) return 'ok'
  if (status === 400) return 'ok' // a form that rendered its own errors was reached
  return status as Outcome
}

describe('access table: role × route × record', () => {
  let t: TestApp
  const browsers = new Map<Who, Browser>()
  before(async () => {
    t = await startTestApp('pglite')
    for (const role of RoleId.options) browsers.set(role, await signInAs(t.app, emailFor(role)))
  })
  after(() => t.close())

  it('has an entry for every route the server declares', () => {
    const declared = t.app.declaredRoutes.filter(r => !r.url.startsWith('/assets/*')).map(r => `${r.method} ${r.url}`).sort()
    const covered = table.map(e => `${e.method} ${e.url}`).sort()
    assert.deepEqual(declared, covered)
  })

  for (const entry of table) {
    it(`${entry.method} ${entry.url}`, async () => {
      const failures: string[] = []
      for (const who of ['signed-out', ...RoleId.options] as Who[]) {
        for (const exists of [true, false]) {
          const child = exists ? ids.kai : '30000000-0000-4000-8000-00000000abcd'
          let browser = browsers.get(who)
          if (entry.url === '/sign-out' && browser) browser = await signInAs(t.app, emailFor(who as RoleId))
          const anonymous = browser ? undefined : await t.app.inject({ method: 'GET', url: '/sign-in' })
          const cookie = browser?.cookie ?? anonymous?.cookies.map(c => `${c.name}=${c.value}`).join('; ') ?? ''
          const csrf = browser?.csrf ?? /name="_csrf" value="([^"]+)"/.exec(anonymous?.body ?? '')?.[1] ?? ''
          const response = await t.app.inject({
            method: entry.method as 'GET' | 'POST',
            url: entry.path(child),
            headers: { cookie, ...(entry.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
            ...(entry.method === 'POST' ? { payload: formBody({ ...entry.body, _csrf: csrf }) } : {}),
          })
          const actual = classify(response.statusCode, response.headers.location)
          const expected = entry.expect(who, exists)
          if (actual !== expected) failures.push(`${who} (child ${exists ? 'exists' : 'missing'}): expected ${expected}, got ${actual} (${response.statusCode})`)
        }
      }
      assert.deepEqual(failures, [])
    })
  }
})
