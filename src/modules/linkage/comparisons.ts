import { damerauLevenshtein, withinOneEdit } from './damerau-levenshtein.ts'
import { jaroWinkler } from './jaro-winkler.ts'
import type { StoreView } from './record-store.ts'

/**
 * The comparisons of the Fellegi–Sunter model: for each field an ordered list of levels, evaluated like SQL
 * `CASE WHEN`, the first true level winning. Level 0 is always "missing" (one side has no value), which carries
 * no weight. Address, postcode, phone and email form one `location` comparison, because they are not independent
 * among non-matches (siblings share all four); counting them separately would add the same evidence up to four
 * times and link brothers and sisters.
 */

export const COMPARISONS = {
  given: {
    label: 'Given name',
    levels: [
      'missing',
      'exact',
      'nickname or spelling variant',
      'Jaro-Winkler ≥ 0.92',
      'sounds alike or Jaro-Winkler ≥ 0.88',
      'other given name, initial or shortened form',
      'Jaro-Winkler ≥ 0.7',
      'different',
    ],
    tf: [1],
  },
  family: {
    label: 'Family name',
    levels: [
      'missing',
      'exact',
      'shares a part (double-barrelled)',
      'Jaro-Winkler ≥ 0.92',
      'sounds alike or Jaro-Winkler ≥ 0.88',
      'Jaro-Winkler ≥ 0.7',
      'different',
    ],
    tf: [1],
  },
  dateOfBirth: {
    label: 'Date of birth',
    levels: [
      'missing',
      'exact',
      'day and month swapped',
      'one digit or transposition',
      'two of day, month, year',
      'within a year',
      'different',
    ],
    tf: [1],
  },
  sex: { label: 'Sex', levels: ['missing', 'same', 'different'], tf: [] },
  location: {
    label: 'Address, postcode and contact',
    levels: [
      'missing',
      'same phone or email, and same or similar address',
      'same phone or email',
      'same address',
      'same postcode',
      'similar address or postcode one edit apart',
      'same postcode sector',
      'same postcode district',
      'address shares some words',
      'same postcode area',
      'different',
    ],
    tf: [1, 2, 3, 4],
  },
  nhsNumber: {
    label: 'NHS number',
    levels: [
      'missing',
      'same valid number',
      'same unreliable number',
      'one digit apart',
      'conflicting valid numbers',
      'different',
    ],
    tf: [],
  },
  upn: {
    label: 'Unique pupil number',
    levels: [
      'missing',
      'same valid number',
      'same unreliable number',
      'one character apart',
      'conflicting valid numbers',
      'different',
    ],
    tf: [],
  },
} as const satisfies Record<string, { label: string; levels: readonly string[]; tf: readonly number[] }>

export type ComparisonName = keyof typeof COMPARISONS
export const COMPARISON_NAMES = Object.keys(COMPARISONS) as ComparisonName[]
export const FIELD_COUNT = COMPARISON_NAMES.length

export const F_GIVEN = 0
export const F_FAMILY = 1
export const F_DOB = 2
export const F_SEX = 3
export const F_LOCATION = 4
export const F_NHS = 5
export const F_UPN = 6

export const GIVEN_EXACT = 1
export const GIVEN_NICKNAME = 2
export const GIVEN_TOKEN = 5
export const FAMILY_EXACT = 1
export const FAMILY_PART = 2
export const FAMILY_SOUNDS_ALIKE = 4
export const DOB_EXACT = 1
export const LOCATION_CONTACT_AND_ADDRESS = 1
export const LOCATION_CONTACT = 2
export const LOCATION_ADDRESS = 3
export const LOCATION_POSTCODE = 4
export const LOCATION_SIMILAR = 5
export const LOCATION_DISTRICT = 7
export const ID_CONFLICT = 4

/** Number of levels per comparison, in COMPARISON_NAMES order. */
export const LEVEL_COUNTS: readonly number[] = COMPARISON_NAMES.map(name => COMPARISONS[name].levels.length)

/** Flags returned alongside the levels. */
export const FLAG_NAMES_SWAPPED = 1
/** Same family name, date of birth and address, different given names: possibly twins, never linked automatically. */
export const FLAG_TWINS = 2
/** Two valid NHS numbers that differ: never linked automatically. */
export const FLAG_NHS_CONFLICT = 4

const EMPTY = -1

