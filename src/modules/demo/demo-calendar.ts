/**
 * Days in the demo partnership are whole numbers relative to day 0, the reference date on which its year of
 * events ends (negative before it), as in the timeline contract. A fixed date rather than "today" keeps a seed's
 * output identical whenever it is generated.
 */
export const REFERENCE_DATE = '2026-10-01'

/** The events cover the year that ends on day 0: days -364 to 0. */
export const FIRST_EVENT_DAY = -364

const MS_PER_DAY = 86_400_000
const referenceEpochDay = Date.parse(`${REFERENCE_DATE}T00:00:00Z`) / MS_PER_DAY

// Dates of birth reach back to grandparents born in the 1950s; ~25,000 distinct days are formatted millions of
// times in a large seed, so each is formatted once.
const CACHE_OFFSET = 40_000
const isoCache: (string | undefined)[] = new Array<string | undefined>(CACHE_OFFSET + 400)

/** The ISO date (YYYY-MM-DD) of a day relative to day 0. */
export function isoDay(day: number): string {
  const slot = day + CACHE_OFFSET
  const cached = isoCache[slot]
  if (cached !== undefined) return cached
  const iso = new Date((referenceEpochDay + day) * MS_PER_DAY).toISOString().slice(0, 10)
  if (slot >= 0 && slot < isoCache.length) isoCache[slot] = iso
  return iso
}

/** 0 for Sunday to 6 for Saturday. */
export function weekday(day: number): number {
  return (((referenceEpochDay + day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
}

/** Offices, schools and clinics work Monday to Friday: what happens at a weekend is dealt with on the Monday. */
export function workingDay(day: number): number {
  const w = weekday(day)
  if (w === 6) return day + 2
  if (w === 0) return day + 1
  return day
}

/** A timestamp on a day, `minutes` after midnight UTC. */
export function timestampOn(day: number, minutes: number): Date {
  return new Date((referenceEpochDay + day) * MS_PER_DAY + minutes * 60_000)
}

/** Whole years of age on a day, from a date of birth given as a day number. */
export function ageInYears(birthDay: number, onDay: number): number {
  return Math.floor((onDay - birthDay) / 365.25)
}
