import type { RelationshipType } from '../people/index.ts'
import type { LocalAgency, TeamRef } from './organisations.generator.ts'

/**
 * A family as the generator thinks of it while writing its year: who lives where, who is whose, and which
 * services know them. Days are relative to day 0 (see demo-calendar.ts).
 */

export type Member = {
  readonly id: string
  readonly givenName: string
  readonly familyName: string
  readonly sex: 'M' | 'F'
  readonly birthDay: number
}

export type ChildMember = Member & {
  /** The school the child attends on day 0, if any. */
  readonly school: LocalAgency | undefined
}

export const FamilyStructure = [
  'two-parents',
  'lone-mother',
  'mother-and-partner',
  'mother-and-step-father',
  'lone-father',
  'grandparent-carer',
] as const
export type FamilyStructure = (typeof FamilyStructure)[number]

export type FamilyModel = {
  readonly index: number
  readonly structure: FamilyStructure
  /** Index into names.data.ts `districts`. */
  readonly district: number
  readonly postcode: string
  /** When the family moved to its current address, if within the last three years. */
  readonly moveDay: number | undefined
  readonly previousPostcode: string | undefined
  readonly movedFromElsewhere: boolean
  readonly temporaryAccommodation: boolean
  /** The main carer's first language is not English, so visits need an interpreter (T18). */
  readonly needsInterpreter: boolean
  /** The adults living with the children. */
  readonly mother: Member | undefined
  readonly father: Member | undefined
  /** The mother's partner (not the children's parent) and when he moved in. */
  readonly partner: Member | undefined
  readonly partnerJoinedDay: number | undefined
  readonly stepParent: Member | undefined
  readonly grandparent: Member | undefined
  /** A parent who lives elsewhere. */
  readonly otherParent: Member | undefined
  readonly children: readonly ChildMember[]
  readonly gp: LocalAgency
  readonly healthVisitors: TeamRef
  readonly assessmentTeam: TeamRef
  readonly childProtectionTeam: TeamRef
}

/** What a case history may add to its family beyond the household: an associate, a grandparent who raises a concern. */
export type FamilyExtras = {
  addAdult(spec: { sex: 'M' | 'F'; age: number; older?: boolean }): Member
  relate(child: Member, adult: Member, type: RelationshipType, fromDay: number | undefined): void
}