function shareNickname(v: StoreView, a: number, b: number): boolean {
  let i = v.nickStart[a] as number
  const iEnd = v.nickStart[a + 1] as number
  let j = v.nickStart[b] as number
  const jEnd = v.nickStart[b + 1] as number
  while (i < iEnd && j < jEnd) {
    const x = v.nickIds[i] as number
    const y = v.nickIds[j] as number
    if (x === y) return true
    if (x < y) i++
    else j++
  }
  return false
}

function isPrefixOrInitial(a: string, b: string): boolean {
  const short = a.length <= b.length ? a : b
  const long = a.length <= b.length ? b : a
  if (short.length === 1) return long.charCodeAt(0) === short.charCodeAt(0)
  return short.length >= 3 && long.startsWith(short)
}

/** "Abdul Rahman" written as one word: the first two given names run together equal the other's given name. */
function runTogether(first: string, second: string, other: string): boolean {
  return first.length + second.length === other.length && other.startsWith(first) && other.endsWith(second)
}

function hasGivenToken(v: StoreView, r: number, id: number): boolean {
  return v.g0[r] === id || v.g1[r] === id || v.g2[r] === id || v.g3[r] === id
}

/** One given name of one record is a given name of the other (a child known by a middle name). */
function givenTokensCross(v: StoreView, i: number, j: number): boolean {
  const a0 = v.g0[i] as number
  const b0 = v.g0[j] as number
  if (v.g1[i] !== EMPTY && hasGivenToken(v, i, b0)) return true
  if (v.g1[j] !== EMPTY && hasGivenToken(v, j, a0)) return true
  if (v.g1[i] !== EMPTY && v.g1[j] === EMPTY) {
    return runTogether(v.names[a0] as string, v.names[v.g1[i] as number] as string, v.names[b0] as string)
  }
  if (v.g1[j] !== EMPTY && v.g1[i] === EMPTY) {
    return runTogether(v.names[b0] as string, v.names[v.g1[j] as number] as string, v.names[a0] as string)
  }
  return false
}

/**
 * Name comparisons depend only on the two name ids, and the same pairs of names come up again and again (Oliver
 * against Olly), so their levels are remembered in a small direct-mapped cache per kind of name.
 */
const CACHE_BITS = 18
const CACHE_MASK = (1 << CACHE_BITS) - 1
function createLevelCache() {
  return {
    a: new Int32Array(1 << CACHE_BITS).fill(-1),
    b: new Int32Array(1 << CACHE_BITS),
    level: new Uint8Array(1 << CACHE_BITS),
  }
}
const givenCache = createLevelCache()
const familyCache = createLevelCache()
let cachedNames: readonly string[] | undefined

function cacheSlot(a: number, b: number): number {
  return ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - CACHE_BITS)) & CACHE_MASK
}

/** Forget cached levels when a different store is being compared (ids mean other names there). */
function checkCache(v: StoreView): void {
  if (cachedNames === v.names) return
  cachedNames = v.names
  givenCache.a.fill(-1)
  familyCache.a.fill(-1)
}

function compareGivenIds(v: StoreView, a: number, b: number): number {
  if (a === b) return 1
  const slot = cacheSlot(a, b)
  if (givenCache.a[slot] === a && givenCache.b[slot] === b) return givenCache.level[slot] as number
  const level = compareGivenNames(v, a, b)
  givenCache.a[slot] = a
  givenCache.b[slot] = b
  givenCache.level[slot] = level
  return level
}

function compareGivenNames(v: StoreView, a: number, b: number): number {
  if (shareNickname(v, a, b)) return 2
  const sa = v.names[a] as string
  const sb = v.names[b] as string
  const jw = jaroWinkler(sa, sb)
  if (jw >= 0.92) return 3
  if (jw >= 0.88 || v.nameSound[a] === v.nameSound[b]) return 4
  if (isPrefixOrInitial(sa, sb)) return 5
  if (jw >= 0.7) return 6
  return 7
}

function compareGiven(v: StoreView, i: number, j: number): number {
  const a = v.g0[i] as number
  const b = v.g0[j] as number
  if (a === EMPTY || b === EMPTY) return 0
  const level = compareGivenIds(v, a, b)
  if (level >= 5 && givenTokensCross(v, i, j)) return 5
  return level
}

function familyPartsShared(v: StoreView, i: number, j: number): boolean {
  const a0 = v.f0[i] as number
  const a1 = v.f1[i] as number
  const a2 = v.f2[i] as number
  if (a1 === EMPTY && v.f1[j] === EMPTY) return false // two single-part names: exact or not at all
  const b0 = v.f0[j] as number
  const b1 = v.f1[j] as number
  const b2 = v.f2[j] as number
  return (
    a0 === b0 ||
    a0 === b1 ||
    a0 === b2 ||
    (a1 !== EMPTY && (a1 === b0 || a1 === b1 || a1 === b2)) ||
    (a2 !== EMPTY && (a2 === b0 || a2 === b1 || a2 === b2))
  )
}

