/**
 * The working-day calendar: Monday to Friday, less England and Wales bank holidays.
 *
 * Conventions (docs/timescales.md explains them with examples):
 * - A working day is a calendar date, not a span of office hours. A `Date` (an instant) is read as its calendar
 *   date in Europe/London, whatever the time of day and whether summer time is in force: 2025-06-01T23:30Z is
 *   Monday 2 June in London. An ISO date string ('2025-06-02') is taken as it stands.
 * - `addWorkingDays(date, n)` is the n-th working day after `date` (before it for negative `n`); `date` itself is
 *   day 0 and never counts, whether or not it is a working day. `addWorkingDays(date, 0)` is `date`.
 * - `workingDaysBetween(a, b)` counts the working days after `a` up to and including `b` (negative when `b` is
 *   before `a`), so `addWorkingDays(a, workingDaysBetween(a, b)) === b` whenever `b` is a working day, and work
 *   started and finished on the same day took 0 working days (the DfE convention in reference/standards.md §1.1).
 * - The calendar refuses (RangeError) dates outside the years its bank-holiday list covers, rather than guess,
 *   unless it was built with `outsideYears: 'pattern'` (the standing pattern, which misses one-off holidays).
 *
 * Each year is precomputed once, when first used: a working-day flag per day, a running count, and the position of
 * every working day, so that each operation is a few array reads (plus one per year in between, when dates are
 * years apart).
 */
import {
  firstDayOfYear,
  fromDayNumber,
  requireInteger,
  toDayNumber,
  weekdayOfDay,
  yearOfDay,
  type IsoDate,
} from './calendar-date.ts'
import { BANK_HOLIDAY_YEARS, ENGLAND_AND_WALES_BANK_HOLIDAYS, type BankHoliday } from './bank-holidays.data.ts'
import { standingBankHolidays } from './bank-holiday-rules.ts'
import { londonDayNumber } from './london-time.ts'

/** A calendar date ('YYYY-MM-DD'), or an instant read as its calendar date in Europe/London. */
export type DateInput = IsoDate | Date

export type CalendarOptions = {
  /** The bank holidays (default: England and Wales, 2020–2030). */
  readonly holidays?: readonly BankHoliday[]
  /** The years the list covers (default: the years of the first and last holiday, or 2020–2030 for the default list). */
  readonly years?: { readonly first: number; readonly last: number }
  /** Outside those years: 'refuse' (default) throws a RangeError; 'pattern' uses the standing pattern. */
  readonly outsideYears?: 'refuse' | 'pattern'
}

type YearTable = {
  /** Day number of 1 January. */
  readonly first: number
  /** Working days in the year. */
  readonly count: number
  /** 1 for a working day, by day of the year (0-based). */
  readonly working: Uint8Array
  /** before[i]: working days among days 0..i-1 of the year (length: days + 1). */
  readonly before: Uint16Array
  /** ordinal[k]: day of the year of the year's k-th working day (0-based). */
  readonly ordinal: Uint16Array
  readonly holidays: readonly BankHoliday[]
}

export class WorkingDayCalendar {
  readonly years: { readonly first: number; readonly last: number }
  readonly outsideYears: 'refuse' | 'pattern'
  private readonly listed = new Map<number, BankHoliday[]>()
  private readonly tables = new Map<number, YearTable>()

  constructor(options: CalendarOptions = {}) {
    const holidays = options.holidays ?? ENGLAND_AND_WALES_BANK_HOLIDAYS
    const days = holidays.map(h => toDayNumber(h.date))
    const years =
      options.years ??
      (options.holidays
        ? { first: yearOfDay(Math.min(...days)), last: yearOfDay(Math.max(...days)) }
        : BANK_HOLIDAY_YEARS)
    if (!Number.isSafeInteger(years.first) || !Number.isSafeInteger(years.last) || years.first > years.last) {
      throw new RangeError(`the calendar's years must run forwards, not ${years.first}–${years.last}`)
    }
    this.years = { first: years.first, last: years.last }
    this.outsideYears = options.outsideYears ?? 'refuse'
    for (let year = years.first; year <= years.last; year++) this.listed.set(year, [])
    holidays.forEach((holiday, index) => {
      const list = this.listed.get(yearOfDay(days[index] ?? NaN))
      if (!list) throw new RangeError(`bank holiday ${holiday.date} is outside ${years.first}–${years.last}`)
      list.push(holiday)
    })
    for (const list of this.listed.values()) list.sort((a, b) => a.date.localeCompare(b.date))
  }

  /** The calendar knows this date's year (from its list, or by pattern when it was built to). */
  covers(date: DateInput): boolean {
    const year = yearOfDay(dayNumberOf(date))
    return this.outsideYears === 'pattern' || (year >= this.years.first && year <= this.years.last)
  }

  /** The bank holidays of a year, in date order. */
  bankHolidays(year: number): readonly BankHoliday[] {
    requireInteger(year, 'a year')
    return this.table(year).holidays
  }

  /** The bank holiday on a date, if there is one. */
  bankHoliday(date: DateInput): BankHoliday | undefined {
    const iso = fromDayNumber(dayNumberOf(date))
    return this.bankHolidays(Number(iso.slice(0, 4))).find(h => h.date === iso)
  }

  isBankHoliday(date: DateInput): boolean {
    return this.bankHoliday(date) !== undefined
  }

  /** Monday to Friday and not a bank holiday. */
  isWorkingDay(date: DateInput): boolean {
    return this.isWorkingDayNumber(dayNumberOf(date))
  }

