/**
 * Europe/London: which calendar date an instant falls on, and which instants a calendar date spans.
 *
 * The UK keeps Greenwich Mean Time (UTC+0) in winter and British Summer Time (UTC+1) from 01:00 GMT on the last
 * Sunday of March to 01:00 GMT on the last Sunday of October (Summer Time Act 1972 as amended by the Summer Time
 * Order 2002, in force since 1981 for March and since 1996 for October). The rule is applied here directly, one pair
 * of transitions per year, cached; the tests check it against the time-zone database for 2020 to 2030. Local
 * midnight is never skipped or repeated, because the changes happen at 01:00 GMT: so every date has one first and
 * one last instant, and a date in March or October is 23 or 25 hours long.
 */
import { fromDayNumber, toDayNumber, weekdayOfDay, type IsoDate } from './calendar-date.ts'

export const TIME_ZONE = 'Europe/London'

const MS_PER_DAY = 86_400_000
const MS_PER_HOUR = 3_600_000
/** The first year under the present rule (October change on the last Sunday). */
const FIRST_RULE_YEAR = 1996

type SummerTime = { starts: number; ends: number }
const summerTimes = new Map<number, SummerTime>()

/** The day number of the last Sunday of a month (month 1 to 12). */
function lastSunday(year: number, month: number): number {
  const lastDay = Date.UTC(year, month, 0) / MS_PER_DAY
  return lastDay - weekdayOfDay(lastDay)
}

function summerTimeOf(year: number): SummerTime {
  let found = summerTimes.get(year)
  if (!found) {
    if (!Number.isSafeInteger(year) || year < FIRST_RULE_YEAR) {
      throw new RangeError(`UK summer time is only modelled from ${FIRST_RULE_YEAR}, not for ${year}`)
    }
    found = {
      starts: lastSunday(year, 3) * MS_PER_DAY + MS_PER_HOUR,
      ends: lastSunday(year, 10) * MS_PER_DAY + MS_PER_HOUR,
    }
    summerTimes.set(year, found)
  }
  return found
}

/** When British Summer Time starts and ends in a year (both at 01:00 GMT). */
export function summerTime(year: number): { starts: Date; ends: Date } {
  const { starts, ends } = summerTimeOf(year)
  return { starts: new Date(starts), ends: new Date(ends) }
}

function offsetMs(time: number): number {
  if (!Number.isFinite(time)) throw new RangeError('not a valid instant')
  const { starts, ends } = summerTimeOf(new Date(time).getUTCFullYear())
  return time >= starts && time < ends ? MS_PER_HOUR : 0
}

/** Minutes ahead of UTC in London at an instant: 0 (GMT) or 60 (BST). */
export function londonOffsetMinutes(instant: Date): number {
  return offsetMs(instant.getTime()) / 60_000
}

/** The day number of the London calendar date of an instant. */
export function londonDayNumber(instant: Date): number {
  const time = instant.getTime()
  return Math.floor((time + offsetMs(time)) / MS_PER_DAY)
}

/** The calendar date in London at an instant: 2025-06-01T23:30Z is 2 June in London. */
export function londonDate(instant: Date): IsoDate {
  return fromDayNumber(londonDayNumber(instant))
}

function startOfDayMs(day: number): number {
  // Local midnight is 00:00 UTC in winter and 23:00 UTC the evening before in summer; the changes at 01:00 GMT
  // never fall between the two candidates.
  const summer = day * MS_PER_DAY - MS_PER_HOUR
  return offsetMs(summer) === MS_PER_HOUR ? summer : day * MS_PER_DAY
}

/** The first instant (00:00 London time) of a calendar date. */
export function startOfLondonDay(date: IsoDate): Date {
  return new Date(startOfDayMs(toDayNumber(date)))
}

/** The last instant (23:59:59.999 London time) of a calendar date. */
export function endOfLondonDay(date: IsoDate): Date {
  return new Date(endOfLondonDayNumber(toDayNumber(date)))
}

/** The last millisecond of a London day given as a day number. */
export function endOfLondonDayNumber(day: number): number {
  return startOfDayMs(day + 1) - 1
}
