import { isValidNhsNumber } from '../people/index.ts'
import { daysInMonth } from './normalise-date.ts'
import type { SourceRecord } from './normalise-record.ts'
import { upnCheckLetter } from './normalise-identifiers.ts'
import { seededRandom } from './seeded-random.ts'
import {
  BOYS,
  DIMINUTIVES,
  GIRLS,
  POSTCODE_AREAS,
  SPELLING_VARIANTS,
  STREET_ABBREVIATIONS,
  STREET_NAMES,
  STREET_TYPES,
  SURNAME_PARTS,
  SURNAMES,
  TOWNS,
} from './synthetic-names.ts'

/**
 * Generated person records with known truth, for the accuracy harness and the benchmark. Each record is one
 * agency's view of one person, with the corruptions of reference/linkage.md §5 applied at realistic rates and
 * recorded, so that precision and recall can be reported per kind of corruption. Three styles:
 *
 * - `agencies`: children in households across police, health, schools, social care and housing; siblings share
 *   a surname, address and carer's phone; about 3% of births are twins; mixed date, sex and postcode formats.
 * - `febrl`: FEBRL-like originals and duplicates (0–5 per original): several typos per duplicate, missing and
 *   swapped fields, given names replaced outright, four-digit postcodes, no sex or identifiers.
 * - `historical`: many records per person (3–20), heavy use of nicknames, typos in names and dates, partial
 *   dates, many missing values, postcodes that drift within a district.
 *
 * Everything comes from a seeded generator: the same options always give the same records.
 */

export const CORRUPTIONS = [
  'nickname',
  'given-variant',
  'given-typo',
  'given-replaced',
  'known-by-middle-name',
  'placeholder-given',
  'names-swapped',
  'family-typo',
  'family-changed',
  'double-barrel-part',
  'accents-dropped',
  'dob-day-month-swapped',
  'dob-typo',
  'dob-missing',
  'moved',
  'postcode-typo',
  'postcode-missing',
  'nhs-missing',
  'nhs-mistyped',
  'sex-missing',
  'unparseable-value',
] as const
export type Corruption = (typeof CORRUPTIONS)[number]

export type SyntheticStyle = 'agencies' | 'febrl' | 'historical'

export type SyntheticOptions = {
  /** About how many records to make (the last household or person may overshoot by a few). */
  records: number
  seed?: number
  style?: SyntheticStyle
  /** Dates of birth are before this day, yyyymmdd (default 20251231). */
  referenceDate?: number
}

export type SyntheticData = {
  records: SourceRecord[]
  /** The true person of each record. */
  truth: Int32Array
  /** What was done to each record. */
  corruptions: Corruption[][]
  persons: number
  /** Pairs of people who are twins (same family, address and date of birth): never the same person. */
  twins: [number, number][]
}

type Random = {
  next: () => number
  int: (min: number, max: number) => number
  chance: (p: number) => boolean
  pick: <T>(values: readonly T[]) => T
  zipf: <T>(values: readonly T[], exponent?: number) => T
}

function createRandom(seed: number): Random {
  const next = seededRandom(seed)
  const zipfTables = new Map<readonly unknown[], Float64Array>()
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: p => next() < p,
    pick: values => values[Math.floor(next() * values.length)] as (typeof values)[number],
    zipf: (values, exponent = 0.9) => {
      let cumulative = zipfTables.get(values)
      if (!cumulative) {
        cumulative = new Float64Array(values.length)
        let total = 0
        for (let i = 0; i < values.length; i++) cumulative[i] = total += 1 / Math.pow(i + 1.5, exponent)
        for (let i = 0; i < values.length; i++) cumulative[i] = (cumulative[i] as number) / total
        zipfTables.set(values, cumulative)
      }
      const u = next()
      let low = 0
      let high = values.length - 1
      while (low < high) {
        const mid = (low + high) >> 1
        if ((cumulative[mid] as number) < u) low = mid + 1
        else high = mid
      }
      return values[low] as (typeof values)[number]
    },
  }
  return random
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'qwsz',
  b: 'vghn',
  c: 'xdfv',
  d: 'serfcx',
  e: 'wsdr',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  i: 'ujko',
  j: 'huikmn',
  k: 'jiolm',
  l: 'kop',
  m: 'njk',
  n: 'bhjm',
  o: 'iklp',
  p: 'ol',
  q: 'wa',
  r: 'edft',
  s: 'awedxz',
  t: 'rfgy',
  u: 'yhji',
  v: 'cfgb',
  w: 'qase',
  x: 'zsdc',
  y: 'tghu',
  z: 'asx',
  '0': '9',
  '1': '2',
  '2': '13',
  '3': '24',
  '4': '35',
  '5': '46',
  '6': '57',
  '7': '68',
  '8': '79',
  '9': '80',
}

