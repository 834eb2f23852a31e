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