function compareFamilyIds(v: StoreView, a: number, b: number): number {
  if (a === b) return 1
  const slot = cacheSlot(a, b)
  if (familyCache.a[slot] === a && familyCache.b[slot] === b) return familyCache.level[slot] as number
  const level = compareFamilyNames(v, a, b)
  familyCache.a[slot] = a
  familyCache.b[slot] = b
  familyCache.level[slot] = level
  return level
}

function compareFamilyNames(v: StoreView, a: number, b: number): number {
  const jw = jaroWinkler(v.names[a] as string, v.names[b] as string)
  if (jw >= 0.92) return 3
  if (jw >= 0.88 || v.nameSound[a] === v.nameSound[b]) return 4
  if (jw >= 0.7) return 5
  return 6
}

function compareFamily(v: StoreView, i: number, j: number): number {
  const a = v.fam[i] as number
  const b = v.fam[j] as number
  if (a === EMPTY || b === EMPTY) return 0
  if (a === b) return 1
  if (familyPartsShared(v, i, j)) return 2
  return compareFamilyIds(v, a, b)
}

/** Levels for a date pair, both yyyymmdd and non-zero. */
export function compareDates(a: number, b: number): number {
  if (a === b) return 1
  const ya = (a / 10000) | 0
  const yb = (b / 10000) | 0
  const ma = ((a / 100) | 0) % 100
  const mb = ((b / 100) | 0) % 100
  const da = a % 100
  const db = b % 100
  if (ya === yb && ma === db && da === mb) return 2
  // One digit different, or two adjacent digits transposed, in the eight digits of yyyymmdd.
  let x = a
  let y = b
  let differ = 0
  let firstAt = -1
  let secondAt = -1
  for (let k = 0; k < 8; k++) {
    if (x % 10 !== y % 10) {
      if (++differ > 2) break
      if (firstAt < 0) firstAt = k
      else secondAt = k
    }
    x = (x / 10) | 0
    y = (y / 10) | 0
  }
  if (differ === 1) return 3
  if (differ === 2 && secondAt === firstAt + 1) {
    const p = 10 ** firstAt
    const digit = (n: number, at: number) => Math.floor(n / (p * 10 ** at)) % 10
    if (digit(a, 0) === digit(b, 1) && digit(a, 1) === digit(b, 0)) return 3
  }
  const same = (ya === yb ? 1 : 0) + (ma === mb ? 1 : 0) + (da === db ? 1 : 0)
  if (same >= 2) return 4
  return Math.abs(dayNumber(ya, ma, da) - dayNumber(yb, mb, db)) <= 366 ? 5 : 6
}