/** One keying slip: a neighbouring key, a letter dropped, doubled or inserted, or two letters swapped. */
export function typo(value: string, random: Random, keepFirst = true): string {
  if (value.length < 2) return value
  const from = keepFirst ? 1 : 0
  const at = random.int(from, value.length - 1)
  const c = value.charAt(at)
  const lower = c.toLowerCase()
  const kind = random.int(0, 3)
  if (kind === 0) {
    const neighbours = KEYBOARD_NEIGHBOURS[lower] ?? 'e'
    let replacement = neighbours.charAt(random.int(0, neighbours.length - 1))
    if (c !== lower) replacement = replacement.toUpperCase()
    return value.slice(0, at) + replacement + value.slice(at + 1)
  }
  if (kind === 1 && value.length > 3) return value.slice(0, at) + value.slice(at + 1)
  if (kind === 2) {
    const neighbours = KEYBOARD_NEIGHBOURS[lower] ?? 'e'
    return value.slice(0, at) + neighbours.charAt(random.int(0, neighbours.length - 1)) + value.slice(at)
  }
  if (at < value.length - 1) return value.slice(0, at) + value.charAt(at + 1) + c + value.slice(at + 2)
  return value.slice(0, at) + c + c + value.slice(at + 1)
}

function validNhsNumber(random: Random): string {
  for (;;) {
    let digits = String(random.int(400, 799))
    for (let i = 0; i < 6; i++) digits += String(random.int(0, 9))
    for (let check = 0; check <= 9; check++) {
      if (isValidNhsNumber(digits + String(check))) return digits + String(check)
    }
  }
}

function validUpn(random: Random): string {
  let body = String(random.int(201, 938)).padStart(3, '0') + String(random.int(1000, 9999)) + String(random.int(10, 25))
  body += String(random.int(0, 999)).padStart(3, '0')
  const withPlaceholder = `A${body}`
  return (upnCheckLetter(withPlaceholder) ?? 'A') + body
}

const pad2 = (n: number) => String(n).padStart(2, '0')
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

export type DateFormat = 'iso' | 'compact' | 'uk' | 'uk-short' | 'uk-dash-short' | 'words'
const DATE_FORMATS: readonly DateFormat[] = ['iso', 'compact', 'uk', 'uk-short', 'uk-dash-short', 'words']

/** A yyyymmdd date written in one of the contract's formats. Two-digit years only for children (no ambiguity). */
export function formatDateAs(value: number, format: DateFormat): string {
  const y = Math.floor(value / 10000)
  const m = Math.floor(value / 100) % 100
  const d = value % 100
  switch (format) {
    case 'iso':
      return `${y}-${pad2(m)}-${pad2(d)}`
    case 'compact':
      return `${y}${pad2(m)}${pad2(d)}`
    case 'uk':
      return `${pad2(d)}/${pad2(m)}/${y}`
    case 'uk-short':
      return `${pad2(d)}/${pad2(m)}/${pad2(y % 100)}`
    case 'uk-dash-short':
      return `${pad2(d)}-${pad2(m)}-${pad2(y % 100)}`
    case 'words':
      return `${d} ${MONTH_NAMES[m - 1] as string} ${y}`
  }
}

function recase(value: string, random: Random): string {
  const style = random.next()
  if (style < 0.15) return value.toUpperCase()
  if (style < 0.25) return value.toLowerCase()
  return value
}

type Person = {
  given: string
  middle: string
  family: string
  sex: 'M' | 'F'
  dob: number
  nhs: string
  upn: string
  house: Household
}

type Household = {
  number: number
  street: string
  streetType: string
  town: string
  postcode: string
  phone: string
  email: string
}

type Geography = { units: string[]; districtOf: Map<string, string[]> }

