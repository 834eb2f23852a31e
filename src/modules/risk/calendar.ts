/**
 * Days as the rules see them: whole numbers relative to day 0 of a case (contracts/timeline.md), with day 0 pinned
 * to a calendar date so that weekends, bank holidays and dates of birth mean something. A timeline without real
 * dates has day 0 on a fixed Wednesday.
 *
 * Working days come from the clocks module's England and Wales calendar, so rules and statutory clocks agree.
 */
import { WorkingDayCalendar } from '../clocks/index.ts'

/** Day 0 of a timeline that gives no real dates: a Wednesday, as the contract says. */
export const DEFAULT_DAY0 = '2025-03-05'

const MS_PER_DAY = 86_400_000

/**
 * The partnership's working-day calendar (clocks module). Replays reach into any year, so years past the
 * published bank holidays follow the standing pattern instead of being refused.
 */
const calendar = new WorkingDayCalendar({ outsideYears: 'pattern' })

/** The ISO date string (YYYY-MM-DD) is a real calendar date. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const time = Date.parse(`${value}T00:00:00Z`)
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value
}

export type AgeAtDay0 = {
  years?: number | undefined
  months?: number | undefined
  weeks?: number | undefined
  days?: number | undefined
}

/** Maps case days to calendar dates and answers calendar questions about them. */
export class CaseCalendar {
  readonly day0: string
  private readonly epochDay0: number

  constructor(day0: string = DEFAULT_DAY0) {
    if (!isIsoDate(day0)) throw new RangeError(`day 0 must be an ISO date, not '${day0}'`)
    this.day0 = day0
    this.epochDay0 = Date.parse(`${day0}T00:00:00Z`) / MS_PER_DAY
  }

  /** The ISO date of a case day. */
  isoDate(day: number): string {
    return new Date((this.epochDay0 + day) * MS_PER_DAY).toISOString().slice(0, 10)
  }

  /** The case day of an ISO date. */
  dayOf(isoDate: string): number {
    return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY - this.epochDay0)
  }

  /** The case day of birth of someone whose age on day 0 is given (calendar years and months, then weeks and days). */
  birthDayFromAge(age: AgeAtDay0): number {
    const date = new Date(this.epochDay0 * MS_PER_DAY)
    const years = Math.trunc(age.years ?? 0)
    const months = Math.trunc(age.months ?? 0) + Math.round(((age.years ?? 0) - years) * 12)
    date.setUTCFullYear(date.getUTCFullYear() - years)
    date.setUTCMonth(date.getUTCMonth() - months)
    const days = Math.round((age.weeks ?? 0) * 7 + (age.days ?? 0) + ((age.months ?? 0) % 1) * 30.44)
    return Math.round(date.getTime() / MS_PER_DAY - this.epochDay0) - days
  }

  /** 0 for Sunday to 6 for Saturday. */
  weekday(day: number): number {
    return (((this.epochDay0 + day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
  }

  isWorkingDay(day: number): boolean {
    return calendar.isWorkingDayNumber(this.epochDay0 + day)
  }

  /** The day `n` working days after `day` (n = 0: `day` itself if it is a working day, else the next one). */
  addWorkingDays(day: number, n: number): number {
    if (n <= 0) {
      let d = day
      while (!this.isWorkingDay(d)) d++
      return d
    }
    return calendar.addWorkingDaysToDayNumber(this.epochDay0 + day, n) - this.epochDay0
  }
}
