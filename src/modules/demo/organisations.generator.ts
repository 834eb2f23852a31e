import type { NewAgencyRow, NewPractitionerRow, NewTeamRow } from '../agencies/index.ts'
import type { RoleId } from '../../platform/access/index.ts'
import { demoAccountSpecs, demoEmail, type DemoAccountSpec } from './demo-accounts.ts'
import {
  Heritage,
  districts,
  feminineSurname,
  gpPracticeNames,
  heritageShares,
  namePools,
  placeWords,
  primarySchoolNames,
  secondarySchoolNames,
} from './names.data.ts'
import { AREA, CoreAgency, GP_DOMAIN, SCHOOL_DOMAIN, TeamKind } from './northshire.data.ts'
import { foldToAscii } from './record-variation.ts'
import { IdKind, Random, Stream, demoUuid, rankedTable, weightedTable, type WeightedTable } from './seeded-random.ts'

/** A team as the event generator sees it: who leads it, who works in it and as what (titles[i] is memberIds[i]'s). */
export type TeamRef = {
  readonly id: string
  readonly leadId: string
  readonly memberIds: readonly string[]
  readonly titles: readonly string[]
}

/** The members of a team with a job title (the practice nurse, the attendance officer); empty when there are none. */
export function membersTitled(team: TeamRef, title: string): string[] {
  return team.memberIds.filter((_, i) => team.titles[i] === title)
}

export type AgencyRef = { readonly id: string; readonly kind: string; readonly name: string }

/** A GP practice or school: one agency with one team, serving one postcode district. */
export type LocalAgency = AgencyRef & { readonly team: TeamRef; readonly district: number }

/** Everything a family needs to know about the partnership to record events: agencies, teams, staff. */
export type PartnershipIndex = {
  readonly localities: number
  readonly council: AgencyRef & {
    readonly frontDoor: TeamRef
    readonly earlyHelp: TeamRef
    readonly assessment: readonly TeamRef[]
    readonly childProtection: readonly TeamRef[]
    readonly exploitation: TeamRef
    readonly review: TeamRef
  }
  readonly education: AgencyRef & { readonly welfare: TeamRef }
  readonly police: AgencyRef & {
    readonly publicProtection: TeamRef
    readonly domesticAbuse: TeamRef
    readonly missing: TeamRef
    readonly neighbourhood: TeamRef
  }
  readonly hospital: AgencyRef & {
    readonly emergency: TeamRef
    readonly paediatrics: TeamRef
    readonly safeguarding: TeamRef
  }
  readonly community: AgencyRef & { readonly healthVisiting: readonly TeamRef[]; readonly schoolNursing: TeamRef }
  readonly probation: AgencyRef & { readonly team: TeamRef }
  readonly housing: AgencyRef & { readonly team: TeamRef }
  readonly voluntary: AgencyRef & { readonly team: TeamRef }
  readonly gpPractices: readonly LocalAgency[]
  readonly primarySchools: readonly LocalAgency[]
  readonly secondarySchools: readonly LocalAgency[]
  /** Per postcode district, the indices of the GP practices, primary and secondary schools that serve it. */
  readonly gpsByDistrict: readonly (readonly number[])[]
  readonly primariesByDistrict: readonly (readonly number[])[]
  readonly secondariesByDistrict: readonly (readonly number[])[]
}

/** A demo sign-in account, ready for AuthService.createAccounts once the password hash is added. */
export type DemoAccountRow = { id: string; email: string; displayName: string; roles: RoleId[] }

