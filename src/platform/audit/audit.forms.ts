import * as z from 'zod'
import { dateRangeFields, formText, parseDateRange } from '../forms/index.ts'
import type { AuditQuery } from './audit-search.repository.ts'

/** The auditor's search: any combination of practitioner email, child id, agency and a date range. */
export const AuditSearchForm = z
  .object({
    actorEmail: formText,
    personId: formText,
    agencyId: formText,
    ...dateRangeFields,
    before: formText,
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
    const { from, to } = parseDateRange(form, ctx)
    return {
      actorEmail: form.actorEmail || undefined,
      personId: form.personId || undefined,
      agencyId: form.agencyId || undefined,
      from,
      to,
      beforeSeq: /^\d+$/.test(form.before) ? Number(form.before) : undefined,
    }
  })
