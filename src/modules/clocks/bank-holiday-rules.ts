/**
 * The standing pattern of England and Wales bank holidays, for checking the published list and for years outside
 * it when a caller asks for that (WorkingDayCalendar's `outsideYears: 'pattern'`). The pattern cannot know one-off
 * holidays (a jubilee, a state funeral, a coronation) or moved ones (VE day 2020): the published list is the truth.
 *
 * - New Year's Day, 1 January; Christmas Day, 25 December; Boxing Day, 26 December. One that falls on a Saturday or
 *   Sunday is replaced by a substitute day: the next weekday that is not already a bank holiday.
 * - Good Friday and Easter Monday, from Easter Sunday (Gregorian computus).
 * - Early May (first Monday of May), spring (last Monday of May) and summer (last Monday of August) bank holidays.
 */
import { fromDayNumber, toDayNumber, weekdayOfDay, type IsoDate } from './calendar-date.ts'
import type { BankHoliday } from './bank-holidays.data.ts'

const MS_PER_DAY = 86_400_000

/**
 * Easter Sunday in the Gregorian calendar, by the anonymous algorithm (Meeus/Jones/Butcher), valid for any year from
 * 1583: 2024-03-31, 2025-04-20, 2038-04-25.
 */
export function easterSunday(year: number): IsoDate {
  if (!Number.isSafeInteger(year) || year < 1583) throw new RangeError(`no Gregorian Easter for ${year}`)
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return fromDayNumber(Date.UTC(year, month - 1, day) / MS_PER_DAY)
}

function dayOf(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY
}

function firstMonday(year: number, month: number): number {
  const first = dayOf(year, month, 1)
  return first + ((8 - weekdayOfDay(first)) % 7)
}

function lastMonday(year: number, month: number): number {
  const last = dayOf(year, month + 1, 0)
  return last - ((weekdayOfDay(last) + 6) % 7)
}

const isWeekend = (day: number): boolean => weekdayOfDay(day) === 0 || weekdayOfDay(day) === 6

/** The bank holidays of a year by the standing pattern, in date order. */
export function standingBankHolidays(year: number): BankHoliday[] {
  const easter = toDayNumber(easterSunday(year))
  const movable: [number, string][] = [
    [easter - 2, 'Good Friday'],
    [easter + 1, 'Easter Monday'],
    [firstMonday(year, 5), 'Early May bank holiday'],
    [lastMonday(year, 5), 'Spring bank holiday'],
    [lastMonday(year, 8), 'Summer bank holiday'],
  ]
  const fixed: [number, string][] = [
    [dayOf(year, 1, 1), 'New Year’s Day'],
    [dayOf(year, 12, 25), 'Christmas Day'],
    [dayOf(year, 12, 26), 'Boxing Day'],
  ]
  const taken = new Map<number, BankHoliday>()
  for (const [day, title] of movable) taken.set(day, { date: fromDayNumber(day), title })
  for (const [day, title] of fixed) if (!isWeekend(day)) taken.set(day, { date: fromDayNumber(day), title })
  for (const [day, title] of fixed) {
    if (!isWeekend(day)) continue
    let substitute = day + 1
    while (isWeekend(substitute) || taken.has(substitute)) substitute++
    taken.set(substitute, { date: fromDayNumber(substitute), title, note: 'Substitute day' })
  }
  return [...taken.entries()].sort(([a], [b]) => a - b).map(([, holiday]) => holiday)
}