/** Days since a fixed origin (proleptic Gregorian), for date differences. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const m = month <= 2 ? month + 12 : month
  return (
    365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + Math.floor((153 * (m - 3) + 2) / 5) + day
  )
}

function compareDob(v: StoreView, i: number, j: number): number {
  const a = v.dob[i] as number
  const b = v.dob[j] as number
  if (a === 0 || b === 0) return 0
  return compareDates(a, b)
}

function compareSex(v: StoreView, i: number, j: number): number {
  const a = v.sex[i] as number
  const b = v.sex[j] as number
  if (a === 0 || b === 0) return 0
  return a === b ? 1 : 2
}

function addressJaccard(v: StoreView, i: number, j: number): number {
  let p = v.addrStart[i] as number
  const pEnd = p + (v.addrLen[i] as number)
  let q = v.addrStart[j] as number
  const qEnd = q + (v.addrLen[j] as number)
  const total = (v.addrLen[i] as number) + (v.addrLen[j] as number)
  let shared = 0
  while (p < pEnd && q < qEnd) {
    const x = v.addrTok[p] as number
    const y = v.addrTok[q] as number
    if (x === y) {
      shared++
      p++
      q++
    } else if (x < y) p++
    else q++
  }
  return shared / (total - shared)
}

function compareLocation(v: StoreView, i: number, j: number): number {
  const pa = v.pcUnit[i] as number
  const pb = v.pcUnit[j] as number
  const aa = v.addr[i] as number
  const ab = v.addr[j] as number
  const bothPostcodes = pa !== EMPTY && pb !== EMPTY
  const bothAddresses = aa !== EMPTY && ab !== EMPTY
  let postcodeOneEdit = false
  if (bothPostcodes && pa !== pb) {
    postcodeOneEdit = withinOneEdit(v.postcodes[pa] as string, v.postcodes[pb] as string)
  }
  const jaccard = bothAddresses && aa !== ab ? addressJaccard(v, i, j) : 0
  const sameDistrict = bothPostcodes && v.pcDistrict[i] === v.pcDistrict[j]
  const sameAddress = bothAddresses && aa === ab && (!bothPostcodes || pa === pb || postcodeOneEdit)
  const samePostcode = bothPostcodes && pa === pb
  const similar = postcodeOneEdit || (jaccard >= 0.5 && (!bothPostcodes || sameDistrict))
  const ea = v.email[i] as number
  const eb = v.email[j] as number
  const ta = v.phone[i] as number
  const tb = v.phone[j] as number
  if ((ea !== EMPTY && ea === eb) || (ta !== EMPTY && ta === tb)) {
    return sameAddress || samePostcode || similar ? 1 : 2
  }
  if (sameAddress) return 3
  if (samePostcode) return 4
  if (similar) return 5
  if (bothPostcodes) {
    if (v.pcSector[i] !== EMPTY && v.pcSector[i] === v.pcSector[j]) return 6
    if (sameDistrict) return 7
  }
  if (jaccard >= 0.25) return 8
  if (bothPostcodes && v.pcArea[i] !== EMPTY && v.pcArea[i] === v.pcArea[j]) return 9
  if (bothPostcodes || bothAddresses || (ea !== EMPTY && eb !== EMPTY) || (ta !== EMPTY && tb !== EMPTY)) return 10
  return 0
}

/** The contact value two records share (email first, then phone), or -1. */
export function sharedContact(v: StoreView, i: number, j: number): number {
  const e = v.email[i] as number
  if (e !== EMPTY && e === v.email[j]) return e
  const t = v.phone[i] as number
  if (t !== EMPTY && t === v.phone[j]) return t
  return EMPTY
}

function compareIdentifier(v: StoreView, ids: Int32Array, reliable: Uint8Array, i: number, j: number): number {
  const a = ids[i] as number
  const b = ids[j] as number
  if (a === EMPTY || b === EMPTY) return 0
  if (a === b) return reliable[i] === 1 ? 1 : 2
  if (withinOneEdit(v.identifiers[a] as string, v.identifiers[b] as string)) return 3
  return reliable[i] === 1 && reliable[j] === 1 ? 4 : 5
}

/**
 * Possible twins: the same date of birth and family name (allowing a slip in the name), given names that are
 * different names and not variants of one name, and no identifier in common. A typo (one edit), a name that sounds
 * the same, a nickname, an initial or a shortened form, or a child known by a middle name is not a different
 * name; different sexes with similar names (Olivia and Oliver) are. Twins share an address, but one twin's record
 * may already show a move, so the addresses need only be in the same postcode district (or the sexes differ):
 * with no address, or far apart, a different first name is too common a slip in sparse data to hold back.
 */
function looksLikeTwins(v: StoreView, givenA: number, givenB: number, levels: Uint8Array): boolean {
  const given = levels[F_GIVEN] as number
  if (
    levels[F_DOB] !== DOB_EXACT ||
    given === 0 ||
    given === GIVEN_EXACT ||
    given === GIVEN_NICKNAME ||
    given === GIVEN_TOKEN
  ) {
    return false
  }
  // A family name with a slip in it is weaker evidence of one family: then the sexes must be on record too.
  const family = levels[F_FAMILY] as number
  if (family < FAMILY_EXACT || family > FAMILY_SOUNDS_ALIKE) return false
  if (family > FAMILY_PART && levels[F_SEX] === 0) return false
  const nhs = levels[F_NHS] as number
  const upn = levels[F_UPN] as number
  if ((nhs >= 1 && nhs <= 3) || (upn >= 1 && upn <= 3)) return false
  const sexDiffers = levels[F_SEX] === 2
  const location = levels[F_LOCATION] as number
  if ((location === 0 || location > LOCATION_DISTRICT) && !sexDiffers) return false
  const a = v.names[givenA] as string
  const b = v.names[givenB] as string
  const edits = damerauLevenshtein(a, b, 2)
  if (sexDiffers) return edits > 1
  if (edits <= 1 || v.nameSound[givenA] === v.nameSound[givenB]) return false
  if (jaroWinkler(a, b) >= 0.9 && edits <= 2) return false
  return !nicknameWithTypo(v, givenA, givenB) && !nicknameWithTypo(v, givenB, givenA)
}

