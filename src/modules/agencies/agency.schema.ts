import * as z from 'zod'

/** The agency kinds of contracts/timeline.md. */
export const AgencyKind = z.enum([
  'social-care',
  'police',
  'health',
  'gp',
  'hospital',
  'ambulance',
  'school',
  'education',
  'early-years',
  'probation',
  'housing',
  'mental-health',
  'substance-misuse',
  'youth-justice',
  'court',
  'voluntary',
  'family',
  'other',
])
export type AgencyKind = z.infer<typeof AgencyKind>

export const Agency = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: AgencyKind,
  area: z.string().nullable(),
})
export type Agency = z.infer<typeof Agency>

export const Team = z.object({ id: z.uuid(), agencyId: z.uuid(), name: z.string(), kind: z.string() })
export type Team = z.infer<typeof Team>

export const Practitioner = z.object({
  id: z.uuid(),
  accountId: z.uuid().nullable(),
  agencyId: z.uuid(),
  teamId: z.uuid().nullable(),
  givenName: z.string(),
  familyName: z.string(),
  jobTitle: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
})
export type Practitioner = z.infer<typeof Practitioner>