  /** The n-th working day after `date` (before it when n is negative); `date` itself is day 0. */
  addWorkingDays(date: DateInput, n: number): IsoDate {
    return fromDayNumber(this.addWorkingDaysToDayNumber(dayNumberOf(date), n))
  }

  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  workingDaysBetween(from: DateInput, to: DateInput): number {
    return this.workingDaysBetweenDayNumbers(dayNumberOf(from), dayNumberOf(to))
  }

  /** The first working day after `date`. */
  nextWorkingDay(date: DateInput): IsoDate {
    return this.addWorkingDays(date, 1)
  }

  /** The last working day before `date`. */
  previousWorkingDay(date: DateInput): IsoDate {
    return this.addWorkingDays(date, -1)
  }

  /** `date` if it is a working day, else the next working day. */
  workingDayOnOrAfter(date: DateInput): IsoDate {
    const day = dayNumberOf(date)
    return fromDayNumber(this.isWorkingDayNumber(day) ? day : this.addWorkingDaysToDayNumber(day, 1))
  }

  /** `date` if it is a working day, else the previous working day. */
  workingDayOnOrBefore(date: DateInput): IsoDate {
    const day = dayNumberOf(date)
    return fromDayNumber(this.isWorkingDayNumber(day) ? day : this.addWorkingDaysToDayNumber(day, -1))
  }

  // The same operations on day numbers (days since 1970-01-01), for callers that already count in days.

  isWorkingDayNumber(day: number): boolean {
    const table = this.tableOfDay(day)
    return table.working[day - table.first] === 1
  }

  addWorkingDaysToDayNumber(day: number, n: number): number {
    requireInteger(n, 'a number of working days')
    requireInteger(day, 'a day number')
    if (n === 0) return day
    let year = yearOfDay(day)
    let table = this.table(year)
    const index = day - table.first
    if (n > 0) {
      let k = at(table.before, index + 1) + n - 1
      while (k >= table.count) {
        k -= table.count
        table = this.table(++year)
      }
      return table.first + at(table.ordinal, k)
    }
    let k = at(table.before, index) + n
    while (k < 0) {
      table = this.table(--year)
      k += table.count
    }
    return table.first + at(table.ordinal, k)
  }

  workingDaysBetweenDayNumbers(from: number, to: number): number {
    requireInteger(from, 'a day number')
    requireInteger(to, 'a day number')
    if (to < from) return 0 - this.workingDaysBetweenDayNumbers(to, from)
    const fromYear = yearOfDay(from)
    const toYear = yearOfDay(to)
    const a = this.table(fromYear)
    const b = this.table(toYear)
    const throughFrom = at(a.before, from - a.first + 1)
    const throughTo = at(b.before, to - b.first + 1)
    if (fromYear === toYear) return throughTo - throughFrom
    let total = a.count - throughFrom + throughTo
    for (let year = fromYear + 1; year < toYear; year++) total += this.table(year).count
    return total
  }

  private tableOfDay(day: number): YearTable {
    requireInteger(day, 'a day number')
    return this.table(yearOfDay(day))
  }

  private table(year: number): YearTable {
    const cached = this.tables.get(year)
    if (cached) return cached
    let holidays = this.listed.get(year)
    if (!holidays) {
      if (this.outsideYears === 'refuse') {
        throw new RangeError(
          `no bank holidays are known for ${year}: the calendar covers ${this.years.first}–${this.years.last}`,
        )
      }
      holidays = standingBankHolidays(year)
    }
    const built = buildYear(year, holidays)
    this.tables.set(year, built)
    return built
  }
}

function buildYear(year: number, holidays: readonly BankHoliday[]): YearTable {
  const first = firstDayOfYear(year)
  const length = firstDayOfYear(year + 1) - first
  const holidayDays = new Set(holidays.map(h => toDayNumber(h.date) - first))
  const working = new Uint8Array(length)
  const before = new Uint16Array(length + 1)
  const ordinals: number[] = []
  for (let i = 0; i < length; i++) {
    const weekday = weekdayOfDay(first + i)
    const isWorking = weekday !== 0 && weekday !== 6 && !holidayDays.has(i)
    if (isWorking) {
      working[i] = 1
      ordinals.push(i)
    }
    before[i + 1] = ordinals.length
  }
  return { first, count: ordinals.length, working, before, ordinal: Uint16Array.from(ordinals), holidays }
}

function at(array: Uint16Array, index: number): number {
  const value = array[index]
  if (value === undefined) throw new RangeError(`calendar index ${index} out of range`)
  return value
}

/** The day number of a date input: an ISO date as written, an instant as its London calendar date. */
export function dayNumberOf(date: DateInput): number {
  return typeof date === 'string' ? toDayNumber(date) : londonDayNumber(date)
}

/** England and Wales, 2020–2030; refuses other years. */
export const englandAndWales = new WorkingDayCalendar()

/** Monday to Friday and not an England and Wales bank holiday. */
export function isWorkingDay(date: DateInput): boolean {
  return englandAndWales.isWorkingDay(date)
}

/** The n-th working day after `date` (before it when n is negative); `date` itself is day 0. */
export function addWorkingDays(date: DateInput, n: number): IsoDate {
  return englandAndWales.addWorkingDays(date, n)
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workingDaysBetween(from: DateInput, to: DateInput): number {
  return englandAndWales.workingDaysBetween(from, to)
}
