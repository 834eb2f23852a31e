import type { Actor } from './platform/access/index.ts'
import { AccessGrantRepository, AccessPolicy, AccessRepository, defaultRoles } from './platform/access/index.ts'
import { AuditSearchRepository, AuditSearchService, AuditWriter } from './platform/audit/index.ts'
import { ApiClientRepository, ApiClientService, AuthRepository, AuthService, OidcService, type SignedInAccount } from './platform/auth/index.ts'
import type { Config } from './platform/config/index.ts'
import type { Database } from './platform/db/index.ts'
import { AgencyAdminService, AgencyRepository, AgencyService } from './modules/agencies/index.ts'
import { ChronologyRepository, ChronologyService } from './modules/chronology/index.ts'
import { ChildRecordService, PeopleRepository, PeopleService } from './modules/people/index.ts'
import { NotificationRepository, NotificationService } from './modules/notifications/index.ts'
import { DemoService } from './modules/demo/index.ts'
import { PartnershipService } from './modules/partnership/index.ts'
import { ExactPersonMatcher, IntakeRepository, IntakeService } from './modules/intake/index.ts'

/** The one place where everything is wired: database → repositories → services. No container, no decorators. */
export function createServices(config: Config, database: Database) {
  const db = database.db
  const audit = new AuditWriter()
  const access = new AccessRepository(db)
  const auth = new AuthService(new AuthRepository(db), access, {
    idleMinutes: config.sessionIdleMinutes,
    maxFailures: config.signIn.maxFailures,
    lockoutMinutes: config.signIn.lockoutMinutes,
    audit,
  })
  const agencies = new AgencyService(new AgencyRepository(db))
  const people = new PeopleService(database, new PeopleRepository(db), audit)
  const chronology = new ChronologyService(new ChronologyRepository(db))
  const policy = new AccessPolicy(new AccessGrantRepository(db))
  const notifications = new NotificationService(new NotificationRepository(db))
  const childRecords = new ChildRecordService({
    database,
    people: new PeopleRepository(db),
    chronology,
    agencies,
    notifications,
    policy,
    roles: access,
    audit,
  })
  const demo = new DemoService(database, { agencies, people, chronology, auth, policy })
  // Intake matches people through a PersonMatcher; the linkage engine can replace ExactPersonMatcher here.
  const intake = new IntakeService({
    database,
    intake: new IntakeRepository(db),
    matcher: new ExactPersonMatcher(people),
    people,
    chronology,
    agencies,
    policy,
    notifications,
    audit,
  })
  const auditSearch = new AuditSearchService(database, new AuditSearchRepository(db), audit)
  const partnership = new PartnershipService({ chronology, agencies })
  const agencyAdmin = new AgencyAdminService({ database, agencies: new AgencyRepository(db), service: agencies, auth, audit })

  // Sign-in through an identity provider, and partner systems' API clients (platform/auth); agencies come from
  // the agencies module through these functions, since platform code does not import modules.
  const apiClients = new ApiClientService(new ApiClientRepository(db), audit, { listAgencies: () => agencies.listAgencies() })
  const oidc = config.oidc
    ? new OidcService(config.oidc, {
        auth,
        secret: config.sessionSecret,
        allowInsecureRequests: config.env === 'test',
        practitionerAgency: async accountId => {
          const practitioner = await agencies.findPractitionerByAccount(accountId)
          return practitioner && (await agencies.byId()).get(practitioner.agencyId)
        },
      })
    : undefined

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

  return {
    config,
    database,
    audit,
    access,
    policy,
    auth,
    apiClients,
    oidc,
    agencies,
    people,
    childRecords,
    auditSearch,
    partnership,
    agencyAdmin,
    chronology,
    notifications,
    demo,
    intake,
    resolveActor,
    prepareDatabase,
  }
}

export type Services = ReturnType<typeof createServices>