function makeGeography(households: number, random: Random, foreign: boolean): Geography {
  const unitCount = Math.max(20, Math.round(households / 8))
  const units: string[] = []
  const districtOf = new Map<string, string[]>()
  const districts = Math.max(4, Math.round(unitCount / 120))
  const districtNames: string[] = []
  const seen = new Set<string>()
  while (districtNames.length < districts) {
    const name = foreign ? String(random.int(2000, 7999)) : `${random.pick(POSTCODE_AREAS)}${random.int(1, 30)}`
    if (seen.has(name)) continue
    seen.add(name)
    districtNames.push(name)
    districtOf.set(name, [])
  }
  const unitSeen = new Set<string>()
  while (units.length < unitCount) {
    const district = random.pick(districtNames)
    // Abroad (FEBRL's Australia) a four-digit code names a suburb: many of them, each its own "district".
    const unit = foreign
      ? String(random.int(800, 7999))
      : `${district} ${random.int(0, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`
    if (!foreign && unitSeen.has(unit)) continue
    unitSeen.add(unit)
    units.push(unit)
    if (foreign) districtOf.set(unit, [unit])
    else (districtOf.get(district) as string[]).push(unit)
  }
  return { units, districtOf }
}

function districtOfUnit(unit: string): string {
  return unit.split(' ')[0] as string
}

/** Surnames as England has them: a few very common ones (Smith about 1%), then a very long tail. */
function surname(random: Random): string {
  if (random.chance(0.35)) return random.zipf(SURNAMES, 0.7)
  const parts = SURNAME_PARTS
  const name = random.pick(parts.starts) + random.pick(parts.middles) + random.pick(parts.ends)
  return random.chance(0.5) ? name : name + random.pick(parts.ends)
}

function givenName(sex: 'M' | 'F', random: Random): string {
  return random.zipf(sex === 'M' ? BOYS : GIRLS, 0.7)
}

function randomDob(random: Random, from: number, to: number): number {
  const year = random.int(from, to)
  const month = random.int(1, 12)
  const day = random.int(1, daysInMonth(year, month))
  return year * 10000 + month * 100 + day
}

function newHousehold(geography: Geography, random: Random, familyName: string): Household {
  const phone = random.chance(0.6) ? `07${String(random.int(100000000, 999999999))}` : ''
  return {
    number: random.int(1, 180),
    street: random.pick(STREET_NAMES),
    streetType: random.pick(STREET_TYPES),
    town: random.pick(TOWNS),
    postcode: random.pick(geography.units),
    phone,
    email: random.chance(0.4)
      ? `${familyName.toLowerCase().replace(/[^a-z]/g, '')}${random.int(1, 999)}@example.org`
      : '',
  }
}

function movedHousehold(house: Household, geography: Geography, random: Random): Household {
  const nearby = geography.districtOf.get(districtOfUnit(house.postcode)) ?? geography.units
  return {
    ...house,
    number: random.int(1, 180),
    street: random.pick(STREET_NAMES),
    streetType: random.pick(STREET_TYPES),
    postcode: random.chance(0.5) ? random.pick(nearby) : random.pick(geography.units),
  }
}

function variantOf(name: string, random: Random): string | undefined {
  for (const group of SPELLING_VARIANTS) {
    if (group.includes(name)) {
      const others = group.filter(other => other !== name)
      return random.pick(others)
    }
  }
  return undefined
}

const ACCENTED: Record<string, string> = { Wiśniewski: 'Wisniewski', Wójcik: 'Wojcik' }

type Rates = Partial<Record<Corruption, number>> & { moveWithinDistrict?: number }

const AGENCY_RATES: Rates = {
  nickname: 0.1,
  'given-variant': 0.05,
  'given-typo': 0.04,
  'given-replaced': 0.003,
  'known-by-middle-name': 0.02,
  'placeholder-given': 0.01,
  'names-swapped': 0.01,
  'family-typo': 0.04,
  'family-changed': 0.03,
  'double-barrel-part': 0.4,
  'accents-dropped': 0.5,
  'dob-day-month-swapped': 0.02,
  'dob-typo': 0.03,
  'dob-missing': 0.03,
  moved: 0.12,
  'postcode-typo': 0.02,
  'postcode-missing': 0.05,
  'nhs-mistyped': 0.02,
  'sex-missing': 0.03,
  'unparseable-value': 0.005,
}

