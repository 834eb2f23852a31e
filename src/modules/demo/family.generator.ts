import type { NewEventRow, NewEventSubjectRow } from '../chronology/index.ts'
import type {
  NewHouseholdMemberRow,
  NewHouseholdRow,
  NewPersonRow,
  NewRelationshipRow,
  NewSourceRecordRow,
  RelationshipType,
} from '../people/index.ts'
import { CaseHistory, type HistoryOutput } from './case-history.ts'
import { maybeWritePattern } from './case-patterns.ts'
import { ageInYears, isoDay, timestampOn } from './demo-calendar.ts'
import type { ChildMember, FamilyExtras, FamilyModel, FamilyStructure, Member } from './demo-family.ts'
import type { DemoPattern } from './demo.schema.ts'
import {
  Heritage,
  districts,
  elsewhere,
  feminineSurname,
  heritageShares,
  namePools,
  olderMen,
  olderWomen,
  sikhSurnames,
  streetStems,
  streetSuffixes,
  womensTitleSurnames,
} from './names.data.ts'
import type { LocalAgency, PartnershipIndex } from './organisations.generator.ts'
import { viewOfChild, type ChildTruth, type RecordKeeper, type Variation } from './record-variation.ts'
import { householdYear, routineYear } from './routine-events.ts'
import {
  IdKind,
  Random,
  Stream,
  demoUuid,
  mix32,
  rankedTable,
  weightedTable,
  type WeightedTable,
} from './seeded-random.ts'
import { syntheticNhsNumber, syntheticUpn, unitPostcode } from './synthetic-identifiers.ts'

/** Rows for one batch of families, appended to by each family in turn, with tallies for reporting and tests. */
export type FamilySink = {
  readonly people: NewPersonRow[]
  readonly sourceRecords: NewSourceRecordRow[]
  readonly households: NewHouseholdRow[]
  readonly householdMembers: NewHouseholdMemberRow[]
  readonly relationships: NewRelationshipRow[]
  readonly events: NewEventRow[]
  readonly subjects: NewEventSubjectRow[]
  readonly patterns: Map<DemoPattern, number>
  readonly variations: Map<Variation, number>
}

/**
 * Numbers that run across families: they give each person a distinct NHS number and each child a distinct UPN
 * and local record numbers. They advance in family order, so they too are independent of the batch size.
 */
export type RunningCounters = { personOrdinal: number; childOrdinal: number }

const YEAR = 365.25
const STREETS_PER_DISTRICT = 120

type NameTables = {
  boys: WeightedTable<string>
  girls: WeightedTable<string>
  men: WeightedTable<string>
  women: WeightedTable<string>
  surnames: WeightedTable<string>
}
const nameTables = Object.fromEntries(
  Heritage.map(h => {
    const pool = namePools[h]
    return [
      h,
      {
        boys: rankedTable(pool.boys, 0.7),
        girls: rankedTable(pool.girls, 0.7),
        men: rankedTable(pool.men, 0.7),
        women: rankedTable(pool.women, 0.7),
        surnames: rankedTable(pool.surnames),
      },
    ]
  }),
) as Record<Heritage, NameTables>
const olderTables = { men: rankedTable(olderMen, 0.5), women: rankedTable(olderWomen, 0.5) }
const heritageTable = weightedTable(heritageShares)
const districtTable = weightedTable(districts.map((d, i) => [i, d.share] as const))
const childCountTable = weightedTable([
  [1, 40],
  [2, 35],
  [3, 15],
  [4, 6],
  [5, 3],
  [6, 1],
])
const structureTable = weightedTable<FamilyStructure>([
  ['two-parents', 56],
  ['lone-mother', 22],
  ['mother-and-partner', 9],
  ['mother-and-step-father', 6],
  ['lone-father', 3],
  ['grandparent-carer', 4],
])

function streetName(district: number, street: number): string {
  const stem = streetStems[(street * 7 + district * 13) % streetStems.length] as string
  const suffix = streetSuffixes[
    (street * 3 + district + Math.floor(street / streetStems.length)) % streetSuffixes.length
  ] as string
  return `${stem} ${suffix}`
}

type Address = { line: string; town: string; postcode: string; district: number; street: number }

