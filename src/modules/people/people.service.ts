import { requirePermission, type Actor } from '../../platform/access/index.ts'
import type { AuditWriter } from '../../platform/audit/index.ts'
import type { Database, Db } from '../../platform/db/index.ts'
import type {
  NewHouseholdMemberRow,
  NewHouseholdRow,
  NewPersonRow,
  NewRelationshipRow,
  NewSourceRecordRow,
  PeopleRepository,
} from './people.repository.ts'
import type { ChildSearch, SearchResult } from './person.schema.ts'

export type PeopleImport = {
  people: NewPersonRow[]
  sourceRecords: NewSourceRecordRow[]
  households: NewHouseholdRow[]
  householdMembers: NewHouseholdMemberRow[]
  relationships: NewRelationshipRow[]
}

export type RequestContext = { requestId: string | undefined }

export const SEARCH_LIMIT = 50

/** People, their identifiers as each agency holds them, their households and relationships. */
export class PeopleService {
  private readonly database: Database
  private readonly people: PeopleRepository
  private readonly audit: AuditWriter

  constructor(database: Database, people: PeopleRepository, audit: AuditWriter) {
    this.database = database
    this.people = people
    this.audit = audit
  }

  /** Children matching the search, at most SEARCH_LIMIT + 1 (so a caller can tell there were more). */
  async searchChildren(actor: Actor, search: ChildSearch, context: RequestContext): Promise<SearchResult[]> {
    requirePermission(actor, 'child:search')
    return this.database.db.transaction(async tx => {
      const results = await this.people.with(tx).searchChildren(search, SEARCH_LIMIT + 1)
      await this.audit.write(tx, { actor, requestId: context.requestId }, {
        action: 'child.searched',
        subjectType: 'search',
        subjectId: 'children',
        details: { criteria: Object.keys(search).filter(k => search[k as keyof ChildSearch]), results: results.length },
      })
      return results
    })
  }

  async countPeople(db?: Db): Promise<number> {
    return (db ? this.people.with(db) : this.people).countPeople()
  }

  /** Load people, households and relationships in the caller's transaction (demo data, migrations from old systems). */
  async importPeople(db: Db, data: PeopleImport): Promise<void> {
    const repository = this.people.with(db)
    await repository.insertPeople(data.people)
    await repository.insertHouseholds(data.households)
    await repository.insertSourceRecords(data.sourceRecords)
    await repository.insertHouseholdMembers(data.householdMembers)
    await repository.insertRelationships(data.relationships)
  }
}