const HISTORICAL_RATES: Rates = {
  nickname: 0.2,
  'given-variant': 0.05,
  'given-typo': 0.1,
  'given-replaced': 0.01,
  'names-swapped': 0.01,
  'family-typo': 0.08,
  'family-changed': 0.02,
  'accents-dropped': 0.5,
  'dob-day-month-swapped': 0.01,
  'dob-typo': 0.15,
  'dob-missing': 0.25,
  moved: 0.3,
  'postcode-typo': 0.03,
  'postcode-missing': 0.25,
  'sex-missing': 0.25,
  'unparseable-value': 0.01,
  moveWithinDistrict: 0.9,
}

type Draft = {
  given: string
  middle: string
  family: string
  dob: number
  dobText?: string
  sex: string
  house: Household
  nhs: string
  upn: string
  postcodeText?: string
  addressText?: string
}

/** Apply the corruptions one record suffers, at the given rates. */
function corrupt(
  person: Person,
  draft: Draft,
  rates: Rates,
  random: Random,
  geography: Geography,
  newborn: boolean,
  done: Corruption[],
): void {
  const rate = (c: Corruption) => rates[c] ?? 0
  // Given name.
  const diminutives = DIMINUTIVES[draft.given]
  if (newborn && random.chance(rate('placeholder-given') * 10)) {
    draft.given = random.pick(['Baby', 'Baby of ' + person.family, 'Twin 1', 'Infant', 'BABY BOY', 'Unknown'])
    done.push('placeholder-given')
  } else if (diminutives && random.chance(rate('nickname'))) {
    draft.given = random.pick(diminutives)
    done.push('nickname')
  } else if (random.chance(rate('given-variant'))) {
    const variant = variantOf(draft.given, random)
    if (variant) {
      draft.given = variant
      done.push('given-variant')
    }
  } else if (draft.middle && random.chance(rate('known-by-middle-name'))) {
    draft.given = draft.middle
    draft.middle = ''
    done.push('known-by-middle-name')
  } else if (random.chance(rate('given-replaced'))) {
    draft.given = givenName(person.sex, random)
    done.push('given-replaced')
  }
  if (random.chance(rate('given-typo')) && draft.given.length > 2) {
    draft.given = typo(draft.given, random)
    done.push('given-typo')
  }
  // Family name.
  if (person.family.includes('-') && random.chance(rate('double-barrel-part'))) {
    const parts = person.family.split('-')
    draft.family = random.chance(0.8) ? random.pick(parts) : parts.join(' ')
    done.push('double-barrel-part')
  } else if (random.chance(rate('family-changed'))) {
    draft.family = surname(random)
    done.push('family-changed')
  }
  if (random.chance(rate('family-typo')) && draft.family.length > 3) {
    draft.family = typo(draft.family, random)
    done.push('family-typo')
  }
  const folded = ACCENTED[draft.family]
  if (folded && random.chance(rate('accents-dropped'))) {
    draft.family = folded
    done.push('accents-dropped')
  }
  if (random.chance(rate('names-swapped'))) {
    ;[draft.given, draft.family] = [draft.family, draft.given]
    done.push('names-swapped')
  }
  // Date of birth.
  const d = draft.dob % 100
  const m = Math.floor(draft.dob / 100) % 100
  if (d <= 12 && d !== m && random.chance(rate('dob-day-month-swapped'))) {
    draft.dob = Math.floor(draft.dob / 10000) * 10000 + d * 100 + m
    done.push('dob-day-month-swapped')
  } else if (random.chance(rate('dob-typo'))) {
    const text = String(draft.dob)
    for (let attempt = 0; attempt < 10; attempt++) {
      const changed = Number(typo(text, random, false))
      const y = Math.floor(changed / 10000)
      const mm = Math.floor(changed / 100) % 100
      const dd = changed % 100
      if (
        changed !== draft.dob &&
        String(changed).length === 8 &&
        mm >= 1 &&
        mm <= 12 &&
        dd >= 1 &&
        dd <= daysInMonth(y, mm) &&
        changed < 20251231
      ) {
        draft.dob = changed
        done.push('dob-typo')
        break
      }
    }
  }
  if (random.chance(rate('dob-missing'))) {
    draft.dob = 0
    done.push('dob-missing')
  }
  // Address.
  if (random.chance(rate('moved'))) {
    const within = rates.moveWithinDistrict ?? 0.5
    const moved = movedHousehold(draft.house, geography, random)
    if (random.chance(within)) {
      const nearby = geography.districtOf.get(districtOfUnit(draft.house.postcode)) ?? geography.units
      moved.postcode = random.pick(nearby)
    }
    draft.house = moved
    done.push('moved')
  }
  if (random.chance(rate('postcode-typo'))) {
    draft.postcodeText = typo(draft.house.postcode.replace(' ', ''), random)
    done.push('postcode-typo')
  } else if (random.chance(rate('postcode-missing'))) {
    draft.postcodeText = ''
    done.push('postcode-missing')
  }
  if (draft.nhs && random.chance(rate('nhs-mistyped'))) {
    draft.nhs = typo(draft.nhs, random, false)
    done.push('nhs-mistyped')
  }
  if (random.chance(rate('sex-missing'))) {
    draft.sex = ''
    done.push('sex-missing')
  }
  if (random.chance(rate('unparseable-value'))) {
    if (random.chance(0.5)) draft.dobText = random.pick(['31/02/2015', 'unknown', '00/00/0000', '2015-13-45'])
    else draft.postcodeText = random.pick(['??', 'N/A!', '1234567890AB'])
    done.push('unparseable-value')
  }
}