export type Partnership = {
  agencies: NewAgencyRow[]
  teams: NewTeamRow[]
  practitioners: NewPractitionerRow[]
  accounts: DemoAccountRow[]
  index: PartnershipIndex
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/** Social-care and health-visiting localities: enough teams that each holds a plausible caseload. */
export function localityCount(children: number): number {
  return clamp(Math.ceil(children / 6000), 2, 40)
}

const heritageTable = weightedTable(
  heritageShares.map(([heritage, share]) => [heritage === 'mixed' ? 'white-british' : heritage, share] as const),
)
type AdultPool = { men: WeightedTable<string>; women: WeightedTable<string>; surnames: WeightedTable<string> }
const adultPools = Object.fromEntries(
  Heritage.map(h => [
    h,
    {
      men: rankedTable(namePools[h].men, 0.7),
      women: rankedTable(namePools[h].women, 0.7),
      surnames: rankedTable(namePools[h].surnames),
    },
  ]),
) as Record<Heritage, AdultPool>

/** The n-th name of a kind: the hand-written names first, then combinations of place words and suffixes. */
function nthName(written: readonly string[], suffixes: readonly string[], n: number): string {
  if (n < written.length) return written[n] as string
  const k = n - written.length
  const word = placeWords[k % placeWords.length] as string
  const suffix = suffixes[Math.floor(k / placeWords.length) % suffixes.length] as string
  const round = Math.floor(k / (placeWords.length * suffixes.length))
  const prefixes = [
    'North',
    'South',
    'East',
    'West',
    'Upper',
    'Lower',
    'Old',
    'New',
    'Great',
    'Little',
    'High',
    'Nether',
  ]
  return round === 0
    ? `${word} ${suffix}`
    : `${prefixes[(round - 1) % prefixes.length]} ${word} ${suffix}${round > prefixes.length ? ` ${round}` : ''}`
}

/** Reference data for a partnership the size of `children`: deterministic by seed, no I/O. */
export function buildPartnership(seed: number, children: number): Partnership {
  const random = Random.for(seed, Stream.partnership, 0)
  const agencies: NewAgencyRow[] = []
  const teams: NewTeamRow[] = []
  const practitioners: NewPractitionerRow[] = []
  const accounts: DemoAccountRow[] = []
  const emails = new Set<string>()
  const scale = clamp(Math.sqrt(children / 2000), 1, 12)
  const sized = (base: number) => Math.round(base * scale)

  function addAgency(code: string, name: string, kind: string): AgencyRef {
    const id = demoUuid(seed, IdKind.agency, 0, agencies.length)
    agencies.push({ id, code, name, kind, area: AREA })
    return { id, kind, name }
  }

  function emailFor(given: string, family: string, domain: string): string {
    const base = `${foldToAscii(given)}.${foldToAscii(family)}`.toLowerCase().replace(/[^a-z.]/g, '')
    let email = `${base}@${domain}`
    for (let n = 2; emails.has(email); n++) email = `${base}${n}@${domain}`
    emails.add(email)
    return email
  }

  function addPractitioner(
    agency: AgencyRef,
    teamId: string,
    jobTitle: string,
    domain: string,
    demo: DemoAccountSpec | undefined,
  ): string {
    const id = demoUuid(seed, IdKind.practitioner, 0, practitioners.length)
    let givenName: string
    let familyName: string
    let accountId: string | null = null
    let email: string
    if (demo) {
      givenName = demo.givenName
      familyName = demo.familyName
      accountId = demoUuid(seed, IdKind.account, 0, accounts.length)
      email = demoEmail(demo)
      accounts.push({ id: accountId, email, displayName: `${givenName} ${familyName}`, roles: [demo.role] })
    } else {
      const heritage = random.weighted(heritageTable)
      const pool = adultPools[heritage]
      const female = random.chance(0.7) // most of the safeguarding workforce are women
      givenName = random.weighted(female ? pool.women : pool.men)
      familyName = random.weighted(pool.surnames)
      if (female) familyName = feminineSurname(familyName, heritage)
      email = emailFor(givenName, familyName, domain)
    }
    const phone = `01632 960${String(practitioners.length % 1000).padStart(3, '0')}`
    practitioners.push({ id, accountId, agencyId: agency.id, teamId, givenName, familyName, jobTitle, email, phone })
    return id
  }

  /**
   * A team of `size` with the job titles of its kind; the first member leads it. Demo accounts placed here take
   * a slot: the lead's when their title is the lead's title, otherwise a member's.
   */
  function addTeam(
    agency: AgencyRef,
    kind: TeamKind,
    size: number,
    domain: string,
    options: { name?: string; demo?: DemoAccountSpec[] } = {},
  ): TeamRef {
    const id = demoUuid(seed, IdKind.team, 0, teams.length)
    const spec = TeamKind[kind]
    teams.push({ id, agencyId: agency.id, name: options.name ?? spec.name, kind })
    const titles: readonly string[] = spec.titles
    const demo = [...(options.demo ?? [])]
    const leadDemoIndex = demo.findIndex(d => d.jobTitle === titles[0])
    const leadDemo = leadDemoIndex >= 0 ? demo.splice(leadDemoIndex, 1)[0] : undefined
    const leadId = addPractitioner(agency, id, titles[0] as string, domain, leadDemo)
    const memberIds = [leadId]
    const memberTitles = [titles[0] as string]
    const members = Math.max(size, demo.length + 1)
    for (let i = 1; i < members; i++) {
      const placed = demo.shift()
      const title = placed?.jobTitle ?? titles[1 + ((i - 1) % (titles.length - 1))] ?? spec.name
      memberIds.push(addPractitioner(agency, id, title, domain, placed))
      memberTitles.push(title)
    }
    return { id, leadId, memberIds, titles: memberTitles }
  }

  const demoFor = (agency: string, team: TeamKind) =>
    demoAccountSpecs.filter(s => s.placement.agency === agency && s.placement.team === team)

  const localities = localityCount(children)
  const numbered = (kind: TeamKind, n: number) => `${TeamKind[kind].name} ${n + 1}`

  const c = CoreAgency
  const councilRef = addAgency(c.council.code, c.council.name, c.council.kind)
  const council = {
    ...councilRef,
    frontDoor: addTeam(councilRef, 'front-door', sized(6), c.council.domain, {
      demo: demoFor('council', 'front-door'),
    }),
    earlyHelp: addTeam(councilRef, 'early-help', sized(5), c.council.domain),
    assessment: Array.from({ length: localities }, (_, n) =>
      addTeam(councilRef, 'assessment', 7, c.council.domain, { name: numbered('assessment', n) }),
    ),
    childProtection: Array.from({ length: localities }, (_, n) =>
      addTeam(councilRef, 'child-protection', 7, c.council.domain, {
        name: numbered('child-protection', n),
        ...(n === 0 ? { demo: demoFor('council', 'child-protection') } : {}),
      }),
    ),
    exploitation: addTeam(councilRef, 'exploitation', sized(4), c.council.domain, {
      demo: demoFor('council', 'exploitation'),
    }),
    review: addTeam(councilRef, 'review', sized(3), c.council.domain),
  }
  addTeam(councilRef, 'partnership', 2, c.council.domain, { demo: demoFor('council', 'partnership') })
  addTeam(councilRef, 'governance', 2, c.council.domain, { demo: demoFor('council', 'governance') })

  const educationRef = addAgency(c.education.code, c.education.name, c.education.kind)
  const education = {
    ...educationRef,
    welfare: addTeam(educationRef, 'education-welfare', sized(3), c.education.domain),
  }

  const policeRef = addAgency(c.police.code, c.police.name, c.police.kind)
  const police = {
    ...policeRef,
    publicProtection: addTeam(policeRef, 'public-protection', sized(5), c.police.domain, {
      demo: demoFor('police', 'public-protection'),
    }),
    domesticAbuse: addTeam(policeRef, 'domestic-abuse', sized(4), c.police.domain),
    missing: addTeam(policeRef, 'missing', sized(3), c.police.domain),
    neighbourhood: addTeam(policeRef, 'neighbourhood', sized(6), c.police.domain),
  }

  const hospitalRef = addAgency(c.hospital.code, c.hospital.name, c.hospital.kind)
  const hospital = {
    ...hospitalRef,
    emergency: addTeam(hospitalRef, 'emergency', sized(8), c.hospital.domain),
    paediatrics: addTeam(hospitalRef, 'paediatrics', sized(5), c.hospital.domain),
    safeguarding: addTeam(hospitalRef, 'safeguarding', 3, c.hospital.domain),
  }

  const communityRef = addAgency(c.community.code, c.community.name, c.community.kind)
  const community = {
    ...communityRef,
    healthVisiting: Array.from({ length: localities }, (_, n) =>
      addTeam(communityRef, 'health-visiting', 6, c.community.domain, {
        name: numbered('health-visiting', n),
        ...(n === 0 ? { demo: demoFor('community', 'health-visiting') } : {}),
      }),
    ),
    schoolNursing: addTeam(communityRef, 'school-nursing', sized(4), c.community.domain),
  }

  function localAgencies(
    count: number,
    codePrefix: string,
    names: (n: number) => string,
    kind: string,
    teamKind: TeamKind,
    demoAgency: string,
    domain: string,
  ) {
    return Array.from({ length: count }, (_, n): LocalAgency => {
      const ref = addAgency(`${codePrefix}${String(n + 1).padStart(3, '0')}`, names(n), kind)
      const team = addTeam(
        ref,
        teamKind,
        4 + random.int(0, 2),
        domain,
        n === 0 ? { demo: demoFor(demoAgency, teamKind) } : {},
      )
      return { ...ref, team, district: n % districts.length }
    })
  }
  const gpPractices = localAgencies(
    clamp(Math.round(children / 1500), 3, 150),
    'GP-',
    n => nthName(gpPracticeNames, ['Surgery', 'Medical Centre', 'Health Centre', 'Family Practice'], n),
    'gp',
    'general-practice',
    'first-gp-practice',
    GP_DOMAIN,
  )
  const secondarySchools = localAgencies(
    clamp(Math.round((children * 0.33) / 950), 2, 200),
    'SCH-S',
    n => nthName(secondarySchoolNames, ['Academy', 'High School', 'School', 'Community College'], n),
    'school',
    'school-safeguarding',
    'first-secondary-school',
    SCHOOL_DOMAIN,
  )
  const primarySchools = localAgencies(
    clamp(Math.round((children * 0.39) / 280), 4, 600),
    'SCH-P',
    n =>
      nthName(
        primarySchoolNames,
        [
          'Primary School',
          'Community Primary School',
          'Church of England Primary School',
          'Primary Academy',
          'Infant and Junior School',
          'Catholic Primary School',
        ],
        n,
      ),
    'school',
    'school-safeguarding',
    'none',
    SCHOOL_DOMAIN,
  )

  const probationRef = addAgency(c.probation.code, c.probation.name, c.probation.kind)
  const probation = { ...probationRef, team: addTeam(probationRef, 'probation', sized(5), c.probation.domain) }
  const housingRef = addAgency(c.housing.code, c.housing.name, c.housing.kind)
  const housing = {
    ...housingRef,
    team: addTeam(housingRef, 'housing', sized(4), c.housing.domain, { demo: demoFor('housing', 'housing') }),
  }
  const voluntaryRef = addAgency(c.voluntary.code, c.voluntary.name, c.voluntary.kind)
  const voluntary = { ...voluntaryRef, team: addTeam(voluntaryRef, 'family-support', sized(4), c.voluntary.domain) }

  const byDistrict = (list: readonly LocalAgency[]) =>
    districts.map((_, d) => {
      const serving = list.flatMap((agency, i) => (agency.district === d ? [i] : []))
      return serving.length > 0 ? serving : list.map((_, i) => i) // a district without its own: any will do
    })

  const index: PartnershipIndex = {
    localities,
    council,
    education,
    police,
    hospital,
    community,
    probation,
    housing,
    voluntary,
    gpPractices,
    primarySchools,
    secondarySchools,
    gpsByDistrict: byDistrict(gpPractices),
    primariesByDistrict: byDistrict(primarySchools),
    secondariesByDistrict: byDistrict(secondarySchools),
  }
  if (accounts.length !== demoAccountSpecs.length)
    throw new Error(
      `A demo account was not placed in a team: ${demoAccountSpecs
        .filter(s => !accounts.some(a => a.email === demoEmail(s)))
        .map(s => s.handle)
        .join(', ')}`,
    )
  return { agencies, teams, practitioners, accounts, index }
}
