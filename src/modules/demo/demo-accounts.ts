import type { RoleId } from '../../platform/access/index.ts'
import { CoreAgency, FIRST_GP_PRACTICE, FIRST_SECONDARY_SCHOOL, TeamKind } from './northshire.data.ts'

/** Where a demo account's practitioner works: a core agency's team, or the first GP practice or secondary school. */
export type DemoPlacement =
  | { agency: 'council'; team: 'front-door' | 'child-protection' | 'exploitation' | 'partnership' | 'governance' }
  | { agency: 'police'; team: 'public-protection' }
  | { agency: 'community'; team: 'health-visiting' }
  | { agency: 'housing'; team: 'housing' }
  | { agency: 'first-gp-practice'; team: 'general-practice' }
  | { agency: 'first-secondary-school'; team: 'school-safeguarding' }

export type DemoAccountSpec = {
  /** The part of the email before the @. */
  handle: string
  role: RoleId
  givenName: string
  familyName: string
  jobTitle: string
  placement: DemoPlacement
}

export const DEMO_EMAIL_DOMAIN = 'demo.sightline.test'

/**
 * One sign-in per role, each a practitioner placed where that role works, so that a demonstration can sign in
 * as the front door, a social worker, a health visitor and so on. The social worker, team manager, health
 * visitor, GP and school lead sit in teams that hold demo children, so their lists are not empty.
 */
export const demoAccountSpecs: readonly DemoAccountSpec[] = [
  {
    handle: 'front-door',
    role: 'front-door-worker',
    givenName: 'Priya',
    familyName: 'Shah',
    jobTitle: 'MASH social worker',
    placement: { agency: 'council', team: 'front-door' },
  },
  {
    handle: 'social-worker',
    role: 'social-worker',
    givenName: 'Tom',
    familyName: 'Fletcher',
    jobTitle: 'Social worker',
    placement: { agency: 'council', team: 'child-protection' },
  },
  {
    handle: 'team-manager',
    role: 'team-manager',
    givenName: 'Grace',
    familyName: 'Okafor',
    jobTitle: 'Team manager',
    placement: { agency: 'council', team: 'child-protection' },
  },
  {
    handle: 'police',
    role: 'agency-practitioner',
    givenName: 'Sam',
    familyName: 'Hughes',
    jobTitle: 'Detective Constable',
    placement: { agency: 'police', team: 'public-protection' },
  },
  {
    handle: 'health-visitor',
    role: 'agency-practitioner',
    givenName: 'Niamh',
    familyName: 'Kelly',
    jobTitle: 'Health visitor',
    placement: { agency: 'community', team: 'health-visiting' },
  },
  {
    handle: 'school',
    role: 'agency-practitioner',
    givenName: 'Joanne',
    familyName: 'Price',
    jobTitle: 'Designated safeguarding lead',
    placement: { agency: 'first-secondary-school', team: 'school-safeguarding' },
  },
  {
    handle: 'gp',
    role: 'agency-practitioner',
    givenName: 'Imran',
    familyName: 'Malik',
    jobTitle: 'GP partner (safeguarding lead)',
    placement: { agency: 'first-gp-practice', team: 'general-practice' },
  },
  {
    handle: 'referrer',
    role: 'referrer',
    givenName: 'Kerry',
    familyName: 'Walsh',
    jobTitle: 'Housing officer',
    placement: { agency: 'housing', team: 'housing' },
  },
  {
    handle: 'exploitation',
    role: 'exploitation-lead',
    givenName: 'Marcus',
    familyName: 'Campbell',
    jobTitle: 'Exploitation lead',
    placement: { agency: 'council', team: 'exploitation' },
  },
  {
    handle: 'analyst',
    role: 'partnership-analyst',
    givenName: 'Anna',
    familyName: 'Nowak',
    jobTitle: 'Partnership analyst',
    placement: { agency: 'council', team: 'partnership' },
  },
  {
    handle: 'auditor',
    role: 'auditor',
    givenName: 'David',
    familyName: 'Evans',
    jobTitle: 'Information governance officer',
    placement: { agency: 'council', team: 'governance' },
  },
  {
    handle: 'admin',
    role: 'administrator',
    givenName: 'Helen',
    familyName: 'Carter',
    jobTitle: 'Sightline administrator',
    placement: { agency: 'council', team: 'governance' },
  },
]

export type DemoAccount = {
  email: string
  role: RoleId
  displayName: string
  agency: string
  team: string
  jobTitle: string
}

export function demoEmail(spec: DemoAccountSpec): string {
  return `${spec.handle}@${DEMO_EMAIL_DOMAIN}`
}

function agencyName(placement: DemoPlacement): string {
  if (placement.agency === 'first-gp-practice') return FIRST_GP_PRACTICE
  if (placement.agency === 'first-secondary-school') return FIRST_SECONDARY_SCHOOL
  return CoreAgency[placement.agency].name
}

/** The team the demo practitioner is placed in; the council's and trust's numbered teams get number 1. */
function teamName(placement: DemoPlacement): string {
  const name = TeamKind[placement.team].name
  return placement.team === 'child-protection' || placement.team === 'health-visiting' ? `${name} 1` : name
}

/** The demo sign-in accounts, for the CLI and the README to print. The password is the configured demo password. */
export function listDemoAccounts(): DemoAccount[] {
  return demoAccountSpecs.map(spec => ({
    email: demoEmail(spec),
    role: spec.role,
    displayName: `${spec.givenName} ${spec.familyName}`,
    agency: agencyName(spec.placement),
    team: teamName(spec.placement),
    jobTitle: spec.jobTitle,
  }))
}
