import { shippedNicknameGroups, type NicknameGroups } from './nicknames.ts'
import { parseDateOfBirth } from './normalise-date.ts'
import {
  parseNhsNumber,
  parseUpn,
  parseEmail,
  parsePhone,
  parseSex,
  SEX_UNKNOWN,
  type ParsedIdentifier,
} from './normalise-identifiers.ts'
import { normaliseFamilyName, normaliseGivenName } from './normalise-name.ts'
import { parsePostcode, type Postcode } from './normalise-postcode.ts'
import {
  hasLetter,
  normaliseAddress,
  type NormalisedRecord,
  type NormaliseContext,
  type ParsedColumn,
  type SourceRecord,
} from './normalise-record.ts'
import { nameSound, soundex } from './phonetic.ts'

/**
 * Records held column by column in typed arrays, with every string interned to a small integer, so that a
 * comparison is mostly integer equality and the whole store can be handed to worker threads as shared memory.
 * The store only grows (records are appended), which is what both the batch run and an online index need: the
 * online index appends one record at a time and its blocking maps point into the same columns.
 */

export class Interner {
  private readonly ids = new Map<string, number>()
  readonly values: string[] = []

  intern(value: string): number {
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.values.length
      this.ids.set(value, id)
      this.values.push(value)
    }
    return id
  }

  get(value: string): number {
    return this.ids.get(value) ?? -1
  }

  get size(): number {
    return this.values.length
  }
}

/** The per-record columns. -1 (or 0 for dates and sex) means missing. */
export type RecordColumns = {
  /** Given-name tokens: g0 is the name the person is called by, g1–g3 further given or middle names. */
  g0: Int32Array
  g1: Int32Array
  g2: Int32Array
  g3: Int32Array
  /** The whole family name, and its first three parts (double-barrelled names), as name ids. */
  fam: Int32Array
  f0: Int32Array
  f1: Int32Array
  f2: Int32Array
  /** Date of birth as yyyymmdd (0 when missing) and as an id in the date dictionary (for term frequencies). */
  dob: Int32Array
  dobId: Int32Array
  /** 0 unknown, 1 male, 2 female. */
  sex: Uint8Array
  pcUnit: Int32Array
  pcSector: Int32Array
  pcDistrict: Int32Array
  pcArea: Int32Array
  /** The whole address as an id, and its words as sorted ids (addrTok[addrStart[r] .. + addrLen[r]]). */
  addr: Int32Array
  addrStart: Int32Array
  addrLen: Uint8Array
  /** House number and street as one id ("12 high"), the part of an address that survives most rewriting. */
  addrStreet: Int32Array
  nhs: Int32Array
  nhsReliable: Uint8Array
  upn: Int32Array
  upnReliable: Uint8Array
  email: Int32Array
  phone: Int32Array
}

/** What a comparison reads: the columns, the dictionaries, and the facts derived once per distinct name. */
export type StoreView = RecordColumns & {
  count: number
  addrTok: Int32Array
  names: string[]
  /** nameSound and soundex codes of each name id, as ids. */
  nameSound: Int32Array
  nameSoundex: Int32Array
  /** Nickname groups of each name id: nickIds[nickStart[id] .. nickStart[id + 1]], sorted. */
  nickStart: Int32Array
  nickIds: Int32Array
  /** The names in each nickname group, space-separated. */
  nickGroupMembers: readonly string[]
  postcodes: string[]
  identifiers: string[]
  /** Term-frequency counts: how many records hold each value. */
  givenCount: Int32Array
  familyCount: Int32Array
  dobCount: Int32Array
  pcUnitCount: Int32Array
  addrCount: Int32Array
  /** Records holding each email address or phone number (by identifier id). */
  contactCount: Int32Array
  /** How many records have each of those fields at all. */
  totals: {
    given: number
    family: number
    dob: number
    sex: number
    postcode: number
    address: number
    email: number
    phone: number
  }
}

