import { diminutives, spellingVariants, surnameVariants, undecomposableLetters } from './nicknames.data.ts'
import type { Random } from './seeded-random.ts'

/**
 * How one agency's record of a child comes to differ from another's (reference/linkage.md §5): the school
 * writes the name the child is known by, the police take a surname from a parent, a receptionist swaps day
 * and month, the GP still has the address the family left, the hospital's system drops accents. Each function
 * is small and pure given its Random; `viewOfChild` applies them with the rates an agency's records show.
 */

export type Variation =
  | 'nickname'
  | 'given-spelling'
  | 'given-typo'
  | 'middle-dropped'
  | 'surname-spelling'
  | 'surname-typo'
  | 'double-barrel-dropped'
  | 'ascii-folded'
  | 'apostrophe-dropped'
  | 'dob-day-month-swapped'
  | 'dob-typo'
  | 'dob-missing'
  | 'old-postcode'
  | 'postcode-unformatted'
  | 'postcode-missing'
  | 'nhs-missing'
  | 'nhs-spaced'
  | 'nhs-mistyped'
  | 'sex-missing'

const variantGroup = (groups: readonly (readonly string[])[]) => {
  const byName = new Map<string, readonly string[]>()
  for (const group of groups)
    for (const name of group)
      byName.set(
        name,
        group.filter(other => other !== name),
      )
  return byName
}
const givenVariants = variantGroup(spellingVariants)
const familyVariants = variantGroup(surnameVariants)

/** Accents and letters English-only systems cannot hold, folded to ASCII: Wójcik → Wojcik, Łukasz → Lukasz. */
export function foldToAscii(value: string): string {
  const folded = value.normalize('NFKD').replace(/\p{M}/gu, '')
  return folded.replace(/[ŁłØøĐđß]/g, letter => undecomposableLetters[letter] ?? letter)
}

/** A slip of the keyboard: two neighbouring letters swapped, a doubled letter made single, or a letter doubled. */
export function typo(value: string, random: Random): string {
  if (value.length < 4) return value
  const doubled = /([a-z])\1/.exec(value)
  const choice = random.int(0, 2)
  if (choice === 0 && doubled) return value.slice(0, doubled.index) + value.slice(doubled.index + 1)
  if (choice === 1) {
    const at = random.int(1, value.length - 3) // keep the first letter: people rarely mistype it
    const a = value[at] as string
    const b = value[at + 1] as string
    if (a !== b && /[a-z]/.test(a) && /[a-z]/.test(b)) return value.slice(0, at) + b + a + value.slice(at + 2)
  }
  const at = random.int(1, value.length - 2)
  const letter = value[at] as string
  return /[bcdfglmnprst]/.test(letter)
    ? value.slice(0, at + 1) + letter + value.slice(at + 1)
    : value.slice(0, at) + value.slice(at + 1)
}

export function diminutiveOf(given: string, random: Random): string | undefined {
  const options = diminutives[given]
  return options ? random.pick(options) : undefined
}

export function spellingOf(given: string, random: Random): string | undefined {
  const options = givenVariants.get(given)
  return options && options.length > 0 ? random.pick(options) : undefined
}

export function surnameSpellingOf(family: string, random: Random): string | undefined {
  const options = familyVariants.get(family)
  return options && options.length > 0 ? random.pick(options) : undefined
}

/** "Smith-Khan" written as "Smith" or as "Khan"; undefined for a single surname. */
export function dropDoubleBarrel(family: string, random: Random): string | undefined {
  const parts = family.split('-')
  return parts.length === 2 ? random.pick(parts) : undefined
}

/** "O'Brien" written "OBrien" or "O Brien"; undefined when there is no apostrophe. */
export function dropApostrophe(family: string, random: Random): string | undefined {
  return family.includes("'") ? family.replace("'", random.chance(0.5) ? '' : ' ') : undefined
}

/** 2016-03-07 as 2016-07-03: possible only when the day could be a month and differs from it. */
export function swapDayAndMonth(iso: string): string | undefined {
  const [year, month, day] = iso.split('-')
  if (!year || !month || !day || Number(day) > 12 || day === month) return undefined
  return `${year}-${day}-${month}`
}

/** One digit wrong in a date of birth: the day or the year off by one. Always a real date (29 February in a
 * year that has none becomes the 28th), because the database would refuse anything else. */
export function mistypeDate(iso: string, random: Random): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  if (random.chance(0.5)) {
    const otherYear = year + (random.chance(0.5) ? 1 : -1)
    const lastDay = new Date(Date.UTC(otherYear, month, 0)).getUTCDate()
    return new Date(Date.UTC(otherYear, month - 1, Math.min(day, lastDay))).toISOString().slice(0, 10)
  }
  const date = new Date(Date.UTC(year, month - 1, day + (random.chance(0.5) ? 1 : -1)))
  return date.toISOString().slice(0, 10)
}

