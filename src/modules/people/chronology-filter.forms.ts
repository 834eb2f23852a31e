import * as z from 'zod'
import { dateRangeFields, formText, parseDateRange } from '../../platform/forms/index.ts'
import { EventType, type ChronologyFilter } from '../chronology/index.ts'

/** The filters above a child's events: agency, type, significant only, and a date range (GOV.UK date inputs). */
export const ChronologyFilterForm = z
  .object({
    agency: formText,
    type: formText,
    significant: formText,
    ...dateRangeFields,
  })
  .transform((form, ctx): ChronologyFilter => {
    if (form.agency && !z.uuid().safeParse(form.agency).success) ctx.addIssue({ code: 'custom', path: ['agency'], message: 'Select an agency from the list' })
    if (form.type && !EventType.safeParse(form.type).success) ctx.addIssue({ code: 'custom', path: ['type'], message: 'Select a type of event from the list' })
    const { from, to } = parseDateRange(form, ctx)
    return {
      agencyId: form.agency || undefined,
      type: form.type || undefined,
      significantOnly: form.significant === 'yes',
      from,
      to,
    }
  })
