import { parseDateOfBirth, type DateContext } from './normalise-date.ts'
import {
  parseEmail,
  parseNhsNumber,
  parsePhone,
  parseSex,
  parseUpn,
  SEX_UNKNOWN,
  type Identifier,
  type Sex,
} from './normalise-identifiers.ts'
import { foldName, normaliseFamilyName, normaliseGivenName, type FamilyName } from './normalise-name.ts'
import { parsePostcode, type Postcode, type PostcodeMode } from './normalise-postcode.ts'

/** One person record as a partner supplies it (contracts/linkage.md): every field but the id may be empty. */
export type SourceRecord = {
  recordId: string
  source?: string | undefined
  givenName?: string | undefined
  middleNames?: string | undefined
  familyName?: string | undefined
  dateOfBirth?: string | undefined
  sex?: string | undefined
  postcode?: string | undefined
  address?: string | undefined
  nhsNumber?: string | undefined
  upn?: string | undefined
  email?: string | undefined
  phone?: string | undefined
}

/** The input columns, in contract order, with their CSV header names. */
export const INPUT_COLUMNS = [
  ['recordId', 'record_id'],
  ['source', 'source'],
  ['givenName', 'given_name'],
  ['middleNames', 'middle_names'],
  ['familyName', 'family_name'],
  ['dateOfBirth', 'date_of_birth'],
  ['sex', 'sex'],
  ['postcode', 'postcode'],
  ['address', 'address'],
  ['nhsNumber', 'nhs_number'],
  ['upn', 'upn'],
  ['email', 'email'],
  ['phone', 'phone'],
] as const satisfies readonly (readonly [keyof SourceRecord, string])[]

export type InputField = (typeof INPUT_COLUMNS)[number][0]

/** Columns whose values can fail to parse, in the order the summary reports them. */
export const PARSED_COLUMNS = [
  'given_name',
  'middle_names',
  'family_name',
  'date_of_birth',
  'sex',
  'postcode',
  'address',
  'nhs_number',
  'upn',
  'email',
  'phone',
] as const
export type ParsedColumn = (typeof PARSED_COLUMNS)[number]

export type NormalisedRecord = {
  recordId: string
  source: string
  /** Given name then middle names, token by token; empty when missing or a placeholder. */
  given: readonly string[]
  family: FamilyName | undefined
  /** yyyymmdd, or 0 when missing. */
  dateOfBirth: number
  sex: Sex
  postcode: Postcode | undefined
  /** Address words after folding and expanding abbreviations; empty when missing. */
  address: readonly string[]
  nhsNumber: Identifier | undefined
  upn: Identifier | undefined
  email: string | undefined
  phone: string | undefined
  /** Columns that held a value that could not be read (treated as missing). */
  unparsed: readonly ParsedColumn[]
}

const ADDRESS_WORDS: Record<string, string> = {
  st: 'street',
  str: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  ln: 'lane',
  cres: 'crescent',
  cresc: 'crescent',
  dr: 'drive',
  drv: 'drive',
  cl: 'close',
  ct: 'court',
  crt: 'court',
  pl: 'place',
  gdns: 'gardens',
  gdn: 'garden',
  sq: 'square',
  tce: 'terrace',
  terr: 'terrace',
  pk: 'park',
  gr: 'grove',
  gro: 'grove',
  hse: 'house',
  ho: 'house',
  apt: 'flat',
  apartment: 'flat',
  fl: 'flat',
  mt: 'mount',
  cir: 'circuit',
  cct: 'circuit',
  hwy: 'highway',
  blvd: 'boulevard',
  est: 'estate',
  wy: 'way',
  n: 'north',
  s: 'south',
  e: 'east',
  w: 'west',
  nth: 'north',
  sth: 'south',
}

export function normaliseAddress(raw: string): string[] {
  const folded = foldName(raw)
  if (folded === '') return []
  const words = folded.split(' ').map(word => ADDRESS_WORDS[word] ?? word)
  return [...new Set(words)]
}

export type NormaliseContext = DateContext & { postcodeMode: PostcodeMode }

const text = (value: string | undefined) => (value ?? '').trim()
export const hasLetter = (value: string) => /\p{L}/u.test(value)

/** Normalise one record. Unreadable values become missing and are listed in `unparsed`. */
export function normaliseRecord(record: SourceRecord, context: NormaliseContext): NormalisedRecord {
  const unparsed: ParsedColumn[] = []
  const givenRaw = text(record.givenName)
  const middleRaw = text(record.middleNames)
  const given = normaliseGivenName(givenRaw, middleRaw)
  if (givenRaw !== '' && !hasLetter(givenRaw)) unparsed.push('given_name')
  if (middleRaw !== '' && !hasLetter(middleRaw)) unparsed.push('middle_names')

  const familyRaw = text(record.familyName)
  const family = normaliseFamilyName(familyRaw)
  if (familyRaw !== '' && !hasLetter(familyRaw)) unparsed.push('family_name')

  const dob = parseDateOfBirth(text(record.dateOfBirth), context)
  if (dob.kind === 'unparsed') unparsed.push('date_of_birth')

  const sex = parseSex(text(record.sex))
  if (sex.kind === 'unparsed') unparsed.push('sex')

  const postcode = parsePostcode(text(record.postcode), context.postcodeMode)
  if (postcode.kind === 'unparsed') unparsed.push('postcode')

  const addressRaw = text(record.address)
  const address = normaliseAddress(addressRaw)
  if (addressRaw !== '' && address.length === 0) unparsed.push('address')

  const nhs = parseNhsNumber(text(record.nhsNumber))
  if (nhs.kind === 'unparsed') unparsed.push('nhs_number')
  const upn = parseUpn(text(record.upn))
  if (upn.kind === 'unparsed') unparsed.push('upn')
  const email = parseEmail(text(record.email))
  if (email.kind === 'unparsed') unparsed.push('email')
  const phone = parsePhone(text(record.phone))
  if (phone.kind === 'unparsed') unparsed.push('phone')

  return {
    recordId: text(record.recordId),
    source: text(record.source),
    given: given?.tokens ?? [],
    family,
    dateOfBirth: dob.kind === 'date' ? dob.value : 0,
    sex: sex.kind === 'sex' ? sex.value : SEX_UNKNOWN,
    postcode: postcode.kind === 'uk' || postcode.kind === 'foreign' ? postcode : undefined,
    address,
    nhsNumber: nhs.kind === 'id' ? nhs : undefined,
    upn: upn.kind === 'id' ? upn : undefined,
    email: email.kind === 'id' ? email.value : undefined,
    phone: phone.kind === 'id' ? phone.value : undefined,
    unparsed,
  }
}
