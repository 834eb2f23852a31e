import { requirePermission, type Actor } from '../../platform/access/index.ts'
import type { AuditWriter, RequestContext } from '../../platform/audit/index.ts'
import type { Database, Db } from '../../platform/db/index.ts'
import type {
  NewHouseholdMemberRow,
  NewHouseholdRow,
  NewPersonRow,
  NewRelationshipRow,
  NewSourceRecordRow,
  PeopleRepository,
} from './people.repository.ts'
import type { ChildSearch, Person, SearchResult } from './person.schema.ts'

export type PeopleImport = {
  people: NewPersonRow[]
  sourceRecords: NewSourceRecordRow[]
  households: NewHouseholdRow[]
  householdMembers: NewHouseholdMemberRow[]
  relationships: NewRelationshipRow[]
}


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

  /** A person by id, on the caller's connection (intake reads the child a contact is about). */
  async findPerson(db: Db, id: string): Promise<Person | undefined> {
    return this.people.with(db).findPerson(id)
  }

  async findPeople(db: Db, ids: readonly string[]): Promise<Person[]> {
    return this.people.with(db).findPeople(ids)
  }

  /** Candidates for matching an incoming record (intake): by NHS number, by an agency's local id, by exact name and date of birth. */
  async findChildrenByNhsNumber(db: Db, nhsNumber: string): Promise<Person[]> {
    return this.people.with(db).findChildrenByNhsNumber(nhsNumber)
  }

  async findBySourceRecord(db: Db, agencyId: string, localId: string): Promise<Person | undefined> {
    return this.people.with(db).findBySourceRecord(agencyId, localId)
  }

  async findChildrenByNameAndBirthDate(db: Db, givenName: string, familyName: string, dateOfBirth: string): Promise<Person[]> {
    return this.people.with(db).findChildrenByNameAndBirthDate(givenName, familyName, dateOfBirth)
  }

  /** The other children (and unborn children) living in this person's current household, youngest last. */
  async otherChildrenInHousehold(db: Db, personId: string): Promise<(Person & { fromDate: string })[]> {
    const repository = this.people.with(db)
    const current = await repository.findCurrentHousehold(personId)
    if (!current) return []
    const members = await repository.listHouseholdMembers(current.id)
    return members.filter(m => m.id !== personId && m.kind !== 'adult')
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
