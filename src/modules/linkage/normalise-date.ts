/**
 * Dates of birth as written in real feeds (contracts/linkage.md): `YYYY-MM-DD`, `YYYYMMDD`, `DD/MM/YYYY`,
 * `DD/MM/YY`, `DD-MM-YY`, `D Month YYYY`, and their near relations (`DD.MM.YYYY`, `D/M/YYYY`, `Month D, YYYY`,
 * `YYYY/MM/DD`, an ISO timestamp). Day-first wherever the order is ambiguous (UK usage). A two-digit year is
 * read as the latest year that puts the date on or before today (a child born in '19 is 2019, an adult born in
 * '85 is 1985). A date that is not a real calendar date, is after the reference date, or is before 1000 is unparsed.
 * Known placeholders (1900-01-01, 1901-01-01, 1800-01-01, 0001-01-01, 9999-12-31) are missing but not unparsed.
 *
 * The result is the date as an integer yyyymmdd (20190307), which both compares and prints cheaply.
 */

export type ParsedDate = { kind: 'date'; value: number } | { kind: 'missing' } | { kind: 'unparsed' }

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}

const PLACEHOLDERS = new Set([19000101, 19010101, 18000101, 10101, 99991231, 99990101])

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

export type DateContext = {
  /** Today as yyyymmdd: later dates are unparsed, and two-digit years are read against it. */
  today: number
}

export function todayAsNumber(now = new Date()): number {
  return now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate()
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ].*)?$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[t ].*)?$/
const WORDS_DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?[ -]+([a-z]+)\.?,?[ -]+(\d{2}|\d{4})$/
const WORDS_MONTH_FIRST = /^([a-z]+)\.?[ -]+(\d{1,2})(?:st|nd|rd|th)?,?[ -]+(\d{4})$/

function fromParts(year: number, month: number, day: number, yearDigits: number, context: DateContext): ParsedDate {
  let y = year
  if (yearDigits === 2) {
    y = 2000 + year
    while (y * 10000 + month * 100 + day > context.today) y -= 100
  }
  if (!isRealDate(y, month, day)) return { kind: 'unparsed' }
  const value = y * 10000 + month * 100 + day
  if (PLACEHOLDERS.has(value)) return { kind: 'missing' }
  if (y < 1000 || value > context.today) return { kind: 'unparsed' }
  return { kind: 'date', value }
}

export function parseDateOfBirth(raw: string, context: DateContext): ParsedDate {
  const s = raw.trim().toLowerCase()
  if (s === '') return { kind: 'missing' }
  let m = ISO.exec(s)
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), 4, context)
  m = COMPACT.exec(s)
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), 4, context)
  m = DAY_FIRST.exec(s)
  if (m) return fromParts(Number(m[3]), Number(m[2]), Number(m[1]), (m[3] as string).length, context)
  m = WORDS_DAY_FIRST.exec(s)
  if (m) {
    const month = MONTHS[m[2] as string]
    if (month !== undefined) return fromParts(Number(m[3]), month, Number(m[1]), (m[3] as string).length, context)
  }
  m = WORDS_MONTH_FIRST.exec(s)
  if (m) {
    const month = MONTHS[m[1] as string]
    if (month !== undefined) return fromParts(Number(m[3]), month, Number(m[2]), 4, context)
  }
  return { kind: 'unparsed' }
}

export function formatDate(value: number): string {
  const y = Math.floor(value / 10000)
  const m = Math.floor(value / 100) % 100
  const d = value % 100
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