/** An NHS number keyed with two neighbouring digits swapped (the check digit usually catches it). */
export function mistypeNhsNumber(digits: string, random: Random): string {
  for (let attempt = 0; attempt < 5; attempt++) {
    const at = random.int(3, 7)
    if (digits[at] !== digits[at + 1]) return digits.slice(0, at) + digits[at + 1] + digits[at] + digits.slice(at + 2)
  }
  return digits
}

/** The six agencies that keep records of a child in the demo. */
export type RecordKeeper = 'gp' | 'school' | 'health-visiting' | 'hospital' | 'police' | 'social-care'

/** How often each kind of difference appears in one agency's records (per record, where possible at all). */
type RecordProfile = {
  nickname: number
  givenSpelling: number
  givenTypo: number
  middleDropped: number
  surnameSpelling: number
  surnameTypo: number
  doubleBarrelDropped: number
  asciiFolded: number
  apostropheDropped: number
  dobSwapped: number
  dobTypo: number
  dobMissing: number
  oldPostcode: number
  postcodeUnformatted: number
  postcodeMissing: number
  nhsMissing: number
  nhsSpaced: number
  nhsMistyped: number
  sexMissing: number
}

// Starting points from reference/linkage.md §5 and practice experience: universal health services hold the
// NHS number and legal name; schools the known-as name; police and social care whatever they were told.
// prettier-ignore
const profiles: Readonly<Record<RecordKeeper, RecordProfile>> = {
  gp: {
    nickname: 0.02, givenSpelling: 0.01, givenTypo: 0.005, middleDropped: 0.1, surnameSpelling: 0.01, surnameTypo: 0.01,
    doubleBarrelDropped: 0.15, asciiFolded: 0.5, apostropheDropped: 0.2, dobSwapped: 0.005, dobTypo: 0.003, dobMissing: 0,
    oldPostcode: 0.45, postcodeUnformatted: 0.02, postcodeMissing: 0.005, nhsMissing: 0.02, nhsSpaced: 0.05, nhsMistyped: 0.002,
    sexMissing: 0,
  },
  'health-visiting': {
    nickname: 0.06, givenSpelling: 0.02, givenTypo: 0.01, middleDropped: 0.2, surnameSpelling: 0.02, surnameTypo: 0.015,
    doubleBarrelDropped: 0.2, asciiFolded: 0.4, apostropheDropped: 0.2, dobSwapped: 0.01, dobTypo: 0.005, dobMissing: 0,
    oldPostcode: 0.2, postcodeUnformatted: 0.03, postcodeMissing: 0.01, nhsMissing: 0.02, nhsSpaced: 0.3, nhsMistyped: 0.004,
    sexMissing: 0.005,
  },
  school: {
    nickname: 0.3, givenSpelling: 0.03, givenTypo: 0.01, middleDropped: 0.5, surnameSpelling: 0.02, surnameTypo: 0.02,
    doubleBarrelDropped: 0.3, asciiFolded: 0.3, apostropheDropped: 0.2, dobSwapped: 0.01, dobTypo: 0.005, dobMissing: 0,
    oldPostcode: 0.25, postcodeUnformatted: 0.05, postcodeMissing: 0.01, nhsMissing: 0.85, nhsSpaced: 0.5, nhsMistyped: 0.01,
    sexMissing: 0,
  },
  hospital: {
    nickname: 0.04, givenSpelling: 0.03, givenTypo: 0.015, middleDropped: 0.4, surnameSpelling: 0.03, surnameTypo: 0.02,
    doubleBarrelDropped: 0.35, asciiFolded: 0.9, apostropheDropped: 0.5, dobSwapped: 0.02, dobTypo: 0.01, dobMissing: 0.002,
    oldPostcode: 0.6, postcodeUnformatted: 0.1, postcodeMissing: 0.02, nhsMissing: 0.08, nhsSpaced: 0.4, nhsMistyped: 0.005,
    sexMissing: 0.01,
  },
  police: {
    nickname: 0.25, givenSpelling: 0.08, givenTypo: 0.03, middleDropped: 0.7, surnameSpelling: 0.06, surnameTypo: 0.04,
    doubleBarrelDropped: 0.5, asciiFolded: 0.9, apostropheDropped: 0.5, dobSwapped: 0.03, dobTypo: 0.02, dobMissing: 0.03,
    oldPostcode: 0.5, postcodeUnformatted: 0.1, postcodeMissing: 0.05, nhsMissing: 0.9, nhsSpaced: 0.5, nhsMistyped: 0.02,
    sexMissing: 0.02,
  },
  'social-care': {
    nickname: 0.12, givenSpelling: 0.04, givenTypo: 0.015, middleDropped: 0.3, surnameSpelling: 0.03, surnameTypo: 0.02,
    doubleBarrelDropped: 0.25, asciiFolded: 0.6, apostropheDropped: 0.3, dobSwapped: 0.015, dobTypo: 0.01, dobMissing: 0.01,
    oldPostcode: 0.15, postcodeUnformatted: 0.05, postcodeMissing: 0.02, nhsMissing: 0.3, nhsSpaced: 0.5, nhsMistyped: 0.01,
    sexMissing: 0.01,
  },
}