const SOURCES = ['police', 'health', 'school', 'social-care', 'housing', 'gp'] as const
type Source = (typeof SOURCES)[number]
const SOURCE_FORMATS: Record<Source, { date: DateFormat; sex: readonly [string, string]; upper: boolean }> = {
  police: { date: 'uk', sex: ['M', 'F'], upper: true },
  health: { date: 'compact', sex: ['1', '2'], upper: false },
  school: { date: 'iso', sex: ['M', 'F'], upper: false },
  'social-care': { date: 'words', sex: ['Male', 'Female'], upper: false },
  housing: { date: 'uk-short', sex: ['m', 'f'], upper: false },
  gp: { date: 'uk-dash-short', sex: ['male', 'female'], upper: false },
}

function formatPostcode(unit: string, random: Random): string {
  const style = random.next()
  if (style < 0.6) return unit
  if (style < 0.75) return unit.replace(' ', '')
  if (style < 0.9) return unit.toLowerCase()
  return ` ${unit.toLowerCase().replace(' ', '')} `
}

function addressText(house: Household, random: Random): string {
  const type = random.chance(0.3) ? (STREET_ABBREVIATIONS[house.streetType] ?? house.streetType) : house.streetType
  const withTown = random.chance(0.6)
  return `${house.number} ${house.street} ${type}${withTown ? `, ${house.town}` : ''}`
}

function agencyRecord(
  person: Person,
  index: number,
  source: Source,
  random: Random,
  geography: Geography,
  rates: Rates,
  reference: number,
) {
  const done: Corruption[] = []
  const draft: Draft = {
    given: person.given,
    middle: person.middle,
    family: person.family,
    dob: person.dob,
    sex: person.sex,
    house: person.house,
    nhs:
      source === 'health' || source === 'gp'
        ? random.chance(0.95)
          ? person.nhs
          : ''
        : random.chance(0.3)
          ? person.nhs
          : '',
    upn: source === 'school' && person.upn ? person.upn : '',
  }
  if (!draft.nhs) done.push('nhs-missing')
  const ageDays = (reference - person.dob) / 10000
  corrupt(person, draft, rates, random, geography, ageDays < 0.1, done)
  const format = SOURCE_FORMATS[source]
  const sexCode = draft.sex === '' ? '' : draft.sex === 'M' ? format.sex[0] : format.sex[1]
  const dateFormat = random.chance(0.8) ? format.date : random.pick(DATE_FORMATS)
  const dob = draft.dobText ?? (draft.dob === 0 ? '' : formatDateAs(draft.dob, dateFormat))
  const upper = (value: string) => (format.upper ? value.toUpperCase() : recase(value, random))
  const nhs =
    draft.nhs && random.chance(0.5)
      ? `${draft.nhs.slice(0, 3)} ${draft.nhs.slice(3, 6)} ${draft.nhs.slice(6)}`
      : draft.nhs
  const record: SourceRecord = {
    recordId: `R${index}`,
    source,
    givenName: upper(draft.given),
    middleNames: random.chance(0.6) ? upper(draft.middle) : '',
    familyName: upper(draft.family),
    dateOfBirth: dob,
    sex: sexCode,
    postcode: draft.postcodeText ?? formatPostcode(draft.house.postcode, random),
    address: random.chance(0.7) ? addressText(draft.house, random) : '',
    nhsNumber: nhs,
    upn: draft.upn,
    email: random.chance(0.5) ? draft.house.email : '',
    phone: random.chance(0.5) ? draft.house.phone : '',
  }
  return { record, done }
}

