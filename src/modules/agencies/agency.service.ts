import type { Db } from '../../platform/db/index.ts'
import type { AgencyRepository, NewAgencyRow, NewPractitionerRow, NewTeamRow } from './agency.repository.ts'
import type { Agency, Practitioner, Team } from './agency.schema.ts'

export type PartnershipImport = { agencies: NewAgencyRow[]; teams: NewTeamRow[]; practitioners: NewPractitionerRow[] }

/** Partner organisations, their teams and practitioners. Reference data: small, read often, cached. */
export class AgencyService {
  private cache: Map<string, Agency> | undefined
  private teamCache: Map<string, Team> | undefined

  private readonly agencies: AgencyRepository


  constructor(agencies: AgencyRepository) {

    this.agencies = agencies

  }

  async listAgencies(db?: Db): Promise<Agency[]> {
    return [...(await this.byId(db)).values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  /**
   * Agencies by id, for labelling other modules' records. Pass the transaction when inside one: the embedded
   * database has a single connection, so a query on another connection would wait for the transaction forever.
   */
  async byId(db?: Db): Promise<Map<string, Agency>> {
    this.cache ??= new Map((await (db ? this.agencies.with(db) : this.agencies).listAgencies()).map(a => [a.id, a]))
    return this.cache
  }

  /** Teams by id. */
  async teamsById(db?: Db): Promise<Map<string, Team>> {
    this.teamCache ??= new Map((await (db ? this.agencies.with(db) : this.agencies).listTeams()).map(t => [t.id, t]))
    return this.teamCache
  }

  async findPractitioners(ids: readonly string[], db?: Db): Promise<Practitioner[]> {
    return (db ? this.agencies.with(db) : this.agencies).findPractitioners(ids)
  }

  async findPractitionersByAccounts(accountIds: readonly string[], db?: Db): Promise<Practitioner[]> {
    return (db ? this.agencies.with(db) : this.agencies).findPractitionersByAccounts(accountIds)
  }

  async listPractitionersWithAccounts(agencyIds: readonly string[], db?: Db): Promise<Practitioner[]> {
    return (db ? this.agencies.with(db) : this.agencies).listPractitionersWithAccounts(agencyIds)
  }

  async findPractitionerByAccount(accountId: string): Promise<Practitioner | undefined> {
    return this.agencies.findPractitionerByAccount(accountId)
  }

  async isEmpty(db?: Db): Promise<boolean> {
    const repository = db ? this.agencies.with(db) : this.agencies
    return (await repository.countAgencies()) === 0
  }

  /** Drop the cached agencies and teams after a change. */
  forget(): void {
    this.cache = undefined
    this.teamCache = undefined
  }

  /** Load a partnership's reference data in the caller's transaction. */
  async importPartnership(db: Db, data: PartnershipImport): Promise<void> {
    const repository = this.agencies.with(db)
    await repository.insertAgencies(data.agencies)
    await repository.insertTeams(data.teams)
    await repository.insertPractitioners(data.practitioners)
    this.cache = undefined
    this.teamCache = undefined
  }
}
