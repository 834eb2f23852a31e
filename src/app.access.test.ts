import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ApiScope, RoleId, type Actor } from './platform/access/index.ts'
import { emailFor, formBody, ids, signInAs, startTestApp, type Browser, type TestApp } from '../test/support/test-app.ts'

/**
 * Who may reach what, as one table: every route × every role (and signed out) × a child the practitioner may
 * have a relationship with (Kai: the front door, his allocated social worker and their team), a child nobody
 * has a relationship with (Mia), and a child that does not exist. The table is checked against the routes the
 * server actually declares, so a new route without an entry here fails this test. Outcomes: ok (2xx/3xx as
 * the route intends, or a form that re-rendered with its errors), full (a child's full record), known (the
 * "known to services" view), signin (sent to sign in), 401, 403, 404.
 */
type Outcome = 'ok' | 'full' | 'known' | 'signin' | 401 | 403 | 404
type Who = RoleId | 'signed-out'
type Record = 'related' | 'unrelated' | 'missing'
type Entry = { method: string; url: string; path: (child: string) => string; body?: { [field: string]: string }; expect: (who: Who, record: Record) => Outcome }

const practitioners: RoleId[] = ['referrer', 'agency-practitioner', 'front-door-worker', 'social-worker', 'team-manager', 'exploitation-lead']
const viewers: RoleId[] = practitioners.filter(r => r !== 'referrer')
/** Roles whose fixture practitioner (or team) holds a relationship to Kai. */
const related: RoleId[] = ['front-door-worker', 'social-worker', 'team-manager']
const signedInOnly = (who: Who): Outcome => (who === 'signed-out' ? 'signin' : 'ok')
const withPermission = (roles: RoleId[]) => (who: Who): Outcome => (who === 'signed-out' ? 'signin' : roles.includes(who) ? 'ok' : 403)
const childRecord = (who: Who, record: Record): Outcome => {
  const reached = withPermission(practitioners)(who)
  if (reached !== 'ok') return reached
  if (record === 'missing') return 404
  return record === 'related' && related.includes(who as RoleId) ? 'full' : 'known'
}
const breakGlassForm = (who: Who, record: Record): Outcome => {
  const reached = withPermission(viewers)(who)
  if (reached !== 'ok') return reached
  if (record === 'missing') return 404
  // With a relationship there is no glass to break: the form sends you to the record.
  return 'ok'
}

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
  { method: 'GET', url: '/notifications', path: () => '/notifications', expect: signedInOnly },
  {
    method: 'POST',
    url: '/notifications/:id/open',
    path: () => '/notifications/00000000-0000-4000-8000-000000000000/open',
    expect: who => (who === 'signed-out' ? 401 : 'ok'),
  },
  { method: 'GET', url: '/children', path: () => '/children', expect: withPermission(practitioners) },
  {
    method: 'POST',
    url: '/children',
    path: () => '/children',
    body: { familyName: 'Smith' },
    expect: who => (who === 'signed-out' ? 401 : withPermission(practitioners)(who)),
  },
  { method: 'GET', url: '/children/:personId', path: child => `/children/${child}`, expect: childRecord },
  {
    method: 'GET',
    url: '/children/:personId/break-glass',
    path: child => `/children/${child}/break-glass`,
    expect: breakGlassForm,
  },
  {
    method: 'POST',
    url: '/children/:personId/break-glass',
    path: child => `/children/${child}/break-glass`,
    body: { reason: 'too short' },
    expect: (who, record) => (who === 'signed-out' ? 401 : breakGlassForm(who, record)),
  },
  { method: 'GET', url: '/break-glass', path: () => '/break-glass', expect: withPermission(['team-manager']) },
  {
    method: 'GET',
    url: '/break-glass/:grantId',
    path: () => '/break-glass/00000000-0000-4000-8000-000000000000',
    expect: who => (withPermission(['team-manager'])(who) === 'ok' ? 404 : withPermission(['team-manager'])(who)),
  },
  {
    method: 'POST',
    url: '/break-glass/:grantId',
    path: () => '/break-glass/00000000-0000-4000-8000-000000000000',
    body: { outcome: 'appropriate', note: 'fine' },
    expect: who => (who === 'signed-out' ? 401 : withPermission(['team-manager'])(who) === 'ok' ? 404 : 403),
  },
  // The partner API takes API client tokens only: a browser session (or none) is 401 for everyone.
  { method: 'GET', url: '/api/v1/status', path: () => '/api/v1/status?nhsNumber=9998765439', expect: () => 401 },
  { method: 'GET', url: '/audit', path: () => '/audit', expect: withPermission(['auditor']) },
  { method: 'GET', url: '/audit/export.csv', path: () => '/audit/export.csv?personId=' + ids.kai, expect: withPermission(['auditor']) },
  { method: 'GET', url: '/partnership', path: () => '/partnership', expect: withPermission(['partnership-analyst', 'team-manager']) },
  { method: 'GET', url: '/admin', path: () => '/admin', expect: withPermission(['administrator']) },
  ...['agencies', 'teams', 'practitioners'].flatMap((thing): Entry[] => [
    { method: 'GET', url: `/admin/${thing}/new`, path: () => `/admin/${thing}/new`, expect: withPermission(['administrator']) },
    {
      method: 'POST',
      url: `/admin/${thing}/new`,
      path: () => `/admin/${thing}/new`,
      body: {},
      expect: who => (who === 'signed-out' ? 401 : withPermission(['administrator'])(who)),
    },
  ]),
  // Sign-in protection, account security, identity provider and API clients (platform/auth). OIDC is not
  // configured in this app, so its routes are 404 for everyone; the code step without a pending sign-in sends you back.
  { method: 'GET', url: '/sign-in/code', path: () => '/sign-in/code', expect: signedInOnly },
  { method: 'POST', url: '/sign-in/code', path: () => '/sign-in/code', body: { code: '123456' }, expect: () => 'ok' },
  { method: 'GET', url: '/sign-in/oidc', path: () => '/sign-in/oidc', expect: () => 404 },
  { method: 'GET', url: '/sign-in/oidc/callback', path: () => '/sign-in/oidc/callback?code=x&state=y', expect: () => 404 },
  { method: 'GET', url: '/re-authenticate', path: () => '/re-authenticate?returnTo=%2F', expect: signedInOnly },
  { method: 'POST', url: '/re-authenticate', path: () => '/re-authenticate', body: {}, expect: who => (who === 'signed-out' ? 401 : 'ok') },
  { method: 'GET', url: '/account/security', path: () => '/account/security', expect: signedInOnly },
  { method: 'POST', url: '/account/security', path: () => '/account/security', body: {}, expect: who => (who === 'signed-out' ? 401 : 'ok') },
  {
    method: 'POST',
    url: '/account/security/recovery-codes',
    path: () => '/account/security/recovery-codes',
    body: {},
    expect: who => (who === 'signed-out' ? 401 : 'ok'),
  },
  { method: 'GET', url: '/admin/api-clients', path: () => '/admin/api-clients', expect: withPermission(['administrator']) },
  { method: 'GET', url: '/admin/api-clients/new', path: () => '/admin/api-clients/new', expect: withPermission(['administrator']) },
  {
    method: 'POST',
    url: '/admin/api-clients',
    path: () => '/admin/api-clients',
    body: {},
    expect: who => (who === 'signed-out' ? 401 : withPermission(['administrator'])(who)),
  },
  ...[
    ['GET', '/admin/api-clients/:clientId', ''],
    ['POST', '/admin/api-clients/:clientId/rotate', '/rotate'],
    ['GET', '/admin/api-clients/:clientId/revoke', '/revoke'],
    ['POST', '/admin/api-clients/:clientId/revoke', '/revoke'],
  ].map(
    ([method, url, tail]): Entry => ({
      method: method!,
      url: url!,
      path: () => `/admin/api-clients/00000000-0000-4000-8000-000000000000${tail!}`,
      expect: who => (who === 'signed-out' && method === 'POST' ? 401 : withPermission(['administrator'])(who) === 'ok' ? 404 : withPermission(['administrator'])(who)),
    }),
  ),
  // Intake: the concern form and the referrer's referrals (every practitioner role), the front door (front-door
  // workers and team managers). A contact that does not exist is 404 for those who may reach the route.
  ...(() => {
    const deciders: RoleId[] = ['front-door-worker', 'team-manager']
    const missing = '/00000000-0000-4000-8000-000000000000'
    const reachedThen404 = (roles: RoleId[], post: boolean) => (who: Who): Outcome => {
      if (post && who === 'signed-out') return 401
      const reached = withPermission(roles)(who)
      return reached === 'ok' ? 404 : reached
    }
    const entries: Entry[] = [
      { method: 'GET', url: '/concerns/new', path: () => '/concerns/new', expect: withPermission(practitioners) },
      { method: 'GET', url: '/concerns/new/:step', path: () => '/concerns/new/child', expect: withPermission(practitioners) },
      { method: 'POST', url: '/concerns/new/:step', path: () => '/concerns/new/child', body: {}, expect: who => (who === 'signed-out' ? 401 : withPermission(practitioners)(who)) },
      { method: 'GET', url: '/concerns/check', path: () => '/concerns/check', expect: withPermission(practitioners) },
      { method: 'POST', url: '/concerns/check', path: () => '/concerns/check', body: {}, expect: who => (who === 'signed-out' ? 401 : withPermission(practitioners)(who)) },
      { method: 'GET', url: '/concerns/:contactId/confirmation', path: () => `/concerns${missing}/confirmation`, expect: reachedThen404(practitioners, false) },
      { method: 'GET', url: '/concerns/mine', path: () => '/concerns/mine', expect: withPermission(practitioners) },
      { method: 'GET', url: '/front-door', path: () => '/front-door', expect: withPermission(deciders) },
      { method: 'GET', url: '/front-door/:contactId', path: () => `/front-door${missing}`, expect: reachedThen404(deciders, false) },
      { method: 'POST', url: '/front-door/:contactId/rag', path: () => `/front-door${missing}/rag`, body: { rag: 'red', rationale: 'x' }, expect: reachedThen404(deciders, true) },
      { method: 'POST', url: '/front-door/:contactId/decision', path: () => `/front-door${missing}/decision`, body: { decision: 'early-help', decisionRationale: 'x' }, expect: reachedThen404(deciders, true) },
      // The partner API takes API client tokens only.
      { method: 'POST', url: '/api/v1/concerns', path: () => '/api/v1/concerns', body: {}, expect: () => 401 },
      { method: 'POST', url: '/api/v1/events', path: () => '/api/v1/events', body: {}, expect: () => 401 },
    ]
    return entries
  })(),
]

