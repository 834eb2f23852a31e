import * as z from 'zod'

export const PersonKind = z.enum(['child', 'adult', 'unborn'])
export type PersonKind = z.infer<typeof PersonKind>

export const Sex = z.enum(['M', 'F', 'U'])
export type Sex = z.infer<typeof Sex>

export const RelationshipType = z.enum([
  'parent',
  'step-parent',
  'mother-partner',
  'father-partner',
  'sibling',
  'grandparent',
  'relative',
  'household-member',
  'carer',
  'associate',
])
export type RelationshipType = z.infer<typeof RelationshipType>

export const PersonId = z.uuid()

export type Person = {
  id: string
  kind: PersonKind
  givenName: string | null
  middleNames: string | null
  familyName: string | null
  dateOfBirth: string | null
  sex: Sex
  nhsNumber: string | null
  upn: string | null
}

export type SourceRecord = {
  id: string
  agencyId: string
  localId: string
  givenName: string | null
  middleNames: string | null
  familyName: string | null
  dateOfBirth: string | null
  sex: string | null
  postcode: string | null
  address: string | null
  nhsNumber: string | null
  upn: string | null
  recordedAt: Date
}

export type HouseholdMember = Person & { relationship: RelationshipType | 'self' | undefined; fromDate: string }

export type Household = { id: string; address: string; postcode: string; fromDate: string; members: HouseholdMember[] }

export type RelatedPerson = Person & { type: RelationshipType; fromDate: string | null; toDate: string | null }

export type ChildRecord = {
  person: Person
  sourceRecords: SourceRecord[]
  household: Household | undefined
  relationships: RelatedPerson[]
}

export type SearchResult = Person & { postcode: string | null; sourceCount: number }

export type ChildSearch = {
  nhsNumber?: string | undefined
  givenName?: string | undefined
  familyName?: string | undefined
  dateOfBirth?: string | undefined
}
