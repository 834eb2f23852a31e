import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { createApp, type App } from '../../src/app.ts'
import { createServices, type Services } from '../../src/composition.ts'
import { RoleId } from '../../src/platform/access/index.ts'
import { loadConfig } from '../../src/platform/config/index.ts'
import { committedMigrationCount, type Database, type Engine } from '../../src/platform/db/index.ts'
import { createLogger, type Logger } from '../../src/platform/logging/index.ts'
import { openTestDatabase } from './test-database.ts'

export const PASSWORD = 'correct horse battery staple'

/** Fixed ids, so tests can name the records they expect. */
export const ids = {
  council: '10000000-0000-4000-8000-000000000001',
  police: '10000000-0000-4000-8000-000000000002',
  frontDoor: '20000000-0000-4000-8000-000000000001',
  childProtection: '20000000-0000-4000-8000-000000000002',
  kai: '30000000-0000-4000-8000-000000000001',
  mia: '30000000-0000-4000-8000-000000000002',
  mother: '30000000-0000-4000-8000-000000000003',
  partner: '30000000-0000-4000-8000-000000000004',
  household: '40000000-0000-4000-8000-000000000001',
  event1: '50000000-0000-4000-8000-000000000001',
  event2: '50000000-0000-4000-8000-000000000002',
  event3: '50000000-0000-4000-8000-000000000003',
  event4: '50000000-0000-4000-8000-000000000004',
}

/** The practitioner id of the fixture practitioner holding a role (one per role). */
export const practitionerFor = (role: RoleId) => `60000000-0000-4000-8000-${String(RoleId.options.indexOf(role) + 1).padStart(12, '0')}`
export const accountFor = (role: RoleId) => `70000000-0000-4000-8000-${String(RoleId.options.indexOf(role) + 1).padStart(12, '0')}`

export const emailFor = (role: RoleId) => `${role}@test.sightline`

