/**
 * Days as the rules see them: whole numbers relative to day 0 of a case (contracts/timeline.md), with day 0 pinned
 * to a calendar date so that weekends, bank holidays and dates of birth mean something. A timeline without real
 * dates has day 0 on a fixed Wednesday.
 *
 * The working-day calendar here is the small one the rules need (Monday to Friday, less England and Wales bank
 * holidays from the GOV.UK snapshot in reference/standards.md §6). The clocks module owns the partnership's
 * calendar; when it exists, pass its `isWorkingDay` in instead.
 */

/** Day 0 of a timeline that gives no real dates: a Wednesday, as the contract says. */
export const DEFAULT_DAY0 = '2025-03-05'

const MS_PER_DAY = 86_400_000

/** England and Wales bank holidays 2022–2027 (GOV.UK feed snapshot; includes the one-off days). */
const BANK_HOLIDAYS: ReadonlySet<string> = new Set([
  '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19',
  '2022-12-26', '2022-12-27', '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29',
  '2023-08-28', '2023-12-25', '2023-12-26', '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27',
  '2024-08-26', '2024-12-25', '2024-12-26', '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26',
  '2025-08-25', '2025-12-25', '2025-12-26', '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25',
  '2026-08-31', '2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31',
  '2027-08-30', '2027-12-27', '2027-12-28',
]) // prettier-ignore

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
  private readonly workingCache = new Map<number, boolean>()

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
    const cached = this.workingCache.get(day)
    if (cached !== undefined) return cached
    const w = this.weekday(day)
    const working = w !== 0 && w !== 6 && !BANK_HOLIDAYS.has(this.isoDate(day))
    this.workingCache.set(day, working)
    return working
  }

  /** The day `n` working days after `day` (n = 0: `day` itself if it is a working day, else the next one). */
  addWorkingDays(day: number, n: number): number {
    let d = day
    if (n <= 0) {
      while (!this.isWorkingDay(d)) d++
      return d
    }
    let left = n
    while (left > 0) {
      d++
      if (this.isWorkingDay(d)) left--
    }
    return d
  }
}
