import * as z from 'zod'
import { parseDateParts } from '../forms/index.ts'
import type { AuditQuery } from './audit-search.repository.ts'

const optionalText = z
  .string()
  .optional()
  .transform(v => v?.trim() ?? '')

/** The auditor's search: any combination of practitioner email, child id, agency and a date range. */
export const AuditSearchForm = z
  .object({
    actorEmail: optionalText,
    personId: optionalText,
    agencyId: optionalText,
    'from-day': optionalText,
    'from-month': optionalText,
    'from-year': optionalText,
    'to-day': optionalText,
    'to-month': optionalText,
    'to-year': optionalText,
    before: optionalText,
  })
  // Every field is checked here, together, so that all the problems are reported at once (GOV.UK pattern).
  .transform((form, ctx): AuditQuery => {
    if (form.actorEmail && !z.email().safeParse(form.actorEmail).success) {
      ctx.addIssue({ code: 'custom', path: ['actorEmail'], message: 'Enter the practitioner’s email address in the correct format, like name@example.org' })
    }
    if (form.personId && !z.uuid().safeParse(form.personId).success) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Enter the child’s Sightline id, like 3f2504e0-4f89-41d3-9a0c-0305e82c3301' })
    }
    if (form.agencyId && !z.uuid().safeParse(form.agencyId).success) ctx.addIssue({ code: 'custom', path: ['agencyId'], message: 'Select an agency' })
    const from = parseDateParts('From date', { day: form['from-day'], month: form['from-month'], year: form['from-year'] })
    const to = parseDateParts('To date', { day: form['to-day'], month: form['to-month'], year: form['to-year'] })
    if (from.error) ctx.addIssue({ code: 'custom', path: ['from-day'], message: from.error })
    if (to.error) ctx.addIssue({ code: 'custom', path: ['to-day'], message: to.error })
    if (from.iso && to.iso && from.iso > to.iso) ctx.addIssue({ code: 'custom', path: ['to-day'], message: 'To date must be the same as or after the from date' })
    return {
      actorEmail: form.actorEmail || undefined,
      personId: form.personId || undefined,
      agencyId: form.agencyId || undefined,
      from: from.iso,
      to: to.iso,
      beforeSeq: /^\d+$/.test(form.before) ? Number(form.before) : undefined,
    }
  })
