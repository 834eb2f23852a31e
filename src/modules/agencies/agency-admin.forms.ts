import * as z from 'zod'
import { RoleId } from '../../platform/access/index.ts'
import { AgencyKind } from './agency.schema.ts'

const required = (message: string, max: number, label: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `${label} must be ${max} characters or fewer`)

export const NewAgencyForm = z.object({
  name: required('Enter the agency’s name', 200, 'Name'),
  code: required('Enter a short code for the agency', 40, 'Code').pipe(
    z.string().regex(/^[a-z0-9-]+$/, 'Code must use only lower-case letters, numbers and hyphens'),
  ),
  kind: z.enum(AgencyKind.options, { error: 'Select the kind of agency' }),
  area: z
    .string()
    .optional()
    .transform(v => v?.trim() || null),
})
export type NewAgencyForm = z.infer<typeof NewAgencyForm>

export const NewTeamForm = z.object({
  agencyId: z.uuid({ error: 'Select the agency' }),
  name: required('Enter the team’s name', 200, 'Name'),
  kind: required('Enter the kind of team, for example front-door', 60, 'Kind'),
})
export type NewTeamForm = z.infer<typeof NewTeamForm>

export const NewPractitionerForm = z.object({
  agencyId: z.uuid({ error: 'Select the agency' }),
  teamId: z
    .string()
    .optional()
    .transform(v => v || null)
    .pipe(z.uuid({ error: 'Select a team' }).nullable()),
  givenName: required('Enter the practitioner’s given name', 100, 'Given name'),
  familyName: required('Enter the practitioner’s family name', 100, 'Family name'),
  jobTitle: required('Enter the practitioner’s job title', 100, 'Job title'),
  email: required('Enter the practitioner’s work email address', 254, 'Email address').pipe(
    z.email({ error: 'Enter an email address in the correct format, like name@example.org' }),
  ),
  role: z.enum(RoleId.options, { error: 'Select the practitioner’s role' }),
  password: z
    .string({ error: 'Enter a first password for the practitioner' })
    .min(12, 'The first password must be at least 12 characters')
    .max(1024, 'The first password must be 1024 characters or fewer'),
})
export type NewPractitionerForm = z.infer<typeof NewPractitionerForm>