function drawAddress(r: Random, district: number, outside = false): Address {
  if (outside) {
    const place = r.pick(elsewhere)
    const street = r.int(0, STREETS_PER_DISTRICT - 1)
    const house = r.int(1, 160)
    return {
      line: `${house} ${streetName(99, street)}`,
      town: place.town,
      postcode: unitPostcode(place.outward, r.int(0, 3999)),
      district: -1,
      street,
    }
  }
  const d = districts[district] ?? districts[0]!
  const street = r.int(0, STREETS_PER_DISTRICT - 1)
  const house = r.int(1, 160)
  const flat = r.chance(0.15) ? `Flat ${r.int(1, 12)}, ` : ''
  // Postcodes follow the street and a band of house numbers, so neighbours share one, as they do.
  const unit = mix32(district * 1_000_003 + street * 1009 + Math.floor(house / 24)) % 4000
  return {
    line: `${flat}${house} ${streetName(district, street)}`,
    town: d.town,
    postcode: unitPostcode(d.outward, unit),
    district,
    street,
  }
}

const fullAddress = (a: Address) => `${a.line}, ${a.town}`

function otherHeritage(r: Random, not: Heritage): Heritage {
  const others = Heritage.filter(h => h !== not)
  return r.pick(others)
}

/**
 * One family: its people, households, relationships, each child's records as each agency holds them, and its
 * year of events. Everything random comes from the family's own stream, Random.for(seed, family, index).
 * Returns how many children it made (at most `maxChildren`, so the total comes out exact).
 */
