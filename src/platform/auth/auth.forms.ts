import * as z from 'zod'
import { ApiScope } from '../access/index.ts'

export const SignInForm = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.org' })),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1024, 'Password must be 1024 characters or fewer'),
  returnTo: z.string().optional(),
})
export type SignInForm = z.infer<typeof SignInForm>

const ENTER_CODE = 'Enter the code from your authenticator app, or a recovery code'

/** The second step of signing in: a 6-digit code or a recovery code. */
export const SignInCodeForm = z.object({
  code: z.string({ error: ENTER_CODE }).trim().min(1, ENTER_CODE).max(64, 'Code must be 64 characters or fewer'),
  returnTo: z.string().optional(),
})
export type SignInCodeForm = z.infer<typeof SignInCodeForm>

const ENTER_APP_CODE = 'Enter the 6-digit code from your authenticator app'

/** Confirming enrolment, or asking for new recovery codes: a code from the app (not a recovery code). */
export const AppCodeForm = z.object({
  code: z
    .string({ error: ENTER_APP_CODE })
    .transform(value => value.replace(/\s/g, ''))
    .pipe(z.string().min(1, ENTER_APP_CODE).regex(/^\d{6}$/, 'The code must be 6 digits, like 123456')),
})
export type AppCodeForm = z.infer<typeof AppCodeForm>

export const ReauthenticateForm = z.object({
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1024, 'Password must be 1024 characters or fewer'),
  code: z.string().trim().max(64, 'Code must be 64 characters or fewer').optional(),
  returnTo: z.string().optional(),
})
export type ReauthenticateForm = z.infer<typeof ReauthenticateForm>

const SELECT_SCOPE = 'Select what the system may do'
const ENTER_RATE = 'Enter the requests per minute as a whole number between 1 and 6000'

/** Adding an API client. Checkboxes post one value as a string and several as a list. */
export const ApiClientForm = z.object({
  name: z
    .string({ error: 'Enter a name for the system' })
    .trim()
    .min(1, 'Enter a name for the system')
    .max(100, 'Name must be 100 characters or fewer'),
  agencyId: z.string({ error: 'Select the agency the system belongs to' }).pipe(z.uuid({ error: 'Select the agency the system belongs to' })),
  scopes: z
    .union([z.string(), z.array(z.string())], { error: SELECT_SCOPE })
    .transform(value => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(ApiScope, { error: SELECT_SCOPE }).min(1, SELECT_SCOPE)),
  ratePerMinute: z
    .string({ error: ENTER_RATE })
    .trim()
    .regex(/^\d{1,4}$/, ENTER_RATE)
    .transform(Number)
    .pipe(z.number().int().min(1, ENTER_RATE).max(6000, ENTER_RATE)),
})
export type ApiClientForm = z.infer<typeof ApiClientForm>
