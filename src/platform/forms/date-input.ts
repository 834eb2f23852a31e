import * as z from 'zod'

/**
 * The parts of a GOV.UK date input (day, month, year) as an ISO date, or the pattern's error message naming
 * the field (e.g. "Date of birth must include a month"). Empty parts are "not given".
 */
export function parseDateParts(
  label: string,
  parts: { day: string; month: string; year: string },
  options: { today?: Date; notAfterToday?: boolean } = {},
): { iso?: string; error?: string } {
  const { day, month, year } = parts
  if (!day && !month && !year) return {}
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean) as string[]
  if (missing.length) return { error: `${label} must include a ${missing.join(' and ')}` }
  if (![day, month, year].every(p => /^\d+$/.test(p)) || year.length !== 4) {
    return { error: `${label} must be a real date, with a 4-digit year` }
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { error: `${label} must be a real date` }
  }
  if (options.notAfterToday && date.getTime() > (options.today ?? new Date()).getTime()) {
    return { error: `${label} must be today or in the past` }
  }
  if (y < 1900) return { error: `${label} must be after 1900` }
  return { iso: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` }
}

/** A form's text fields, trimmed, absent ones as ''. */
export const formText = z
  .string()
  .optional()
  .transform(v => v?.trim() ?? '')

/** The six fields of a from–to pair of GOV.UK date inputs named `from-*` and `to-*`. */
export const dateRangeFields = {
  'from-day': formText,
  'from-month': formText,
  'from-year': formText,
  'to-day': formText,
  'to-month': formText,
  'to-year': formText,
}

type DateRangeForm = { [K in keyof typeof dateRangeFields]: string }

/**
 * The ISO dates of a from–to pair, adding the GOV.UK messages to the form's issues (on `from-day` and `to-day`,
 * where the error summary links) when a date is incomplete or not real, or the range runs backwards.
 */
export function parseDateRange(form: DateRangeForm, ctx: z.RefinementCtx): { from: string | undefined; to: string | undefined } {
  const from = parseDateParts('From date', { day: form['from-day'], month: form['from-month'], year: form['from-year'] })
  const to = parseDateParts('To date', { day: form['to-day'], month: form['to-month'], year: form['to-year'] })
  if (from.error) ctx.addIssue({ code: 'custom', path: ['from-day'], message: from.error })
  if (to.error) ctx.addIssue({ code: 'custom', path: ['to-day'], message: to.error })
  if (from.iso && to.iso && from.iso > to.iso) ctx.addIssue({ code: 'custom', path: ['to-day'], message: 'To date must be the same as or after the from date' })
  return { from: from.iso, to: to.iso }
}
