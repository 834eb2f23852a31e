import { sql } from 'drizzle-orm'
import type { AgencyService } from '../agencies/index.ts'
import type { ChronologyService } from '../chronology/index.ts'
import type { PeopleService } from '../people/index.ts'
import type { AccessPolicy } from '../../platform/access/index.ts'
import type { AuthService } from '../../platform/auth/index.ts'
import type { Database } from '../../platform/db/index.ts'
import { ConflictError, ValidationError } from '../../platform/errors/index.ts'
import { generateDemoPartnership } from './demo-partnership.generator.ts'
import { REFERENCE_DATE } from './demo-calendar.ts'
import { demoGrants } from './demo-grants.ts'
import { DemoPattern, SeedOptions } from './demo.schema.ts'

export type SeedProgress = (done: number, total: number, phase: string) => void

export type SeedRequest = {
  children?: number | undefined
  seed?: number | undefined
  /** The demo accounts' password (config.demoPassword); hashed once and shared by every demo account. */
  password: string
  /** Called as the load advances: children loaded so far, of how many, and what is happening. */
  onProgress?: SeedProgress | undefined
  /** Families per batch; the rows loaded are the same whatever it is (for tests and benchmarks). */
  familiesPerBatch?: number | undefined
}

export type SeedSummary = {
  seed: number
  children: number
  adults: number
  people: number
  households: number
  householdMembers: number
  relationships: number
  sourceRecords: number
  events: number
  eventSubjects: number
  /** Working relationships (allocations, open contacts) on the reference date. */
  grants: number
  agencies: number
  teams: number
  practitioners: number
  accounts: number
  /** Families given each kind of safeguarding history. */
  patterns: Record<DemoPattern, number>
  /** Every row written, for rates. */
  rows: number
  seconds: number
}

/** The database already holds a partnership: the demo is loaded only into an empty one. */
export class PartnershipExistsError extends ConflictError {
  constructor() {
    super(
      'This database already holds a partnership, so the demo partnership was not loaded. ' +
        'Demo data goes only into an empty database: set SIGHTLINE_DATA_DIR to a new folder, or DATABASE_URL to an empty database.',
    )
  }
}

export const LOADING_PHASE = 'Loading families, records and events'
export const ANALYSING_PHASE = 'Updating planner statistics'

/** Loads the synthetic Northshire partnership through the other modules' import services. */
export class DemoService {
  private readonly database: Database
  private readonly agencies: AgencyService
  private readonly people: PeopleService
  private readonly chronology: ChronologyService
  private readonly auth: AuthService
  private readonly policy: AccessPolicy

  constructor(
    database: Database,
    services: { agencies: AgencyService; people: PeopleService; chronology: ChronologyService; auth: AuthService; policy: AccessPolicy },
  ) {
    this.database = database
    this.agencies = services.agencies
    this.people = services.people
    this.chronology = services.chronology
    this.auth = services.auth
    this.policy = services.policy
  }

  /**
   * Generate and load the demo partnership into an empty database. Refuses (PartnershipExistsError) when
   * agencies are already present.
   *
   * The whole load is ONE transaction, streamed a batch of families at a time. Batching bounds the memory of
   * this process (each batch is generated, inserted and dropped); the single transaction makes the load
   * all-or-nothing, so a seed interrupted by Ctrl-C, a crash or a full disk leaves an empty database that the
   * next start seeds again, and can never be mistaken for a complete partnership (agencies present means the
   * rest is there too). The cost is one long transaction, which is harmless on a database nobody is using yet;
   * on PostgreSQL the rows simply become visible at commit.
   */
  async seed(request: SeedRequest): Promise<SeedSummary> {
    const started = performance.now()
    const parsed = SeedOptions.safeParse({ children: request.children, seed: request.seed })
    if (!parsed.success) {
      throw new ValidationError(
        parsed.error.issues.map(issue => ({ field: String(issue.path[0] ?? 'options'), message: issue.message })),
      )
    }
    if (!request.password)
      throw new ValidationError([{ field: 'password', message: 'Enter the demo accounts’ password' }])
    const { children, seed } = parsed.data
    const progress = request.onProgress ?? (() => undefined)
    if (!(await this.agencies.isEmpty())) throw new PartnershipExistsError()

    // argon2id is deliberately slow: hash once, outside the transaction, and share the hash.
    const passwordHash = await this.auth.hashPassword(request.password)
    const demo = generateDemoPartnership({ children, seed, familiesPerBatch: request.familiesPerBatch })
    const { agencies, teams, practitioners, accounts } = demo.partnership
    const patterns = Object.fromEntries(DemoPattern.options.map(p => [p, 0])) as Record<DemoPattern, number>
    const counts = {
      people: 0,
      households: 0,
      householdMembers: 0,
      relationships: 0,
      sourceRecords: 0,
      events: 0,
      eventSubjects: 0,
      grants: 0,
    }
    progress(0, children, LOADING_PHASE)
    const frontDoorTeamId = demo.partnership.index.council.frontDoor.id
    const teamOf = new Map(practitioners.map(p => [p.id!, p.teamId ?? null]))

    await this.database.db.transaction(async tx => {
      // Checked again inside the transaction: on PostgreSQL a second seed started at the same moment then
      // fails on the agency codes' unique key instead of loading a second partnership.
      if (!(await this.agencies.isEmpty(tx))) throw new PartnershipExistsError()
      await this.agencies.importPartnership(tx, { agencies, teams, practitioners })
      await this.auth.createAccounts(
        tx,
        accounts.map(account => ({ ...account, passwordHash })),
      )
      let done = 0
      for (const batch of demo.batches()) {
        await this.people.importPeople(tx, {
          people: batch.people,
          sourceRecords: batch.sourceRecords,
          households: batch.households,
          householdMembers: batch.householdMembers,
          relationships: batch.relationships,
        })
        await this.chronology.importEvents(tx, { events: batch.events, subjects: batch.subjects })
        const grants = demoGrants(batch, { referenceDate: REFERENCE_DATE, frontDoorTeamId, teamOf })
        await this.policy.grant(tx, grants)
        counts.grants += grants.length
        counts.people += batch.people.length
        counts.households += batch.households.length
        counts.householdMembers += batch.householdMembers.length
        counts.relationships += batch.relationships.length
        counts.sourceRecords += batch.sourceRecords.length
        counts.events += batch.events.length
        counts.eventSubjects += batch.subjects.length
        for (const [pattern, n] of batch.patterns) patterns[pattern] += n
        done += batch.children
        progress(done, children, LOADING_PHASE)
      }
    })

    // A bulk load leaves the planner without statistics until autovacuum notices, and embedded PGlite has no
    // autovacuum at all: without this, the first searches on a large seed can pick poor plans.
    progress(children, children, ANALYSING_PHASE)
    await this.database.rows(sql`analyze`)

    const reference = agencies.length + teams.length + practitioners.length + accounts.length * 2
    const rows = reference + Object.values(counts).reduce((a, b) => a + b, 0)
    return {
      seed,
      children,
      adults: counts.people - children,
      ...counts,
      agencies: agencies.length,
      teams: teams.length,
      practitioners: practitioners.length,
      accounts: accounts.length,
      patterns,
      rows,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    }
  }
}