function recordsPerChild(random: Random): number {
  const u = random.next()
  if (u < 0.3) return 1
  if (u < 0.6) return 2
  if (u < 0.8) return 3
  if (u < 0.9) return 4
  return random.int(5, 8)
}

function childrenInHousehold(random: Random): number {
  const u = random.next()
  if (u < 0.4) return 1
  if (u < 0.75) return 2
  if (u < 0.9) return 3
  if (u < 0.97) return 4
  return 5
}

function generateAgencies(options: SyntheticOptions, random: Random): SyntheticData {
  const reference = options.referenceDate ?? 20251231
  const refYear = Math.floor(reference / 10000)
  const target = options.records
  const geography = makeGeography(Math.ceil(target / 4.5), random, false)
  const records: SourceRecord[] = []
  const truth: number[] = []
  const corruptions: Corruption[][] = []
  const twins: [number, number][] = []
  let persons = 0
  while (records.length < target) {
    const doubleBarrelled = random.chance(0.06)
    const family = doubleBarrelled ? `${surname(random)}-${surname(random)}` : surname(random)
    const house = newHousehold(geography, random, family)
    const children = childrenInHousehold(random)
    const twinAt = random.chance(0.035 * children) ? random.int(0, children - 1) : -1
    let previousDob = 0
    for (let c = 0; c < children && records.length < target; c++) {
      const sex = random.chance(0.5) ? 'M' : 'F'
      let given = givenName(sex, random)
      const isTwin = c === twinAt + 1 && twinAt >= 0
      const dob = isTwin ? previousDob : randomDob(random, refYear - 17, refYear - 1)
      if (isTwin) {
        // Twins: same date of birth, surname and address; a different name, sometimes a rhyming one.
        const sibling = records[records.length - 1]?.givenName ?? ''
        while (given.toLowerCase() === sibling.toLowerCase()) given = givenName(sex, random)
      }
      previousDob = dob
      if (isTwin) twins.push([persons - 1, persons])
      const person: Person = {
        given,
        middle: random.chance(0.55) ? givenName(sex, random) : '',
        family: random.chance(0.08) ? surname(random) : family,
        sex,
        dob,
        nhs: validNhsNumber(random),
        upn: dob < (refYear - 4) * 10000 ? validUpn(random) : '',
        house,
      }
      const count = recordsPerChild(random)
      const used = new Set<Source>()
      for (let k = 0; k < count && records.length < target; k++) {
        let source = random.pick(SOURCES)
        if (used.has(source) && used.size < SOURCES.length) source = random.pick(SOURCES)
        used.add(source)
        const { record, done } = agencyRecord(
          person,
          records.length,
          source,
          random,
          geography,
          AGENCY_RATES,
          reference,
        )
        records.push(record)
        truth.push(persons)
        corruptions.push(done)
      }
      persons++
    }
  }
  return { records, truth: Int32Array.from(truth), corruptions, persons, twins }
}

function generateHistorical(options: SyntheticOptions, random: Random): SyntheticData {
  const target = options.records
  const geography = makeGeography(Math.ceil(target / 10), random, false)
  const records: SourceRecord[] = []
  const truth: number[] = []
  const corruptions: Corruption[][] = []
  let persons = 0
  while (records.length < target) {
    const sex = random.chance(0.7) ? 'M' : 'F'
    const family = surname(random)
    const person: Person = {
      given: givenName(sex, random),
      middle: '',
      family,
      sex,
      dob: randomDob(random, 1600, 1950),
      nhs: '',
      upn: '',
      house: newHousehold(geography, random, family),
    }
    const count = random.int(3, 20)
    for (let k = 0; k < count && records.length < target; k++) {
      const done: Corruption[] = []
      const draft: Draft = {
        given: person.given,
        middle: '',
        family,
        dob: person.dob,
        sex,
        house: person.house,
        nhs: '',
        upn: '',
      }
      corrupt(person, draft, HISTORICAL_RATES, random, geography, false, done)
      // Partial dates: only the year was known.
      const dob =
        draft.dobText ??
        (draft.dob === 0
          ? ''
          : formatDateAs(random.chance(0.3) ? Math.floor(draft.dob / 10000) * 10000 + 101 : draft.dob, 'iso'))
      records.push({
        recordId: `H${records.length}`,
        givenName: draft.given.toLowerCase(),
        familyName: random.chance(0.08) ? '' : draft.family.toLowerCase(),
        dateOfBirth: dob,
        sex: draft.sex === '' ? '' : draft.sex === 'M' ? 'male' : 'female',
        postcode: draft.postcodeText ?? draft.house.postcode.toLowerCase(),
      })
      truth.push(persons)
      corruptions.push(done)
    }
    persons++
  }
  return { records, truth: Int32Array.from(truth), corruptions, persons, twins: [] }
}