const INT_COLUMNS = [
  'g0',
  'g1',
  'g2',
  'g3',
  'fam',
  'f0',
  'f1',
  'f2',
  'dob',
  'dobId',
  'pcUnit',
  'pcSector',
  'pcDistrict',
  'pcArea',
  'addr',
  'addrStart',
  'addrStreet',
  'nhs',
  'upn',
  'email',
  'phone',
] as const
const BYTE_COLUMNS = ['sex', 'addrLen', 'nhsReliable', 'upnReliable'] as const

function grownInt(array: Int32Array, size: number, fill: number): Int32Array {
  const next = new Int32Array(size)
  next.set(array)
  if (fill !== 0) next.fill(fill, array.length)
  return next
}

function grownByte(array: Uint8Array, size: number): Uint8Array {
  const next = new Uint8Array(size)
  next.set(array)
  return next
}

function text(value: string | undefined): string {
  return value === undefined ? '' : value.trim()
}

export class RecordStore {
  readonly view: StoreView
  readonly recordIds: string[] = []
  readonly sources: string[] = []
  private readonly nameDict = new Interner()
  private readonly soundDict = new Interner()
  private readonly soundexDict = new Interner()
  private readonly postcodeDict = new Interner()
  private readonly addressDict = new Interner()
  private readonly addressWordDict = new Interner()
  private readonly identifierDict = new Interner()
  private readonly dobDict = new Map<number, number>()
  private readonly nicknames: NicknameGroups
  private nickLength = 0
  private addrTokLength = 0
  private capacity: number

  constructor(options: { expectedRecords?: number; nicknames?: NicknameGroups } = {}) {
    this.capacity = Math.max(16, options.expectedRecords ?? 1024)
    this.nicknames = options.nicknames ?? shippedNicknameGroups()
    const ints = Object.fromEntries(INT_COLUMNS.map(name => [name, new Int32Array(this.capacity).fill(-1)]))
    const bytes = Object.fromEntries(BYTE_COLUMNS.map(name => [name, new Uint8Array(this.capacity)]))
    this.view = {
      ...(ints as Record<(typeof INT_COLUMNS)[number], Int32Array>),
      ...(bytes as Record<(typeof BYTE_COLUMNS)[number], Uint8Array>),
      count: 0,
      addrTok: new Int32Array(this.capacity * 4),
      names: this.nameDict.values,
      nameSound: new Int32Array(1024),
      nameSoundex: new Int32Array(1024),
      nickStart: new Int32Array(1025),
      nickIds: new Int32Array(4096),
      nickGroupMembers: this.nicknames.members,
      postcodes: this.postcodeDict.values,
      identifiers: this.identifierDict.values,
      givenCount: new Int32Array(1024),
      familyCount: new Int32Array(1024),
      dobCount: new Int32Array(1024),
      pcUnitCount: new Int32Array(1024),
      addrCount: new Int32Array(1024),
      contactCount: new Int32Array(1024),
      totals: { given: 0, family: 0, dob: 0, sex: 0, postcode: 0, address: 0, email: 0, phone: 0 },
    }
    this.view.dob.fill(0)
  }

  get size(): number {
    return this.view.count
  }

  private grow(): void {
    const size = this.capacity * 2
    const v = this.view
    for (const name of INT_COLUMNS) v[name] = grownInt(v[name], size, name === 'dob' ? 0 : -1)
    for (const name of BYTE_COLUMNS) v[name] = grownByte(v[name], size)
    this.capacity = size
  }

  /** A name's id, registering its phonetic codes and nickname groups the first time it is seen. */
  internName(name: string): number {
    const before = this.nameDict.size
    const id = this.nameDict.intern(name)
    if (id < before) return id
    const v = this.view
    if (id >= v.nameSound.length) {
      const size = v.nameSound.length * 2
      v.nameSound = grownInt(v.nameSound, size, 0)
      v.nameSoundex = grownInt(v.nameSoundex, size, 0)
      v.nickStart = grownInt(v.nickStart, size + 1, 0)
      v.givenCount = grownInt(v.givenCount, size, 0)
      v.familyCount = grownInt(v.familyCount, size, 0)
    }
    v.nameSound[id] = this.soundDict.intern(nameSound(name))
    v.nameSoundex[id] = this.soundexDict.intern(soundex(name))
    const groups = this.nicknames.groupsOf(name)
    if (groups) {
      if (this.nickLength + groups.length > v.nickIds.length) {
        v.nickIds = grownInt(v.nickIds, Math.max(v.nickIds.length * 2, this.nickLength + groups.length), 0)
      }
      v.nickIds.set(groups, this.nickLength)
      this.nickLength += groups.length
    }
    v.nickStart[id + 1] = this.nickLength
    return id
  }