export function generateFamily(
  seed: number,
  partnership: PartnershipIndex,
  familyIndex: number,
  maxChildren: number,
  counters: RunningCounters,
  sink: FamilySink,
): number {
  const r = Random.for(seed, Stream.family, familyIndex)
  let personCount = 0
  let householdCount = 0
  let relationshipCount = 0
  let sourceCount = 0
  let eventCount = 0
  const personId = () => demoUuid(seed, IdKind.person, familyIndex, personCount++)
  const householdId = () => demoUuid(seed, IdKind.household, familyIndex, householdCount++)

  // ---------------------------------------------------------------------------- who the family are
  const drawn = r.weighted(heritageTable)
  const motherHeritage: Heritage = drawn === 'mixed' ? r.pick(Heritage) : drawn
  const fatherHeritage: Heritage = drawn === 'mixed' ? otherHeritage(r, motherHeritage) : drawn
  const sikh = drawn === 'south-asian' && r.chance(0.15)
  let structure = r.weighted(structureTable)

  const births: number[] = [-r.int(0, Math.floor(17.99 * YEAR))]
  const wanted = Math.min(maxChildren, r.weighted(childCountTable))
  while (births.length < wanted) {
    const last = births[births.length - 1] as number
    if (r.chance(0.015)) {
      births.push(last) // twins: same date of birth, same surname, same address (linkage's twin guard)
      continue
    }
    const next = last + r.around(900, 1400, 330, 2400)
    if (next > 0) break
    births.push(next)
  }
  const eldestBirth = births[0] as number
  const youngestBirth = births[births.length - 1] as number

  const motherBirth = eldestBirth - Math.round(r.around(28, 14, 17, 42) * YEAR) - r.int(0, 364)
  const fatherBirth = motherBirth - Math.round(r.around(2, 8, -4, 12) * YEAR) + r.int(-180, 180)
  const tables = { mother: nameTables[motherHeritage], father: nameTables[fatherHeritage] }

  const maiden = sikh ? (r.chance(0.5) ? 'Kaur' : r.pick(sikhSurnames)) : r.weighted(tables.mother.surnames)
  const fatherSurname = sikh ? (r.chance(0.5) ? 'Singh' : r.pick(sikhSurnames)) : r.weighted(tables.father.surnames)
  const married = structure === 'two-parents' && r.chance(0.55)
  let motherSurname = married
    ? feminineSurname(fatherSurname === 'Singh' ? 'Kaur' : fatherSurname, fatherHeritage)
    : feminineSurname(maiden, motherHeritage)
  if (drawn === 'south-asian' && !sikh && r.chance(0.15)) motherSurname = r.pick(womensTitleSurnames)

  // Step-families and new partners need the children to be old enough for there to have been a "before".
  if (structure === 'mother-and-step-father' && eldestBirth > -900) structure = 'mother-and-partner'

  const surnameRoll = r.next()
  const baseChildSurname = (() => {
    if (structure === 'two-parents' && married) return fatherSurname
    if (structure === 'lone-father') return fatherSurname
    if (surnameRoll < 0.5) return fatherSurname
    if (surnameRoll < 0.82 || sikh || maiden.includes('-') || fatherSurname.includes('-') || maiden === fatherSurname)
      return maiden
    return `${maiden}-${fatherSurname}`
  })()
  const childSurname = (sex: 'M' | 'F') => {
    if (sikh && (baseChildSurname === 'Singh' || baseChildSurname === 'Kaur')) return sex === 'F' ? 'Kaur' : 'Singh'
    const heritage = baseChildSurname === fatherSurname ? fatherHeritage : motherHeritage
    return sex === 'F' ? feminineSurname(baseChildSurname, heritage) : baseChildSurname
  }

  const adultMember = (sex: 'M' | 'F', table: NameTables, familyName: string, birthDay: number): Member => ({
    id: personId(),
    givenName: r.weighted(sex === 'M' ? table.men : table.women),
    familyName,
    sex,
    birthDay,
  })
  const mother = adultMember('F', tables.mother, motherSurname, motherBirth)
  const father = adultMember('M', tables.father, fatherSurname, fatherBirth)

  let partner: Member | undefined
  let partnerJoinedDay: number | undefined
  let stepParent: Member | undefined
  let stepStartDay: number | undefined
  let grandparent: Member | undefined
  if (structure === 'mother-and-partner') {
    const partnerHeritage = r.chance(0.8) ? motherHeritage : 'white-british'
    partner = adultMember(
      'M',
      nameTables[partnerHeritage],
      r.weighted(nameTables[partnerHeritage].surnames),
      motherBirth + Math.round(r.around(0, 14, -8, 8) * YEAR) - r.int(0, 364),
    )
    partnerJoinedDay = r.int(-420, -30)
  } else if (structure === 'mother-and-step-father') {
    const stepHeritage = r.chance(0.8) ? motherHeritage : 'white-british'
    stepParent = adultMember(
      'M',
      nameTables[stepHeritage],
      r.weighted(nameTables[stepHeritage].surnames),
      motherBirth - Math.round(r.around(2, 8, -4, 10) * YEAR) - r.int(0, 364),
    )
    stepStartDay = r.int(Math.max(eldestBirth + 365, -3650), -420)
    if (r.chance(0.5)) motherSurname = stepParent.familyName
  } else if (structure === 'grandparent-carer') {
    const sex = r.chance(0.85) ? 'F' : 'M'
    const older = sex === 'F' ? olderTables.women : olderTables.men
    grandparent = {
      id: personId(),
      givenName: r.weighted(older),
      familyName: maiden,
      sex,
      birthDay: motherBirth - Math.round(r.around(25, 10, 17, 34) * YEAR) - r.int(0, 364),
    }
  }
  const finalMother: Member = { ...mother, familyName: motherSurname }

  const residentMother = structure === 'lone-father' || structure === 'grandparent-carer' ? undefined : finalMother
  const residentFather = structure === 'two-parents' || structure === 'lone-father' ? father : undefined
  const otherParentKnown = r.chance(0.6)
  const otherParent =
    structure === 'lone-father' || structure === 'grandparent-carer'
      ? finalMother
      : !residentFather && otherParentKnown
        ? father
        : undefined

  // ---------------------------------------------------------------------------- where they live
  const district = r.weighted(districtTable)
  const home = drawAddress(r, district)
  const sharedCare =
    structure !== 'grandparent-carer' &&
    otherParent !== undefined &&
    otherParent === father &&
    youngestBirth + 90 < -30 &&
    r.chance(0.35)
  let moveDay: number | undefined
  let previous: Address | undefined
  let movedFromElsewhere = false
  if (sharedCare) {
    // The parents separated; the mother moved out with the children, who still stay with their father.
    moveDay = r.int(Math.max(youngestBirth + 90, -2200), -30)
    previous = drawAddress(r, r.weighted(districtTable))
  } else if (r.chance(0.25)) {
    moveDay = r.int(-1095, -20)
    movedFromElsewhere = r.chance(0.15)
    previous = drawAddress(r, r.weighted(districtTable), movedFromElsewhere)
  }
  const temporaryAccommodation = moveDay !== undefined && moveDay > -365 && !sharedCare && r.chance(0.12)
  const needsInterpreter = (motherHeritage === 'eastern-european' || motherHeritage === 'south-asian') && r.chance(0.25)
  const locality = (home.district * 17 + home.street) % partnership.localities

  // ---------------------------------------------------------------------------- services
  const gp = partnership.gpPractices[r.pick(partnership.gpsByDistrict[district] ?? [0])] as LocalAgency
  const primary = partnership.primarySchools[r.pick(partnership.primariesByDistrict[district] ?? [0])]
  const secondary = partnership.secondarySchools[r.pick(partnership.secondariesByDistrict[district] ?? [0])]

  const children: ChildMember[] = []
  const childTables = (sex: 'M' | 'F') => {
    const heritage = r.chance(0.5) ? motherHeritage : fatherHeritage
    return sex === 'M' ? nameTables[heritage].boys : nameTables[heritage].girls
  }
  const middles: (string | null)[] = []
  for (const birthDay of births) {
    const sex = r.chance(0.51) ? 'M' : 'F'
    let givenName = r.weighted(childTables(sex))
    for (let attempt = 0; attempt < 3 && children.some(c => c.givenName === givenName); attempt++)
      givenName = r.weighted(childTables(sex))
    let middle: string | null = r.chance(0.55) ? r.weighted(childTables(sex)) : null
    if (middle === givenName) middle = null
    if (sikh && baseChildSurname !== 'Singh' && baseChildSurname !== 'Kaur') middle = sex === 'M' ? 'Singh' : 'Kaur'
    middles.push(middle)
    const age = ageInYears(birthDay, 0)
    const school =
      age >= 4 && age <= 10
        ? primary
        : age >= 11 && age <= 15
          ? secondary
          : age >= 16 && r.chance(0.6)
            ? secondary
            : undefined
    children.push({
      id: personId(),
      givenName,
      familyName: childSurname(sex),
      sex,
      birthDay,
      school: r.chance(0.995) ? school : undefined,
    })
  }

  const family: FamilyModel = {
    index: familyIndex,
    structure,
    district,
    postcode: home.postcode,
    moveDay,
    previousPostcode: previous?.postcode,
    movedFromElsewhere,
    temporaryAccommodation,
    needsInterpreter,
    mother: residentMother,
    father: residentFather,
    partner,
    partnerJoinedDay,
    stepParent,
    grandparent,
    otherParent,
    children,
    gp,
    healthVisitors: partnership.community.healthVisiting[locality] ?? partnership.community.healthVisiting[0]!,
    assessmentTeam: partnership.council.assessment[locality] ?? partnership.council.assessment[0]!,
    childProtectionTeam: partnership.council.childProtection[locality] ?? partnership.council.childProtection[0]!,
  }

  // ---------------------------------------------------------------------------- rows: people
  const adultRow = (m: Member): NewPersonRow => ({
    id: m.id,
    kind: 'adult',
    givenName: m.givenName,
    middleNames: null,
    familyName: m.familyName,
    dateOfBirth: isoDay(m.birthDay),
    sex: m.sex,
    nhsNumber: r.chance(0.96) ? (syntheticNhsNumber(seed, counters.personOrdinal++) ?? null) : null,
    upn: null,
  })
  const adults = [residentMother, residentFather, partner, stepParent, grandparent, otherParent].filter(
    (m, i, all): m is Member => m !== undefined && all.indexOf(m) === i,
  )
  for (const adult of adults) sink.people.push(adultRow(adult))

  const truths: ChildTruth[] = []
  const upns: (string | null)[] = []
  const ordinals: number[] = []
  children.forEach((child, i) => {
    const nhsNumber = r.chance(0.995) ? (syntheticNhsNumber(seed, counters.personOrdinal++) ?? null) : null // a few arrived from abroad without one
    const ordinal = counters.childOrdinal++
    ordinals.push(ordinal)
    const upn = ageInYears(child.birthDay, 0) >= 4 ? syntheticUpn(seed, ordinal) : null
    upns.push(upn)
    const middleNames = middles[i] ?? null
    sink.people.push({
      id: child.id,
      kind: 'child',
      givenName: child.givenName,
      middleNames,
      familyName: child.familyName,
      dateOfBirth: isoDay(child.birthDay),
      sex: child.sex,
      nhsNumber,
      upn,
    })
    const bornBeforeMove = moveDay !== undefined && child.birthDay < moveDay
    truths.push({
      givenName: child.givenName,
      middleNames,
      familyName: child.familyName,
      dateOfBirth: isoDay(child.birthDay),
      sex: child.sex,
      nhsNumber,
      postcode: home.postcode,
      address: fullAddress(home),
      previousPostcode: bornBeforeMove && previous ? previous.postcode : null,
      previousAddress: bornBeforeMove && previous ? fullAddress(previous) : null,
    })
  })

  // ---------------------------------------------------------------------------- rows: households
  const mainId = householdId()
  sink.households.push({ id: mainId, address: fullAddress(home), postcode: home.postcode, area: home.town })
  const settledDay = moveDay ?? eldestBirth - r.int(0, 1500)
  const starts = new Map<Member, number>()
  if (partner && partnerJoinedDay !== undefined) starts.set(partner, partnerJoinedDay)
  if (stepParent && stepStartDay !== undefined) starts.set(stepParent, stepStartDay)
  const residents = [residentMother, residentFather, partner, stepParent, grandparent].filter(
    (m): m is Member => m !== undefined,
  )
  for (const adult of residents) {
    sink.householdMembers.push({
      personId: adult.id,
      householdId: mainId,
      fromDate: isoDay(Math.max(settledDay, starts.get(adult) ?? settledDay)),
      toDate: null,
    })
  }
  for (const child of children) {
    sink.householdMembers.push({
      personId: child.id,
      householdId: mainId,
      fromDate: isoDay(Math.max(settledDay, child.birthDay)),
      toDate: null,
    })
  }
  if (previous && moveDay !== undefined) {
    const previousId = householdId()
    const previousFrom = moveDay - r.int(400, 2500)
    sink.households.push({
      id: previousId,
      address: fullAddress(previous),
      postcode: previous.postcode,
      area: previous.town,
    })
    const before = (start: number) => isoDay(Math.max(previousFrom, start))
    const left = isoDay(moveDay - 1)
    if (sharedCare) {
      // The old family home is the father's now; the children are members of both households.
      sink.householdMembers.push({
        personId: father.id,
        householdId: previousId,
        fromDate: isoDay(previousFrom),
        toDate: null,
      })
      if (residentMother)
        sink.householdMembers.push({
          personId: residentMother.id,
          householdId: previousId,
          fromDate: isoDay(previousFrom),
          toDate: left,
        })
      for (const child of children)
        sink.householdMembers.push({
          personId: child.id,
          householdId: previousId,
          fromDate: before(child.birthDay),
          toDate: null,
        })
    } else {
      for (const adult of residents) {
        const start = starts.get(adult)
        if (start !== undefined && start >= moveDay) continue
        sink.householdMembers.push({
          personId: adult.id,
          householdId: previousId,
          fromDate: before(start ?? previousFrom),
          toDate: left,
        })
      }
      for (const child of children) {
        if (child.birthDay < moveDay)
          sink.householdMembers.push({
            personId: child.id,
            householdId: previousId,
            fromDate: before(child.birthDay),
            toDate: left,
          })
      }
    }
  }

  // ---------------------------------------------------------------------------- rows: relationships
  const relate = (child: Member, adult: Member, type: RelationshipType, fromDay: number | undefined) => {
    sink.relationships.push({
      id: demoUuid(seed, IdKind.relationship, familyIndex, relationshipCount++),
      personId: child.id,
      relatedPersonId: adult.id,
      type,
      fromDate: fromDay === undefined ? null : isoDay(fromDay),
      toDate: null,
    })
  }
  for (const child of children) {
    if (residentMother) relate(child, residentMother, 'parent', child.birthDay)
    if (residentFather) relate(child, residentFather, 'parent', child.birthDay)
    if (otherParent) relate(child, otherParent, 'parent', child.birthDay)
    if (partner) relate(child, partner, 'mother-partner', partnerJoinedDay)
    if (stepParent) relate(child, stepParent, 'step-parent', stepStartDay)
    if (grandparent) relate(child, grandparent, 'grandparent', child.birthDay)
    for (const sibling of children)
      if (sibling !== child) relate(child, sibling, 'sibling', Math.max(child.birthDay, sibling.birthDay))
  }

  // ---------------------------------------------------------------------------- the year
  const extras: FamilyExtras = {
    addAdult({ sex, age, older }) {
      const heritage = r.pick(Heritage)
      const table = nameTables[heritage]
      const given = older
        ? r.weighted(sex === 'F' ? olderTables.women : olderTables.men)
        : r.weighted(sex === 'F' ? table.women : table.men)
      const member: Member = {
        id: personId(),
        givenName: given,
        familyName: older
          ? maiden
          : sex === 'F'
            ? feminineSurname(r.weighted(table.surnames), heritage)
            : r.weighted(table.surnames),
        sex,
        birthDay: -Math.round(age * YEAR) - r.int(0, 364),
      }
      sink.people.push(adultRow(member))
      return member
    },
    relate,
  }
  const involvement = new Map<string, Map<RecordKeeper, number>>()
  const output: HistoryOutput = {
    events: sink.events,
    subjects: sink.subjects,
    nextEventId: () => demoUuid(seed, IdKind.event, familyIndex, eventCount++),
    involvement,
  }
  const history = new CaseHistory(family, partnership, r, output, extras)
  for (const child of children) routineYear(history, child)
  householdYear(history)
  const pattern = maybeWritePattern(history)
  if (pattern) sink.patterns.set(pattern, (sink.patterns.get(pattern) ?? 0) + 1)

  // ---------------------------------------------------------------------------- rows: source records
  children.forEach((child, i) => {
    const truth = truths[i] as ChildTruth
    const ordinal = ordinals[i] as number
    const involved = involvement.get(child.id) ?? new Map<RecordKeeper, number>()
    const age = ageInYears(child.birthDay, 0)
    const keepers = new Map<RecordKeeper, number>(involved)
    if (r.chance(0.97) && !keepers.has('gp')) keepers.set('gp', Math.max(child.birthDay + 14, moveDay ?? -Infinity))
    if (child.school && !keepers.has('school'))
      keepers.set(
        'school',
        Math.max(child.birthDay + Math.round(4 * YEAR), moveDay ?? -Infinity, -400 - r.int(0, 1500)),
      )
    if (age < 5 && !keepers.has('health-visiting')) keepers.set('health-visiting', child.birthDay + 10)
    if (!keepers.has('hospital') && (child.birthDay > -YEAR ? r.chance(0.6) : r.chance(0.15)))
      keepers.set('hospital', child.birthDay)
    if (keepers.size === 0) keepers.set('hospital', child.birthDay) // born at Northam General, if nothing else
    const order: RecordKeeper[] = ['social-care', 'police', 'gp', 'school', 'health-visiting', 'hospital']
    const chosen = order.filter(k => keepers.has(k)).slice(0, 4)
    for (const keeper of chosen) {
      const agencyId =
        keeper === 'gp'
          ? gp.id
          : keeper === 'school'
            ? child.school?.id
            : keeper === 'health-visiting'
              ? partnership.community.id
              : keeper === 'hospital'
                ? partnership.hospital.id
                : keeper === 'police'
                  ? partnership.police.id
                  : partnership.council.id
      if (!agencyId) continue
      const view = viewOfChild(truth, keeper, r)
      for (const variation of view.variations) sink.variations.set(variation, (sink.variations.get(variation) ?? 0) + 1)
      sink.sourceRecords.push({
        id: demoUuid(seed, IdKind.sourceRecord, familyIndex, sourceCount++),
        personId: child.id,
        agencyId,
        localId: localIdFor(keeper, ordinal),
        givenName: view.givenName,
        middleNames: view.middleNames,
        familyName: view.familyName,
        dateOfBirth: view.dateOfBirth,
        sex: view.sex,
        postcode: view.postcode,
        address: view.address,
        nhsNumber: view.nhsNumber,
        upn: keeper === 'school' ? (upns[i] ?? null) : null,
        recordedAt: timestampOn(
          Math.min(0, Math.max(child.birthDay, keepers.get(keeper) ?? child.birthDay)),
          r.int(8 * 60, 18 * 60),
        ),
      })
    }
  })
  return children.length
}

/** Each agency numbers its records its own way; the child's ordinal keeps them unique within the agency. */
function localIdFor(keeper: RecordKeeper, ordinal: number): string {
  const n = String(ordinal + 100_000).padStart(7, '0')
  switch (keeper) {
    case 'gp':
      return `P${n}`
    case 'school':
      return `ADM${n}`
    case 'health-visiting':
      return `S1-${n}`
    case 'hospital':
      return `NGH${n}`
    case 'police':
      return `NOM/${n}`
    case 'social-care':
      return `LCS${n}`
  }
}
