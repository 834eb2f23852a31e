import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { bulkInsert, type Db } from '../../platform/db/index.ts'
import { household, householdMember, person, relationship, sourceRecord } from './people.tables.ts'
import type {
  ChildSearch,
  Household,
  Person,
  PersonKind,
  RelatedPerson,
  RelationshipType,
  SearchResult,
  Sex,
  SourceRecord,
} from './person.schema.ts'

export type NewPersonRow = typeof person.$inferInsert
export type NewSourceRecordRow = typeof sourceRecord.$inferInsert
export type NewHouseholdRow = typeof household.$inferInsert
export type NewHouseholdMemberRow = typeof householdMember.$inferInsert
export type NewRelationshipRow = typeof relationship.$inferInsert

const personColumns = {
  id: person.id,
  kind: person.kind,
  givenName: person.givenName,
  middleNames: person.middleNames,
  familyName: person.familyName,
  dateOfBirth: person.dateOfBirth,
  sex: person.sex,
  nhsNumber: person.nhsNumber,
  upn: person.upn,
}

type PersonRow = { [K in keyof typeof personColumns]: (typeof person.$inferSelect)[K] }

const toPerson = (row: PersonRow): Person => ({ ...row, kind: row.kind as PersonKind, sex: row.sex as Sex })

const likePrefix = (value: string) => `${value.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`

export class PeopleRepository {
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  with(db: Db): PeopleRepository {
    return new PeopleRepository(db)
  }

  async findPerson(id: string): Promise<Person | undefined> {
    const rows = await this.db.select(personColumns).from(person).where(eq(person.id, id)).limit(1)
    return rows[0] && toPerson(rows[0])
  }

  /** Children (and unborn children) holding this NHS number on their own record or any agency's. */
  async findChildrenByNhsNumber(nhsNumber: string): Promise<Person[]> {
    const ids = this.db
      .select({ id: person.id })
      .from(person)
      .where(eq(person.nhsNumber, nhsNumber))
      .union(this.db.select({ id: sourceRecord.personId }).from(sourceRecord).where(eq(sourceRecord.nhsNumber, nhsNumber)))
    const rows = await this.db
      .select(personColumns)
      .from(person)
      .where(and(inArray(person.id, ids), inArray(person.kind, ['child', 'unborn'])))
    return rows.map(toPerson)
  }

  /** Children (and unborn children) whose own record or an agency's has exactly this name and date of birth (trimmed, case-insensitive). */
  async findChildrenByNameAndBirthDate(givenName: string, familyName: string, dateOfBirth: string): Promise<Person[]> {
    const given = givenName.trim().toLowerCase()
    const family = familyName.trim().toLowerCase()
    const ids = this.db
      .select({ id: person.id })
      .from(person)
      .where(and(sql`lower(btrim(${person.givenName})) = ${given}`, sql`lower(btrim(${person.familyName})) = ${family}`, eq(person.dateOfBirth, dateOfBirth)))
      .union(
        this.db
          .select({ id: sourceRecord.personId })
          .from(sourceRecord)
          .where(
            and(sql`lower(btrim(${sourceRecord.givenName})) = ${given}`, sql`lower(btrim(${sourceRecord.familyName})) = ${family}`, eq(sourceRecord.dateOfBirth, dateOfBirth)),
          ),
      )
    const rows = await this.db
      .select(personColumns)
      .from(person)
      .where(and(inArray(person.id, ids), inArray(person.kind, ['child', 'unborn'])))
    return rows.map(toPerson)
  }

  /** The person an agency's own record (by that agency's local id) belongs to. */
  async findBySourceRecord(agencyId: string, localId: string): Promise<Person | undefined> {
    const rows = await this.db
      .select(personColumns)
      .from(sourceRecord)
      .innerJoin(person, eq(person.id, sourceRecord.personId))
      .where(and(eq(sourceRecord.agencyId, agencyId), eq(sourceRecord.localId, localId)))
      .limit(1)
    return rows[0] && toPerson(rows[0])
  }

  async findPeople(ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return []
    const rows = await this.db.select(personColumns).from(person).where(inArray(person.id, [...ids]))
    return rows.map(toPerson)
  }

  async countPeople(): Promise<number> {
    return this.db.$count(person)
  }