  private count(
    array: 'givenCount' | 'familyCount' | 'dobCount' | 'pcUnitCount' | 'addrCount' | 'contactCount',
    id: number,
  ): void {
    const v = this.view
    if (id >= v[array].length) v[array] = grownInt(v[array], Math.max(id + 1, v[array].length * 2), 0)
    v[array][id] = (v[array][id] as number) + 1
  }

  private startRecord(recordId: string, source: string): number {
    if (this.view.count === this.capacity) this.grow()
    this.recordIds.push(recordId)
    this.sources.push(source)
    return this.view.count
  }

  private setGiven(r: number, ids: readonly number[]): void {
    const v = this.view
    if (ids.length === 0) return
    const first = ids[0] as number
    v.g0[r] = first
    this.count('givenCount', first)
    v.totals.given++
    if (ids.length > 1) v.g1[r] = ids[1] as number
    if (ids.length > 2) v.g2[r] = ids[2] as number
    if (ids.length > 3) v.g3[r] = ids[3] as number
  }

  /** Family ids: [whole name, first part, second part, third part]. */
  private setFamily(r: number, ids: readonly number[]): void {
    const v = this.view
    if (ids.length === 0) return
    const whole = ids[0] as number
    v.fam[r] = whole
    this.count('familyCount', whole)
    v.totals.family++
    v.f0[r] = ids[1] as number
    if (ids.length > 2) v.f1[r] = ids[2] as number
    if (ids.length > 3) v.f2[r] = ids[3] as number
  }

  private familyIds(family: { full: string; tokens: readonly string[] }): number[] {
    const whole = this.internName(family.full)
    const tokens = family.tokens
    if (tokens.length < 2) return [whole, whole]
    return [whole, ...tokens.slice(0, 3).map(token => this.internName(token))]
  }

  private setDob(r: number, dob: number): void {
    if (dob === 0) return
    const v = this.view
    v.dob[r] = dob
    let id = this.dobDict.get(dob)
    if (id === undefined) this.dobDict.set(dob, (id = this.dobDict.size))
    v.dobId[r] = id
    this.count('dobCount', id)
    v.totals.dob++
  }

  /** Postcode ids: [unit, sector, district, area], -1 where the postcode has no such part. */
  private postcodeIds(postcode: Postcode): number[] {
    const unit = this.postcodeDict.intern(postcode.unit)
    if (postcode.kind === 'foreign') return [unit, -1, unit, -1]
    return [
      unit,
      this.postcodeDict.intern(postcode.sector),
      this.postcodeDict.intern(postcode.district),
      this.postcodeDict.intern(postcode.area),
    ]
  }

  private setPostcode(r: number, ids: readonly number[]): void {
    if (ids.length === 0) return
    const v = this.view
    const unit = ids[0] as number
    v.pcUnit[r] = unit
    this.count('pcUnitCount', unit)
    v.totals.postcode++
    v.pcSector[r] = ids[1] as number
    v.pcDistrict[r] = ids[2] as number
    v.pcArea[r] = ids[3] as number
  }

  /** Address: the whole-address id, the house-number-and-street id, then its word ids, sorted. */
  private addressIds(words: readonly string[]): number[] {
    if (words.length === 0) return []
    const id = this.addressDict.intern(words.join(' '))
    const number = words.findIndex(word => /^\d+[a-z]?$/.test(word))
    const street = words.find((word, k) => k > number && !/\d/.test(word))
    const streetId =
      street === undefined ? -1 : this.addressDict.intern(`#${number >= 0 ? (words[number] as string) : ''} ${street}`)
    const ids = words.slice(0, 255).map(word => this.addressWordDict.intern(word))
    ids.sort((a, b) => a - b)
    return [id, streetId, ...ids]
  }

