/**
 * Calendar dates with no time and no zone, written 'YYYY-MM-DD' (ISO 8601). Inside the module a date is a day
 * number: whole days since 1970-01-01, so that date arithmetic is integer arithmetic.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string

const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The string is a real calendar date written 'YYYY-MM-DD' ('2025-02-29' is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  if (m < 1 || m > 12 || d < 1) return false
  return d <= daysInMonth(y, m)
}

/** Days since 1970-01-01 of an ISO date. Throws a RangeError for anything that is not a real date. */
export function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`'${date}' is not a calendar date (YYYY-MM-DD)`)
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

/** The day number of 1 January of a year. */
export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY
}

/** The year a day number falls in. */
export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear()
}

/** 0 for Sunday to 6 for Saturday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
}

/** Number of days in a month (month 1 to 12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The date `n` calendar days after `date` (before it when `n` is negative). */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'a number of days')
  return fromDayNumber(toDayNumber(date) + n)
}

/**
 * The date `n` calendar months after `date`, on the same day of the month, or on the last day of the month when the
 * later month is shorter: 31 January + 1 month = 28 February (29 in a leap year); 30 November + 3 months = 28 or
 * 29 February.
 */
export function addCalendarMonths(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'a number of months')
  toDayNumber(date) // validates
  const year = Number(date.slice(0, 4))
  const monthIndex = Number(date.slice(5, 7)) - 1 + n
  const targetYear = year + Math.floor(monthIndex / 12)
  const targetMonth = (((monthIndex % 12) + 12) % 12) + 1
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(targetYear, targetMonth))
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, not ${n}`)
}
