import { randomUUID } from 'node:crypto'
import type { Db } from '../../platform/db/index.ts'
import type { PeopleService } from '../people/index.ts'
import type { ChildIdentity, MatchedBy } from './intake.schema.ts'

export type MatchResult = { personId: string; matchedBy: MatchedBy }

/**
 * Which person an incoming record is about. Intake depends only on this interface, so the linkage module's
 * identity-resolution engine (scoring, review queue) can replace the first implementation without intake changing.
 * Implementations must do all their work on `db` (the caller's transaction).
 */
export interface PersonMatcher {
  match(db: Db, record: ChildIdentity, context: { agencyId: string }): Promise<MatchResult>
}

const normalise = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()

/**
 * The first matcher: a valid NHS number, else the reporting agency's own id for the child, else exact normalised
 * given name + family name + date of birth (only when exactly one child matches), else a new child with a source
 * record for the reporting agency. It never merges and never guesses between two candidates.
 */
export class ExactPersonMatcher implements PersonMatcher {
  private readonly people: PeopleService

  constructor(people: PeopleService) {
    this.people = people
  }

  async match(db: Db, record: ChildIdentity, context: { agencyId: string }): Promise<MatchResult> {
    if (record.nhsNumber) {
      const byNhs = await this.people.findChildrenByNhsNumber(db, record.nhsNumber)
      if (byNhs.length === 1) return { personId: byNhs[0]!.id, matchedBy: 'nhs-number' }
    }
    if (record.localId) {
      const byLocal = await this.people.findBySourceRecord(db, context.agencyId, record.localId)
      if (byLocal && byLocal.kind !== 'adult') return { personId: byLocal.id, matchedBy: 'agency-record' }
    }
    if (record.givenName && record.familyName && record.dateOfBirth) {
      const byName = await this.people.findChildrenByNameAndBirthDate(db, normalise(record.givenName), normalise(record.familyName), record.dateOfBirth)
      if (byName.length === 1) return { personId: byName[0]!.id, matchedBy: 'name-and-date-of-birth' }
    }
    const personId = randomUUID()
    const names = { givenName: record.givenName?.trim() ?? null, familyName: record.familyName?.trim() ?? null, dateOfBirth: record.dateOfBirth ?? null }
    await this.people.importPeople(db, {
      people: [{ id: personId, kind: 'child', ...names, sex: record.sex ?? 'U', nhsNumber: record.nhsNumber ?? null }],
      sourceRecords: [
        {
          personId,
          agencyId: context.agencyId,
          localId: record.localId ?? `intake:${personId}`,
          ...names,
          sex: record.sex ?? null,
          postcode: record.postcode ?? null,
          nhsNumber: record.nhsNumber ?? null,
        },
      ],
      households: [],
      householdMembers: [],
      relationships: [],
    })
    return { personId, matchedBy: 'new-person' }
  }
}