  private setAddress(r: number, ids: readonly number[]): void {
    if (ids.length === 0) return
    const v = this.view
    const id = ids[0] as number
    v.addr[r] = id
    v.addrStreet[r] = ids[1] as number
    this.count('addrCount', id)
    v.totals.address++
    const n = ids.length - 2
    if (this.addrTokLength + n > v.addrTok.length) {
      v.addrTok = grownInt(v.addrTok, Math.max(v.addrTok.length * 2, this.addrTokLength + n), 0)
    }
    for (let k = 0; k < n; k++) v.addrTok[this.addrTokLength + k] = ids[k + 2] as number
    v.addrStart[r] = this.addrTokLength
    v.addrLen[r] = n
    this.addrTokLength += n
  }

  private setIdentifier(r: number, field: 'nhs' | 'upn', id: ParsedIdentifier): void {
    if (id.kind !== 'id') return
    const v = this.view
    v[field][r] = this.identifierDict.intern(id.value)
    ;(field === 'nhs' ? v.nhsReliable : v.upnReliable)[r] = id.reliable ? 1 : 0
  }

  private setContact(r: number, field: 'email' | 'phone', value: string | undefined): void {
    if (value === undefined) return
    const v = this.view
    const id = this.identifierDict.intern(value)
    v[field][r] = id
    this.count('contactCount', id)
    v.totals[field]++
  }

  /** Append a normalised record; returns its index. */
  add(record: NormalisedRecord): number {
    const r = this.startRecord(record.recordId, record.source)
    const v = this.view
    this.setGiven(
      r,
      record.given.slice(0, 4).map(token => this.internName(token)),
    )
    if (record.family) this.setFamily(r, this.familyIds(record.family))
    this.setDob(r, record.dateOfBirth)
    v.sex[r] = record.sex
    if (record.sex !== 0) v.totals.sex++
    if (record.postcode) this.setPostcode(r, this.postcodeIds(record.postcode))
    this.setAddress(r, this.addressIds(record.address))
    if (record.nhsNumber) this.setIdentifier(r, 'nhs', record.nhsNumber)
    if (record.upn) this.setIdentifier(r, 'upn', record.upn)
    this.setContact(r, 'email', record.email)
    this.setContact(r, 'phone', record.phone)
    v.count = r + 1
    return r
  }

  private readonly caches = {
    given: new Map<string, { ids: number[]; unparsedGiven: boolean; unparsedMiddle: boolean }>(),
    family: new Map<string, { ids: number[]; unparsed: boolean }>(),
    dob: new Map<string, number>(),
    sex: new Map<string, number>(),
    postcode: new Map<string, number[] | undefined>(),
    address: new Map<string, number[] | undefined>(),
  }