  /**
   * Children (and unborn children) whose own record or any agency's record matches every given criterion:
   * names by case-insensitive prefix, date of birth and NHS number exactly.
   */
  async searchChildren(search: ChildSearch, limit: number): Promise<SearchResult[]> {
    const onPerson: SQL[] = []
    const onSource: SQL[] = []
    if (search.familyName) {
      onPerson.push(sql`lower(${person.familyName}) like ${likePrefix(search.familyName)}`)
      onSource.push(sql`lower(${sourceRecord.familyName}) like ${likePrefix(search.familyName)}`)
    }
    if (search.givenName) {
      onPerson.push(sql`lower(${person.givenName}) like ${likePrefix(search.givenName)}`)
      onSource.push(sql`lower(${sourceRecord.givenName}) like ${likePrefix(search.givenName)}`)
    }
    if (search.dateOfBirth) {
      onPerson.push(eq(person.dateOfBirth, search.dateOfBirth))
      onSource.push(eq(sourceRecord.dateOfBirth, search.dateOfBirth))
    }
    if (search.nhsNumber) {
      onPerson.push(eq(person.nhsNumber, search.nhsNumber))
      onSource.push(eq(sourceRecord.nhsNumber, search.nhsNumber))
    }
    if (onPerson.length === 0) return []
    const ids = this.db
      .select({ id: person.id })
      .from(person)
      .where(and(...onPerson))
      .union(this.db.select({ id: sourceRecord.personId }).from(sourceRecord).where(and(...onSource)))
    const rows = await this.db
      .select({
        ...personColumns,
        postcode: sql<string | null>`(select h.postcode from ${householdMember} hm join ${household} h on h.id = hm.household_id
          where hm.person_id = ${person.id} and hm.to_date is null order by hm.from_date desc limit 1)`,
        sourceCount: sql<number>`(select count(*)::int from ${sourceRecord} s where s.person_id = ${person.id})`,
      })
      .from(person)
      .where(and(inArray(person.id, ids), inArray(person.kind, ['child', 'unborn'])))
      .orderBy(asc(person.familyName), asc(person.givenName), asc(person.dateOfBirth))
      .limit(limit)
    return rows.map(row => ({ ...toPerson(row), postcode: row.postcode, sourceCount: Number(row.sourceCount) }))
  }

  async listSourceRecords(personId: string): Promise<SourceRecord[]> {
    return this.db
      .select({
        id: sourceRecord.id,
        agencyId: sourceRecord.agencyId,
        localId: sourceRecord.localId,
        givenName: sourceRecord.givenName,
        middleNames: sourceRecord.middleNames,
        familyName: sourceRecord.familyName,
        dateOfBirth: sourceRecord.dateOfBirth,
        sex: sourceRecord.sex,
        postcode: sourceRecord.postcode,
        address: sourceRecord.address,
        nhsNumber: sourceRecord.nhsNumber,
        upn: sourceRecord.upn,
        recordedAt: sourceRecord.recordedAt,
      })
      .from(sourceRecord)
      .where(eq(sourceRecord.personId, personId))
      .orderBy(asc(sourceRecord.recordedAt))
  }

  /** The household a person lives in now, with everyone who lives there now. */
  async findCurrentHousehold(personId: string): Promise<Omit<Household, 'members'> | undefined> {
    const rows = await this.db
      .select({ id: household.id, address: household.address, postcode: household.postcode, fromDate: householdMember.fromDate })
      .from(householdMember)
      .innerJoin(household, eq(household.id, householdMember.householdId))
      .where(and(eq(householdMember.personId, personId), isNull(householdMember.toDate)))
      .orderBy(desc(householdMember.fromDate))
      .limit(1)
    return rows[0]
  }

  async listHouseholdMembers(householdId: string): Promise<(Person & { fromDate: string })[]> {
    const rows = await this.db
      .select({ ...personColumns, fromDate: householdMember.fromDate })
      .from(householdMember)
      .innerJoin(person, eq(person.id, householdMember.personId))
      .where(and(eq(householdMember.householdId, householdId), isNull(householdMember.toDate)))
      .orderBy(asc(person.dateOfBirth))
    return rows.map(row => ({ ...toPerson(row), fromDate: row.fromDate }))
  }

  /** The people related to a person, as `type` of that person (their parents, siblings, mother's partner...). */
  async listRelationships(personId: string): Promise<RelatedPerson[]> {
    const rows = await this.db
      .select({ ...personColumns, type: relationship.type, fromDate: relationship.fromDate, toDate: relationship.toDate })
      .from(relationship)
      .innerJoin(person, eq(person.id, relationship.relatedPersonId))
      .where(eq(relationship.personId, personId))
      .orderBy(asc(relationship.type), asc(person.dateOfBirth))
    return rows.map(row => ({ ...toPerson(row), type: row.type as RelationshipType, fromDate: row.fromDate, toDate: row.toDate }))
  }

  async insertPeople(rows: NewPersonRow[]): Promise<void> {
    await bulkInsert(this.db, person, rows)
  }
  async insertSourceRecords(rows: NewSourceRecordRow[]): Promise<void> {
    await bulkInsert(this.db, sourceRecord, rows)
  }
  async insertHouseholds(rows: NewHouseholdRow[]): Promise<void> {
    await bulkInsert(this.db, household, rows)
  }
  async insertHouseholdMembers(rows: NewHouseholdMemberRow[]): Promise<void> {
    await bulkInsert(this.db, householdMember, rows)
  }
  async insertRelationships(rows: NewRelationshipRow[]): Promise<void> {
    await bulkInsert(this.db, relationship, rows)
  }
}