/** A small partnership built by hand: two agencies, one account per role, a family of four. */
export async function loadFixtures(services: Services, database: Database): Promise<void> {
  const passwordHash = await services.auth.hashPassword(PASSWORD)
  await database.db.transaction(async tx => {
    await services.agencies.importPartnership(tx, {
      agencies: [
        { id: ids.council, code: 'council', name: 'Northshire Council Children’s Services', kind: 'social-care', area: 'Northshire' },
        { id: ids.police, code: 'police', name: 'Northshire Police', kind: 'police', area: 'Northshire' },
      ],
      teams: [
        { id: ids.frontDoor, agencyId: ids.council, name: 'Front door (MASH)', kind: 'front-door' },
        { id: ids.childProtection, agencyId: ids.council, name: 'Child protection team 1', kind: 'child-protection' },
      ],
      practitioners: RoleId.options.map((role, i) => ({
        id: `60000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        accountId: `70000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        agencyId: role === 'agency-practitioner' ? ids.police : ids.council,
        teamId: role === 'front-door-worker' ? ids.frontDoor : role === 'social-worker' || role === 'team-manager' ? ids.childProtection : null,
        givenName: 'Test',
        familyName: role,
        jobTitle: role,
        email: emailFor(role),
      })),
    })
    await services.auth.createAccounts(
      tx,
      RoleId.options.map((role, i) => ({
        id: `70000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        email: emailFor(role),
        displayName: `Test ${role}`,
        passwordHash,
        roles: [role],
      })),
    )
    await services.people.importPeople(tx, {
      people: [
        { id: ids.kai, kind: 'child', givenName: 'Kai', familyName: 'Smith', dateOfBirth: '2019-09-03', sex: 'M', nhsNumber: '9998765439' },
        { id: ids.mia, kind: 'child', givenName: 'Mia', familyName: 'Smith', dateOfBirth: '2023-02-14', sex: 'F', nhsNumber: null },
        { id: ids.mother, kind: 'adult', givenName: 'Jade', familyName: 'Smith', dateOfBirth: '1996-05-20', sex: 'F', nhsNumber: null },
        { id: ids.partner, kind: 'adult', givenName: 'Lee', familyName: 'Jones', dateOfBirth: '1990-01-11', sex: 'M', nhsNumber: null },
      ],
      households: [{ id: ids.household, address: '12 Mill Lane, Eastbrook', postcode: 'NS4 7QT', area: 'Northshire' }],
      sourceRecords: [
        { personId: ids.kai, agencyId: ids.council, localId: 'CSC-1', givenName: 'Kai', familyName: 'Smith', dateOfBirth: '2019-09-03', sex: 'M', postcode: 'NS4 7QT', nhsNumber: '9998765439' },
        { personId: ids.kai, agencyId: ids.police, localId: 'NP-77', givenName: 'Kye', familyName: 'Smyth', dateOfBirth: '2019-03-09', sex: 'M', postcode: 'NS2 1AB', nhsNumber: null },
      ],
      householdMembers: [ids.kai, ids.mia, ids.mother, ids.partner].map(personId => ({
        personId,
        householdId: ids.household,
        fromDate: personId === ids.partner ? '2026-08-01' : '2023-02-14',
      })),
      relationships: [
        { personId: ids.kai, relatedPersonId: ids.mother, type: 'parent', fromDate: null },
        { personId: ids.kai, relatedPersonId: ids.mia, type: 'sibling', fromDate: null },
        { personId: ids.kai, relatedPersonId: ids.partner, type: 'mother-partner', fromDate: '2026-08-01' },
      ],
    })
    const plain = { details: {}, isSignificant: false, restrictedToRoles: null, restrictionContact: null }
    await services.chronology.importEvents(tx, {
      events: [
        { ...plain, id: ids.event1, type: 'appointment.was-not-brought', agencyId: ids.council, occurredOn: '2026-06-01', summary: 'Not brought to the dentist', lawfulBasis: 'public-task' },
        { ...plain, id: ids.event2, type: 'police.domestic-abuse', agencyId: ids.police, occurredOn: '2026-09-12', summary: 'Domestic abuse incident, children present', isSignificant: true, lawfulBasis: 'law-enforcement', details: { childPresent: true } },
        { ...plain, id: ids.event3, type: 'household.joined', agencyId: ids.council, occurredOn: '2026-08-01', summary: 'Mother’s new partner moved in', lawfulBasis: 'public-task' },
        {
          id: ids.event4,
          type: 'police.record',
          agencyId: ids.police,
          occurredOn: '2026-09-20',
          summary: 'Intelligence: partner linked to supply of drugs',
          lawfulBasis: 'law-enforcement',
          isSignificant: false,
          details: { kind: 'intelligence', offence: 'supply' },
          restrictedToRoles: ['exploitation-lead'],
          restrictionContact: 'Northshire Police public protection unit',
        },
      ],
      subjects: [
        { personId: ids.kai, eventId: ids.event1 },
        { personId: ids.kai, eventId: ids.event2 },
        { personId: ids.mia, eventId: ids.event2 },
        { personId: ids.kai, eventId: ids.event3 },
        { personId: ids.kai, eventId: ids.event4 },
      ],
    })
    // Kai is known to the front door (an open contact), allocated to a social worker and their team. Mia has
    // no relationship with anyone: everyone who finds her sees "known to services" only.
    await services.policy.grant(tx, [
      { personId: ids.kai, teamId: ids.frontDoor, kind: 'front-door' },
      { personId: ids.kai, practitionerId: practitionerFor('social-worker'), kind: 'allocated-worker' },
      { personId: ids.kai, teamId: ids.childProtection, kind: 'allocated-team' },
    ])
  })
}

export type TestApp = { app: App; services: Services; database: Database; close(): Promise<void> }

/** `env` adds environment variables to the test configuration (for example OIDC_ISSUER or SIGHTLINE_REQUIRE_MFA). */
export async function startTestApp(engine: Engine, options: { logger?: Logger; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await openTestDatabase(engine)
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_SECRET: 't'.repeat(40), ...options.env })
  const services = createServices(config, database)
  await services.prepareDatabase()
  await loadFixtures(services, database)
  const app = await createApp(services, { logger: options.logger ?? createLogger('silent'), version: 'test', expectedMigrations: committedMigrationCount() })
  return {
    app,
    services,
    database,
    async close() {
      await app.close()
      await database.close()
    },
  }
}

/** Cookies from a response, as a Cookie header value merged over earlier ones. */
export function mergeCookies(previous: string, response: LightMyRequestResponse): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map(c => c.split('=') as [string, string]))
  for (const cookie of response.cookies as { name: string; value: string }[]) {
    if (cookie.value === '') jar.delete(cookie.name)
    else jar.set(cookie.name, cookie.value)
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('no CSRF token on the page')
  return match[1]
}

/** A urlencoded form body, as a browser posts it. */
export function formBody(fields: Record<string, string | undefined>): string {
  return new URLSearchParams(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined)).toString()
}

export type Browser = { cookie: string; csrf: string }

/** Sign in through the real form, as a browser would: fetch the form, post it, keep the cookies. */
export async function signInAs(app: FastifyInstance, email: string, password = PASSWORD): Promise<Browser> {
  const form = await app.inject({ method: 'GET', url: '/sign-in' })
  let cookie = mergeCookies('', form)
  const response = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: formBody({ email, password, _csrf: csrfFrom(form.body) }),
  })
  if (response.statusCode !== 303) throw new Error(`sign-in as ${email} failed: ${response.statusCode}`)
  cookie = mergeCookies(cookie, response)
  const home = await app.inject({ method: 'GET', url: '/', headers: { cookie } })
  return { cookie, csrf: csrfFrom(home.body) }
}