  /**
   * Normalise and append a record as supplied, the fast way for batches: each distinct raw value of a name, date,
   * sex, postcode or address is normalised once and remembered, already interned. Gives the same store as
   * `add(normaliseRecord(record, context))`. Unreadable values are counted in `unparsed`.
   */
  addSource(record: SourceRecord, context: NormaliseContext, unparsed: Record<ParsedColumn, number>): number {
    const r = this.startRecord(text(record.recordId), text(record.source))
    const v = this.view
    const c = this.caches

    const givenRaw = text(record.givenName)
    const middleRaw = text(record.middleNames)
    if (givenRaw !== '' || middleRaw !== '') {
      const key = middleRaw === '' ? givenRaw : `${givenRaw}\u0001${middleRaw}`
      let given = c.given.get(key)
      if (!given) {
        const tokens = normaliseGivenName(givenRaw, middleRaw)?.tokens ?? []
        given = {
          ids: tokens.slice(0, 4).map(token => this.internName(token)),
          unparsedGiven: givenRaw !== '' && !hasLetter(givenRaw),
          unparsedMiddle: middleRaw !== '' && !hasLetter(middleRaw),
        }
        c.given.set(key, given)
      }
      this.setGiven(r, given.ids)
      if (given.unparsedGiven) unparsed.given_name++
      if (given.unparsedMiddle) unparsed.middle_names++
    }
    const familyRaw = text(record.familyName)
    if (familyRaw !== '') {
      let family = c.family.get(familyRaw)
      if (!family) {
        const parsed = normaliseFamilyName(familyRaw)
        family = { ids: parsed ? this.familyIds(parsed) : [], unparsed: !hasLetter(familyRaw) }
        c.family.set(familyRaw, family)
      }
      this.setFamily(r, family.ids)
      if (family.unparsed) unparsed.family_name++
    }
    const dobRaw = text(record.dateOfBirth)
    if (dobRaw !== '') {
      let dob = c.dob.get(dobRaw)
      if (dob === undefined) {
        const parsed = parseDateOfBirth(dobRaw, context)
        dob = parsed.kind === 'date' ? parsed.value : parsed.kind === 'unparsed' ? -1 : 0
        c.dob.set(dobRaw, dob)
      }
      if (dob === -1) unparsed.date_of_birth++
      else this.setDob(r, dob)
    }
    const sexRaw = text(record.sex)
    if (sexRaw !== '') {
      let sex = c.sex.get(sexRaw)
      if (sex === undefined) {
        const parsed = parseSex(sexRaw)
        sex = parsed.kind === 'sex' ? parsed.value : parsed.kind === 'unparsed' ? -1 : SEX_UNKNOWN
        c.sex.set(sexRaw, sex)
      }
      if (sex === -1) unparsed.sex++
      else {
        v.sex[r] = sex
        if (sex !== 0) v.totals.sex++
      }
    }
    const postcodeRaw = text(record.postcode)
    if (postcodeRaw !== '') {
      let ids = c.postcode.get(postcodeRaw)
      if (ids === undefined && !c.postcode.has(postcodeRaw)) {
        const parsed = parsePostcode(postcodeRaw, context.postcodeMode)
        ids =
          parsed.kind === 'uk' || parsed.kind === 'foreign'
            ? this.postcodeIds(parsed)
            : parsed.kind === 'unparsed'
              ? []
              : undefined
        c.postcode.set(postcodeRaw, ids)
      }
      if (ids && ids.length === 0) unparsed.postcode++
      else if (ids) this.setPostcode(r, ids)
    }
    const addressRaw = text(record.address)
    if (addressRaw !== '') {
      let ids = c.address.get(addressRaw)
      if (ids === undefined) {
        ids = this.addressIds(normaliseAddress(addressRaw))
        c.address.set(addressRaw, ids)
      }
      if (ids.length === 0) unparsed.address++
      else this.setAddress(r, ids)
    }
    if (record.nhsNumber) {
      const nhs = parseNhsNumber(record.nhsNumber)
      if (nhs.kind === 'unparsed') unparsed.nhs_number++
      else this.setIdentifier(r, 'nhs', nhs)
    }
    if (record.upn) {
      const upn = parseUpn(record.upn)
      if (upn.kind === 'unparsed') unparsed.upn++
      else this.setIdentifier(r, 'upn', upn)
    }
    if (record.email) {
      const email = parseEmail(record.email)
      if (email.kind === 'unparsed') unparsed.email++
      else if (email.kind === 'id') this.setContact(r, 'email', email.value)
    }
    if (record.phone) {
      const phone = parsePhone(record.phone)
      if (phone.kind === 'unparsed') unparsed.phone++
      else if (phone.kind === 'id') this.setContact(r, 'phone', phone.value)
    }
    v.count = r + 1
    return r
  }

  /** Drop the normalisation caches of `addSource` (a batch keeps them only while it loads). */
  releaseCaches(): void {
    for (const cache of Object.values(this.caches)) cache.clear()
  }

  /** The id of a name already in the store, or -1. */
  nameId(name: string): number {
    return this.nameDict.get(name)
  }

  soundexOf(nameId: number): string {
    return this.soundexDict.values[this.view.nameSoundex[nameId] as number] ?? ''
  }

  get dictionarySizes() {
    return {
      names: this.nameDict.size,
      sounds: this.soundDict.size,
      soundex: this.soundexDict.size,
      postcodes: this.postcodeDict.size,
      addresses: this.addressDict.size,
      addressWords: this.addressWordDict.size,
      identifiers: this.identifierDict.size,
      dates: this.dobDict.size,
    }
  }
}