const childFor: { [r in Record]: string } = {
  related: ids.kai,
  unrelated: ids.mia,
  missing: '30000000-0000-4000-8000-00000000abcd',
}

function classify(status: number, location: string | string[] | undefined, body: string): Outcome {
  if (Array.isArray(location)) location = location[0]
  if (status === 302 && location?.startsWith('/sign-in')) return 'signin'
  if (status === 200 && body.includes('You are seeing this record as')) return 'full'
  if (status === 200 && body.includes('Why you cannot see the full record')) return 'known'
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
        for (const record of ['related', 'unrelated', 'missing'] as Record[]) {
          const child = childFor[record]
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
          const actual = classify(response.statusCode, response.headers.location, response.body)
          const expected = entry.expect(who, record)
          if (actual !== expected) failures.push(`${who} (${record} child): expected ${expected}, got ${actual} (${response.statusCode})`)
        }
      }
      assert.deepEqual(failures, [])
    })
  }

  it('partner API × API client scope: a route answers only a token with its scope, and a token opens no page', async () => {
    const admin = { kind: 'practitioner', accountId: undefined, permissions: new Set(['admin:manage']), roles: ['administrator'] } as unknown as Actor
    const tokens = new Map<string, string>()
    for (const scope of ApiScope.options) {
      tokens.set(scope, (await t.services.apiClients.createClient(admin, { agencyId: ids.police, name: `Client ${scope}`, scopes: [scope], ratePerMinute: 6000 })).token)
    }
    const scopeOf: { [url: string]: string } = { '/api/v1/status': 'status:read', '/api/v1/concerns': 'concerns:write', '/api/v1/events': 'events:write' }
    const apiRoutes = table.filter(e => e.url.startsWith('/api/v1/') && e.url !== '/api/v1/openapi.json')
    assert.deepEqual(apiRoutes.map(e => e.url).sort(), Object.keys(scopeOf).sort(), 'every partner API route has its scope here')
    const failures: string[] = []
    for (const entry of apiRoutes) {
      const callers: [string, string][] = [...tokens.entries(), ['no token', ''], ['a made-up token', 'sl_not-a-real-token']]
      for (const [scope, token] of callers) {
        const response = await t.app.inject({
          method: entry.method as 'GET' | 'POST',
          url: entry.path(ids.kai),
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(entry.method === 'POST' ? { 'content-type': 'application/json', 'idempotency-key': `k-${scope}` } : {}) },
          ...(entry.method === 'POST' ? { payload: '{}' } : {}),
        })
        const expected = !tokens.has(scope) ? 401 : scope === scopeOf[entry.url] ? 'reached' : 403
        const actual = response.statusCode === 401 || response.statusCode === 403 ? response.statusCode : 'reached'
        if (actual !== expected) failures.push(`${entry.method} ${entry.url} with ${scope}: expected ${expected}, got ${response.statusCode}`)
      }
    }
    for (const token of tokens.values()) {
      const page = await t.app.inject({ method: 'GET', url: `/children/${ids.kai}`, headers: { authorization: `Bearer ${token}` } })
      if (classify(page.statusCode, page.headers.location, page.body) !== 'signin') failures.push(`a token opened a page: ${page.statusCode}`)
    }
    assert.deepEqual(failures, [])
  })
})
