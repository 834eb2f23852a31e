import type { Actor } from './platform/access/index.ts'
import { AccessRepository, defaultRoles } from './platform/access/index.ts'
import { AuditWriter } from './platform/audit/index.ts'
import { AuthRepository, AuthService, type SignedInAccount } from './platform/auth/index.ts'
import type { Config } from './platform/config/index.ts'
import type { Database } from './platform/db/index.ts'
import { AgencyRepository, AgencyService } from './modules/agencies/index.ts'
import { ChronologyRepository, ChronologyService } from './modules/chronology/index.ts'
import { PeopleRepository, PeopleService } from './modules/people/index.ts'
import { DemoService } from './modules/demo/index.ts'

/** The one place where everything is wired: database → repositories → services. No container, no decorators. */
export function createServices(config: Config, database: Database) {
  const db = database.db
  const audit = new AuditWriter()
  const access = new AccessRepository(db)
  const auth = new AuthService(new AuthRepository(db), access, config.sessionIdleMinutes)
  const agencies = new AgencyService(new AgencyRepository(db))
  const people = new PeopleService(database, new PeopleRepository(db), audit)
  const chronology = new ChronologyService(new ChronologyRepository(db))
  const demo = new DemoService(database, { agencies, people, chronology, auth })

  /** A signed-in account as an actor: roles and permissions, plus the practitioner's agency and team. */
  async function resolveActor(account: SignedInAccount): Promise<Actor> {
    const practitioner = await agencies.findPractitionerByAccount(account.accountId)
    const agency = practitioner ? (await agencies.byId()).get(practitioner.agencyId) : undefined
    return {
      kind: 'practitioner',
      accountId: account.accountId,
      apiClientId: undefined,
      scopes: new Set(),
      authenticatedAt: account.authenticatedAt,
      displayName: account.displayName,
      email: account.email,
      roles: account.roles,
      permissions: account.permissions,
      practitionerId: practitioner?.id,
      agencyId: practitioner?.agencyId,
      agencyName: agency?.name,
      teamId: practitioner?.teamId ?? undefined,
    }
  }

  /** Bring the schema up to date and write the reference data every deployment needs (the default roles). */
  async function prepareDatabase(): Promise<void> {
    await database.migrate()
    await access.upsertRoles(defaultRoles)
  }

  return { config, database, audit, access, auth, agencies, people, chronology, demo, resolveActor, prepareDatabase }
}

export type Services = ReturnType<typeof createServices>
