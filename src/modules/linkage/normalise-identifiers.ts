import { isValidNhsNumber, nhsDigits } from '../people/index.ts'

/**
 * Identifiers and codes. An identifier that is well formed but fails its check (the NHS number's modulus 11,
 * the UPN's check letter) is kept as `reliable: false`: it may still agree with another record's copy of the
 * same typo, but it never acts as a key (it is not a blocking key, and a conflict between two unreliable
 * numbers is weak evidence). A value that is not even well formed is unparsed.
 */

export type Identifier = { kind: 'id'; value: string; reliable: boolean }
export type ParsedIdentifier = Identifier | { kind: 'missing' } | { kind: 'unparsed' }

const MISSING_WORDS = /^(?:n\/?a|none|null|nil|unknown|not known|nk|tbc|tba|-+|\?+)$/i
const REPEATED_DIGIT = /^(\d)\1+$/

export function parseNhsNumber(raw: string): ParsedIdentifier {
  const s = raw.trim()
  if (s === '' || MISSING_WORDS.test(s)) return { kind: 'missing' }
  const digits = nhsDigits(s.replace(/\./g, ''))
  if (!digits) return { kind: 'unparsed' }
  if (REPEATED_DIGIT.test(digits) || digits === '0123456789' || digits === '1234567890') return { kind: 'missing' }
  return { kind: 'id', value: digits, reliable: isValidNhsNumber(digits) }
}

const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ'

/** The DfE check letter of a 13-character UPN: characters 2–13 weighted 2–13, summed, modulo 23. */
export function upnCheckLetter(upn: string): string | undefined {
  let sum = 0
  for (let i = 1; i < 13; i++) {
    const c = upn.charAt(i)
    let value: number
    if (c >= '0' && c <= '9') value = c.charCodeAt(0) - 48
    else {
      value = UPN_CHECK_LETTERS.indexOf(c) // a temporary UPN ends in a letter
      if (value < 0 || i !== 12) return undefined
    }
    sum += value * (i + 1)
  }
  return UPN_CHECK_LETTERS.charAt(sum % 23)
}

export function parseUpn(raw: string): ParsedIdentifier {
  const s = raw.trim().toUpperCase().replace(/[\s-]/g, '')
  if (s === '' || MISSING_WORDS.test(s)) return { kind: 'missing' }
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(s)) return { kind: 'unparsed' }
  return { kind: 'id', value: s, reliable: upnCheckLetter(s) === s.charAt(0) }
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/

export function parseEmail(raw: string): ParsedIdentifier {
  const s = raw.trim().toLowerCase()
  if (s === '' || MISSING_WORDS.test(s)) return { kind: 'missing' }
  if (!EMAIL.test(s)) return { kind: 'unparsed' }
  return { kind: 'id', value: s, reliable: true }
}

export function parsePhone(raw: string): ParsedIdentifier {
  const s = raw.trim()
  if (s === '' || MISSING_WORDS.test(s)) return { kind: 'missing' }
  if (/[a-z]/i.test(s.replace(/\b(?:ext|x)\b.*$/i, ''))) return { kind: 'unparsed' }
  let digits = s.replace(/\b(?:ext|x)\b.*$/i, '').replace(/\D/g, '')
  if (s.startsWith('+44') || digits.startsWith('0044'))
    digits = `0${digits.replace(/^(?:00)?44/, '').replace(/^0/, '')}`
  if (digits.length < 7 || digits.length > 15) return { kind: 'unparsed' }
  if (REPEATED_DIGIT.test(digits.slice(1))) return { kind: 'missing' }
  return { kind: 'id', value: digits, reliable: true }
}

export type Sex = 0 | 1 | 2
export const SEX_UNKNOWN = 0
export const SEX_MALE = 1
export const SEX_FEMALE = 2

export type ParsedSex = { kind: 'sex'; value: 1 | 2 } | { kind: 'missing' } | { kind: 'unparsed' }

const MALE = new Set(['m', 'male', '1', 'man', 'boy', 'mr'])
const FEMALE = new Set(['f', 'female', '2', 'woman', 'girl', 'w'])
const UNKNOWN = new Set([
  'u',
  'unknown',
  'not known',
  'nk',
  '0',
  '9',
  'x',
  'i',
  'indeterminate',
  'not specified',
  'other',
  'o',
  'n/a',
  'na',
])

export function parseSex(raw: string): ParsedSex {
  const s = raw.trim().toLowerCase()
  if (s === '' || UNKNOWN.has(s)) return { kind: 'missing' }
  if (MALE.has(s)) return { kind: 'sex', value: SEX_MALE }
  if (FEMALE.has(s)) return { kind: 'sex', value: SEX_FEMALE }
  return { kind: 'unparsed' }
}