/** A child as the partnership knows them (the truth), and where they lived before a recent move. */
export type ChildTruth = {
  givenName: string
  middleNames: string | null
  familyName: string
  dateOfBirth: string
  sex: 'M' | 'F'
  nhsNumber: string | null
  postcode: string
  address: string
  previousPostcode: string | null
  previousAddress: string | null
}

/** One agency's view of the child, and the differences it carries (for tests and statistics, not stored). */
export type ChildView = {
  givenName: string
  middleNames: string | null
  familyName: string
  dateOfBirth: string | null
  sex: string | null
  postcode: string | null
  address: string | null
  nhsNumber: string | null
  variations: Variation[]
}

function varyGiven(given: string, profile: RecordProfile, random: Random, variations: Variation[]): string {
  if (random.chance(profile.nickname)) {
    const nickname = diminutiveOf(given, random)
    if (nickname) {
      variations.push('nickname')
      return nickname
    }
  }
  if (random.chance(profile.givenSpelling)) {
    const spelling = spellingOf(given, random)
    if (spelling) {
      variations.push('given-spelling')
      return spelling
    }
  }
  if (random.chance(profile.givenTypo)) {
    const slipped = typo(given, random)
    if (slipped !== given) {
      variations.push('given-typo')
      return slipped
    }
  }
  return given
}

function varyFamily(family: string, profile: RecordProfile, random: Random, variations: Variation[]): string {
  let value = family
  if (random.chance(profile.doubleBarrelDropped)) {
    const single = dropDoubleBarrel(value, random)
    if (single) {
      variations.push('double-barrel-dropped')
      value = single
    }
  }
  if (random.chance(profile.surnameSpelling)) {
    const spelling = surnameSpellingOf(value, random)
    if (spelling) {
      variations.push('surname-spelling')
      value = spelling
    }
  } else if (random.chance(profile.surnameTypo)) {
    const slipped = typo(value, random)
    if (slipped !== value) {
      variations.push('surname-typo')
      value = slipped
    }
  }
  if (random.chance(profile.apostropheDropped)) {
    const plain = dropApostrophe(value, random)
    if (plain) {
      variations.push('apostrophe-dropped')
      value = plain
    }
  }
  return value
}

function varyDate(iso: string, profile: RecordProfile, random: Random, variations: Variation[]): string | null {
  if (random.chance(profile.dobMissing)) {
    variations.push('dob-missing')
    return null
  }
  if (random.chance(profile.dobSwapped)) {
    const swapped = swapDayAndMonth(iso)
    if (swapped) {
      variations.push('dob-day-month-swapped')
      return swapped
    }
  }
  if (random.chance(profile.dobTypo)) {
    variations.push('dob-typo')
    return mistypeDate(iso, random)
  }
  return iso
}

/** How `keeper` has recorded the child: the truth with that agency's usual differences applied. */
export function viewOfChild(truth: ChildTruth, keeper: RecordKeeper, random: Random): ChildView {
  const profile = profiles[keeper]
  const variations: Variation[] = []
  let givenName = varyGiven(truth.givenName, profile, random, variations)
  let familyName = varyFamily(truth.familyName, profile, random, variations)
  let middleNames = truth.middleNames
  if (middleNames && random.chance(profile.middleDropped)) {
    variations.push('middle-dropped')
    middleNames = null
  }
  if (random.chance(profile.asciiFolded)) {
    const before = givenName + familyName + (middleNames ?? '')
    givenName = foldToAscii(givenName)
    familyName = foldToAscii(familyName)
    middleNames = middleNames && foldToAscii(middleNames)
    if (givenName + familyName + (middleNames ?? '') !== before) variations.push('ascii-folded')
  }
  const dateOfBirth = varyDate(truth.dateOfBirth, profile, random, variations)

  let postcode: string | null = truth.postcode
  let address: string | null = truth.address
  if (truth.previousPostcode && random.chance(profile.oldPostcode)) {
    variations.push('old-postcode')
    postcode = truth.previousPostcode
    address = truth.previousAddress
  }
  if (random.chance(profile.postcodeMissing)) {
    variations.push('postcode-missing')
    postcode = null
  } else if (postcode && random.chance(profile.postcodeUnformatted)) {
    variations.push('postcode-unformatted')
    postcode = random.chance(0.5) ? postcode.replace(' ', '') : postcode.toLowerCase()
  }

  let nhsNumber = truth.nhsNumber
  if (nhsNumber) {
    if (random.chance(profile.nhsMissing)) {
      variations.push('nhs-missing')
      nhsNumber = null
    } else if (random.chance(profile.nhsMistyped)) {
      variations.push('nhs-mistyped')
      nhsNumber = mistypeNhsNumber(nhsNumber, random)
    } else if (random.chance(profile.nhsSpaced)) {
      variations.push('nhs-spaced')
      nhsNumber = `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`
    }
  }

  let sex: string | null = truth.sex
  if (random.chance(profile.sexMissing)) {
    variations.push('sex-missing')
    sex = random.chance(0.5) ? null : 'U'
  }
  return { givenName, middleNames, familyName, dateOfBirth, sex, postcode, address, nhsNumber, variations }
}
