import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import { bulkInsert, type Db } from '../../platform/db/index.ts'
import { agency, practitioner, team } from './agency.tables.ts'
import type { Agency, AgencyKind, Practitioner, Team } from './agency.schema.ts'

export type NewAgencyRow = typeof agency.$inferInsert
export type NewTeamRow = typeof team.$inferInsert
export type NewPractitionerRow = typeof practitioner.$inferInsert

const toAgency = (row: typeof agency.$inferSelect): Agency => ({ ...row, kind: row.kind as AgencyKind })

export class AgencyRepository {
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  with(db: Db): AgencyRepository {
    return new AgencyRepository(db)
  }

  async listAgencies(): Promise<Agency[]> {
    return (await this.db.select().from(agency).orderBy(agency.name)).map(toAgency)
  }

  async listTeams(): Promise<Team[]> {
    return this.db.select().from(team).orderBy(team.name)
  }

  async findPractitionerByAccount(accountId: string): Promise<Practitioner | undefined> {
    const rows = await this.db.select().from(practitioner).where(eq(practitioner.accountId, accountId)).limit(1)
    return rows[0]
  }

  async findPractitioners(ids: readonly string[]): Promise<Practitioner[]> {
    if (ids.length === 0) return []
    return this.db.select().from(practitioner).where(inArray(practitioner.id, [...ids]))
  }

  async findPractitionersByAccounts(accountIds: readonly string[]): Promise<Practitioner[]> {
    if (accountIds.length === 0) return []
    return this.db.select().from(practitioner).where(inArray(practitioner.accountId, [...accountIds]))
  }

  /** Practitioners with sign-in accounts in these agencies. */
  async listPractitionersWithAccounts(agencyIds: readonly string[]): Promise<Practitioner[]> {
    if (agencyIds.length === 0) return []
    return this.db
      .select()
      .from(practitioner)
      .where(and(inArray(practitioner.agencyId, [...agencyIds]), isNotNull(practitioner.accountId)))
  }

  async listPractitioners(): Promise<Practitioner[]> {
    return this.db.select().from(practitioner).orderBy(practitioner.familyName, practitioner.givenName)
  }

  async findAgencyByCode(code: string): Promise<Agency | undefined> {
    const rows = await this.db.select().from(agency).where(eq(agency.code, code)).limit(1)
    return rows[0] && toAgency(rows[0])
  }

  async countAgencies(): Promise<number> {
    return this.db.$count(agency)
  }

  async insertAgencies(rows: NewAgencyRow[]): Promise<void> {
    await bulkInsert(this.db, agency, rows)
  }

  async insertTeams(rows: NewTeamRow[]): Promise<void> {
    await bulkInsert(this.db, team, rows)
  }

  async insertPractitioners(rows: NewPractitionerRow[]): Promise<void> {
    await bulkInsert(this.db, practitioner, rows)
  }
}