function generateFebrl(options: SyntheticOptions, random: Random): SyntheticData {
  const target = options.records
  const geography = makeGeography(Math.ceil(target / 2.5), random, true)
  const records: SourceRecord[] = []
  const truth: number[] = []
  const corruptions: Corruption[][] = []
  let persons = 0
  const lower = (s: string) => s.toLowerCase()
  while (records.length < target) {
    const sex = random.chance(0.5) ? 'M' : 'F'
    const family = surname(random)
    const person: Person = {
      given: givenName(sex, random),
      middle: '',
      family,
      sex,
      dob: randomDob(random, 1905, 2005),
      nhs: '',
      upn: '',
      house: newHousehold(geography, random, family),
    }
    const u = random.next()
    const duplicates = u < 0.4 ? 0 : u < 0.65 ? 1 : u < 0.8 ? 2 : u < 0.9 ? 3 : u < 0.96 ? 4 : 5
    for (let k = 0; k <= duplicates && records.length < target; k++) {
      const done: Corruption[] = []
      let given = person.given
      let familyName = family
      let dob = formatDateAs(person.dob, 'compact')
      let postcode = person.house.postcode
      let street = `${person.house.number} ${lower(person.house.street)} ${lower(person.house.streetType)}`
      let suburb = lower(person.house.town)
      if (k > 0) {
        // FEBRL-style duplicate: one to four modifications, each a typo, a missing value, a swap or a replacement.
        const modifications = random.int(1, 4)
        for (let n = 0; n < modifications; n++) {
          const field = random.int(0, 5)
          const kind = random.next()
          if (field === 0) {
            if (kind < 0.6) {
              given = typo(given, random, false)
              done.push('given-typo')
            } else if (kind < 0.75) {
              given = ''
              done.push('placeholder-given')
            } else if (kind < 0.9 && DIMINUTIVES[person.given]) {
              given = random.pick(DIMINUTIVES[person.given] as readonly string[])
              done.push('nickname')
            } else {
              given = givenName(sex, random)
              done.push('given-replaced')
            }
          } else if (field === 1) {
            if (kind < 0.7) {
              familyName = typo(familyName, random, false)
              done.push('family-typo')
            } else if (kind < 0.85) {
              familyName = ''
              done.push('family-changed')
            } else {
              ;[given, familyName] = [familyName, given]
              done.push('names-swapped')
            }
          } else if (field === 2) {
            if (kind < 0.75) {
              dob = typo(dob, random, false)
              done.push('dob-typo')
            } else {
              dob = ''
              done.push('dob-missing')
            }
          } else if (field === 3) {
            if (kind < 0.8) {
              postcode = typo(postcode, random, false)
              done.push('postcode-typo')
            } else {
              postcode = ''
              done.push('postcode-missing')
            }
          } else if (field === 4) {
            if (kind < 0.7) street = typo(street, random, false)
            else street = street.replace(/^\d+ /, '')
            done.push('moved')
          } else {
            suburb = kind < 0.7 ? typo(suburb, random, false) : ''
            done.push('moved')
          }
        }
      }
      records.push({
        recordId: `rec-${persons}-${k === 0 ? 'org' : `dup-${k - 1}`}`,
        givenName: lower(given),
        familyName: lower(familyName),
        dateOfBirth: dob,
        postcode,
        address: `${street} ${suburb}`,
      })
      truth.push(persons)
      corruptions.push(done)
    }
    persons++
  }
  return { records, truth: Int32Array.from(truth), corruptions, persons, twins: [] }
}

export function generateSyntheticRecords(options: SyntheticOptions): SyntheticData {
  const random = createRandom(options.seed ?? 1)
  switch (options.style ?? 'agencies') {
    case 'agencies':
      return generateAgencies(options, random)
    case 'historical':
      return generateHistorical(options, random)
    case 'febrl':
      return generateFebrl(options, random)
  }
}
