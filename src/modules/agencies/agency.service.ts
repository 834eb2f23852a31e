import type { Db } from '../../platform/db/index.ts'
import type { AgencyRepository, NewAgencyRow, NewPractitionerRow, NewTeamRow } from './agency.repository.ts'
import type { Agency, Practitioner } from './agency.schema.ts'

export type PartnershipImport = { agencies: NewAgencyRow[]; teams: NewTeamRow[]; practitioners: NewPractitionerRow[] }

/** Partner organisations, their teams and practitioners. Reference data: small, read often, cached. */
export class AgencyService {
  private cache: Map<string, Agency> | undefined

  private readonly agencies: AgencyRepository


  constructor(agencies: AgencyRepository) {

    this.agencies = agencies

  }

  async listAgencies(): Promise<Agency[]> {
    return [...(await this.byId()).values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  /** Agencies by id, for labelling other modules' records. */
  async byId(): Promise<Map<string, Agency>> {
    this.cache ??= new Map((await this.agencies.listAgencies()).map(a => [a.id, a]))
    return this.cache
  }

  async findPractitionerByAccount(accountId: string): Promise<Practitioner | undefined> {
    return this.agencies.findPractitionerByAccount(accountId)
  }

  async isEmpty(db?: Db): Promise<boolean> {
    const repository = db ? this.agencies.with(db) : this.agencies
    return (await repository.countAgencies()) === 0
  }

  /** Load a partnership's reference data in the caller's transaction. */
  async importPartnership(db: Db, data: PartnershipImport): Promise<void> {
    const repository = this.agencies.with(db)
    await repository.insertAgencies(data.agencies)
    await repository.insertTeams(data.teams)
    await repository.insertPractitioners(data.practitioners)
    this.cache = undefined
  }
}
