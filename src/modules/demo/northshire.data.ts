/**
 * The fixed part of the fictional Northshire safeguarding partnership: the agencies every seed has, whatever
 * its size, with their teams. GP practices and schools are added in number to suit the size of the seed.
 * Domains end in .test (RFC 2606) and telephone numbers are in Ofcom's range for drama (01632 960xxx), so no
 * address or number can reach anyone.
 */

export const AREA = 'Northshire'

/** The agencies of the partnership that are not counted out by size (GP practices and schools are). */
export const CoreAgency = {
  council: {
    code: 'NCC-CSC',
    name: 'Northshire Council Children’s Services',
    kind: 'social-care',
    domain: 'northshire-council.test',
  },
  education: {
    code: 'NCC-EDU',
    name: 'Northshire Council Education Services',
    kind: 'education',
    domain: 'northshire-council.test',
  },
  police: { code: 'NSP', name: 'Northshire Police', kind: 'police', domain: 'northshire-police.test' },
  hospital: {
    code: 'NHT-ACUTE',
    name: 'Northshire NHS Foundation Trust: Northam General Hospital',
    kind: 'hospital',
    domain: 'northshire-nhs.test',
  },
  community: {
    code: 'NHT-COMMUNITY',
    name: 'Northshire NHS Foundation Trust: Community Health Services',
    kind: 'health',
    domain: 'northshire-nhs.test',
  },
  probation: {
    code: 'PROB-NS',
    name: 'Probation Service: Northshire Delivery Unit',
    kind: 'probation',
    domain: 'probation.test',
  },
  housing: { code: 'NHOMES', name: 'Northshire Homes', kind: 'housing', domain: 'northshire-homes.test' },
  voluntary: {
    code: 'NFS',
    name: 'Northshire Family Support',
    kind: 'voluntary',
    domain: 'northshire-family-support.test',
  },
} as const
export type CoreAgency = keyof typeof CoreAgency

export const GP_DOMAIN = 'nhs-gp.test'
export const SCHOOL_DOMAIN = 'schools.northshire.test'

/** The teams a practitioner can be placed in, each with its job titles: the first is the team's lead. */
export const TeamKind = {
  'front-door': {
    name: 'Front Door (MASH)',
    titles: ['Front door team manager', 'MASH social worker', 'Senior practitioner', 'Contact officer'],
  },
  'early-help': {
    name: 'Early Help Team',
    titles: ['Early help team manager', 'Family support worker', 'Family support worker'],
  },
  assessment: {
    name: 'Assessment Team',
    titles: ['Team manager', 'Senior social worker', 'Social worker', 'Social worker'],
  },
  'child-protection': {
    name: 'Child Protection Team',
    titles: ['Team manager', 'Senior social worker', 'Social worker', 'Social worker'],
  },
  exploitation: {
    name: 'Exploitation and Missing Team',
    titles: ['Exploitation lead', 'Exploitation practitioner', 'Youth worker'],
  },
  review: {
    name: 'Safeguarding and Review Unit',
    titles: ['Service manager, safeguarding and review', 'Child protection chair'],
  },
  partnership: {
    name: 'Safeguarding Children Partnership business unit',
    titles: ['Partnership business manager', 'Partnership analyst'],
  },
  governance: {
    name: 'Information Governance and Systems',
    titles: ['Information governance lead', 'Information governance officer'],
  },
  'education-welfare': {
    name: 'Children Missing Education and Elective Home Education',
    titles: ['Education welfare manager', 'Education welfare officer', 'Elective home education adviser'],
  },
  'public-protection': {
    name: 'MASH and Public Protection',
    titles: ['Detective Sergeant', 'Detective Constable', 'Detective Constable'],
  },
  'domestic-abuse': {
    name: 'Domestic Abuse Safeguarding Unit',
    titles: ['Detective Sergeant', 'Police Constable', 'Domestic abuse officer'],
  },
  missing: {
    name: 'Missing and Exploitation Team',
    titles: ['Police Sergeant', 'Missing persons coordinator', 'Police Constable'],
  },
  neighbourhood: {
    name: 'Neighbourhood Policing',
    titles: ['Police Sergeant', 'Police Constable', 'Police community support officer'],
  },
  emergency: {
    name: 'Emergency Department',
    titles: ['Emergency medicine consultant', 'Emergency department nurse', 'Emergency medicine registrar'],
  },
  paediatrics: {
    name: 'Paediatrics',
    titles: ['Consultant paediatrician', 'Paediatric registrar', 'Paediatric nurse'],
  },
  safeguarding: {
    name: 'Safeguarding Children Team',
    titles: ['Named nurse for safeguarding children', 'Safeguarding nurse'],
  },
  'health-visiting': {
    name: 'Health Visiting Team',
    titles: ['Health visiting team leader', 'Health visitor', 'Health visitor', 'Community nursery nurse'],
  },
  'school-nursing': { name: 'School Nursing', titles: ['School nursing team leader', 'School nurse'] },
  'general-practice': {
    name: 'Clinical team',
    titles: ['GP partner (safeguarding lead)', 'GP partner', 'Salaried GP', 'Practice nurse'],
  },
  'school-safeguarding': {
    name: 'Safeguarding team',
    titles: [
      'Designated safeguarding lead',
      'Headteacher',
      'Deputy designated safeguarding lead',
      'Attendance officer',
    ],
  },
  probation: {
    name: 'Probation Delivery Unit',
    titles: ['Senior probation officer', 'Probation officer', 'Probation services officer'],
  },
  housing: {
    name: 'Housing Options and Tenancy',
    titles: ['Housing options manager', 'Housing officer', 'Tenancy sustainment officer'],
  },
  'family-support': {
    name: 'Domestic Abuse and Family Support',
    titles: ['Service manager', 'Independent domestic violence adviser', 'Family support worker'],
  },
} as const
export type TeamKind = keyof typeof TeamKind

/** The first GP practice and first secondary school: where the demo GP and school accounts work. */
export const FIRST_GP_PRACTICE = 'Riverside Medical Centre'
export const FIRST_SECONDARY_SCHOOL = 'Castlegate Academy'