/**
 * One name is a nickname of a mistyped form of the other (Tom and Rhomas). Only when the other is not a name in
 * its own right: Ella is not a slip for Ellie, so Ella and Elsie stay two names.
 */
function nicknameWithTypo(v: StoreView, id: number, otherId: number): boolean {
  if ((v.nickStart[otherId + 1] as number) > (v.nickStart[otherId] as number)) return false
  const other = v.names[otherId] as string
  for (let k = v.nickStart[id] as number; k < (v.nickStart[id + 1] as number); k++) {
    const members = v.nickGroupMembers[v.nickIds[k] as number] as string
    for (const member of members.split(' ')) if (damerauLevenshtein(member, other, 1) <= 1) return true
  }
  return false
}

function sameStart(v: StoreView, a: number, b: number): boolean {
  return (
    (v.names[a] as string).charCodeAt(0) === (v.names[b] as string).charCodeAt(0) || v.nameSound[a] === v.nameSound[b]
  )
}

/**
 * Compare records i and j of the store, writing one level per comparison into `levels` (COMPARISON_NAMES
 * order), and return the flags (names swapped, possible twins, conflicting NHS numbers).
 */
export function compareRecords(v: StoreView, i: number, j: number, levels: Uint8Array): number {
  checkCache(v)
  let flags = 0
  let given = compareGiven(v, i, j)
  let family = compareFamily(v, i, j)
  // Given and family names written the other way round (a common slip, and FEBRL's "swap" corruption).
  if (given >= 5 && family >= 5) {
    const gi = v.g0[i] as number
    const gj = v.g0[j] as number
    const fi = v.f0[i] as number
    const fj = v.f0[j] as number
    // Only worth a look when a given name and the other's family name start alike.
    if (
      gi !== EMPTY &&
      gj !== EMPTY &&
      fi !== EMPTY &&
      fj !== EMPTY &&
      (sameStart(v, gi, fj) || sameStart(v, fi, gj))
    ) {
      // Record i's given name is in its family-name field and the other way round.
      const crossGiven = compareGivenIds(v, fi, gj)
      const crossFamily = compareFamilyIds(v, gi, fj)
      // Both agree crosswise, or one agrees closely and the other is no worse than the straight comparison.
      const both = crossGiven <= 4 && crossFamily <= 4
      const one = (crossGiven <= 2 || crossFamily <= 2) && crossGiven <= given && crossFamily <= family
      if ((both || one) && crossGiven + crossFamily < given + family) {
        given = crossGiven
        family = crossFamily
        flags |= FLAG_NAMES_SWAPPED
      }
    }
  }
  levels[F_GIVEN] = given
  levels[F_FAMILY] = family
  levels[F_DOB] = compareDob(v, i, j)
  levels[F_SEX] = compareSex(v, i, j)
  levels[F_LOCATION] = compareLocation(v, i, j)
  levels[F_NHS] = compareIdentifier(v, v.nhs, v.nhsReliable, i, j)
  levels[F_UPN] = compareIdentifier(v, v.upn, v.upnReliable, i, j)
  if (levels[F_NHS] === ID_CONFLICT) flags |= FLAG_NHS_CONFLICT
  // With the names swapped, record i's given name is the one in its family-name field.
  const givenA = (flags & FLAG_NAMES_SWAPPED) === 0 ? (v.g0[i] as number) : (v.f0[i] as number)
  if (looksLikeTwins(v, givenA, v.g0[j] as number, levels)) flags |= FLAG_TWINS
  return flags
}

/** Mixed-radix place value of each comparison in a pattern code. */
export const RADIX: readonly number[] = (() => {
  const radix: number[] = []
  let place = 1
  for (const count of LEVEL_COUNTS) {
    radix.push(place)
    place *= count
  }
  return radix
})()

/** How many distinct patterns (combinations of levels) there are. */
export const PATTERN_COUNT = LEVEL_COUNTS.reduce((product, count) => product * count, 1)

/** One integer for a whole comparison vector, so that patterns can be counted in a flat array. */
export function encodeLevels(levels: Uint8Array): number {
  let code = 0
  for (let f = 0; f < FIELD_COUNT; f++) code += (levels[f] as number) * (RADIX[f] as number)
  return code
}

export function levelOf(code: number, field: number): number {
  return Math.floor(code / (RADIX[field] as number)) % (LEVEL_COUNTS[field] as number)
}

export function decodeLevels(code: number, into = new Uint8Array(FIELD_COUNT)): Uint8Array {
  for (let f = 0; f < FIELD_COUNT; f++) into[f] = levelOf(code, f)
  return into
}
