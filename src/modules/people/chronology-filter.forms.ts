import * as z from 'zod'
import { parseDateParts } from '../../platform/forms/index.ts'
import { EventType, type ChronologyFilter } from '../chronology/index.ts'

const text = z
  .string()
  .optional()
  .transform(v => v?.trim() ?? '')

/** The filters above a child's events: agency, type, significant only, and a date range (GOV.UK date inputs). */
export const ChronologyFilterForm = z
  .object({
    agency: text,
    type: text,
    significant: text,
    'from-day': text,
    'from-month': text,
    'from-year': text,
    'to-day': text,
    'to-month': text,
    'to-year': text,
  })
  .transform((form, ctx): ChronologyFilter => {
    if (form.agency && !z.uuid().safeParse(form.agency).success) ctx.addIssue({ code: 'custom', path: ['agency'], message: 'Select an agency from the list' })
    if (form.type && !EventType.safeParse(form.type).success) ctx.addIssue({ code: 'custom', path: ['type'], message: 'Select a type of event from the list' })
    const from = parseDateParts('From date', { day: form['from-day'], month: form['from-month'], year: form['from-year'] })
    const to = parseDateParts('To date', { day: form['to-day'], month: form['to-month'], year: form['to-year'] })
    if (from.error) ctx.addIssue({ code: 'custom', path: ['from-day'], message: from.error })
    if (to.error) ctx.addIssue({ code: 'custom', path: ['to-day'], message: to.error })
    if (from.iso && to.iso && from.iso > to.iso) ctx.addIssue({ code: 'custom', path: ['to-day'], message: 'To date must be the same as or after the from date' })
    return {
      agencyId: form.agency || undefined,
      type: form.type || undefined,
      significantOnly: form.significant === 'yes',
      from: from.iso,
      to: to.iso,
    }
  })
