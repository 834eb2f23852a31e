import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { before, describe, it } from 'node:test'
import { EventType } from '../chronology/index.ts'
import { RelationshipType, isValidNhsNumber } from '../people/index.ts'
import { RoleId } from '../../platform/access/index.ts'
import { listDemoAccounts } from './demo-accounts.ts'
import { FIRST_EVENT_DAY, REFERENCE_DATE, isoDay } from './demo-calendar.ts'
import { generateDemoPartnership, type DemoBatch } from './demo-partnership.generator.ts'
import { DemoPattern } from './demo.schema.ts'
import { diminutives } from './nicknames.data.ts'
import { mistypeDate } from './record-variation.ts'
import { Random } from './seeded-random.ts'
import { isValidUpn } from './synthetic-identifiers.ts'

type Rows = Omit<DemoBatch, 'patterns' | 'variations' | 'children' | 'families'> & {
  children: number
  families: number
  patterns: Map<string, number>
  variations: Map<string, number>
  batches: number
}

function collect(children: number, seed: number, familiesPerBatch?: number): Rows {
  const demo = generateDemoPartnership({ children, seed, familiesPerBatch })
  const all: Rows = {
    people: [],
    sourceRecords: [],
    households: [],
    householdMembers: [],
    relationships: [],
    events: [],
    subjects: [],
    children: 0,
    families: 0,
    patterns: new Map(),
    variations: new Map(),
    batches: 0,
  }
  for (const batch of demo.batches()) {
    all.people.push(...batch.people)
    all.sourceRecords.push(...batch.sourceRecords)
    all.households.push(...batch.households)
    all.householdMembers.push(...batch.householdMembers)
    all.relationships.push(...batch.relationships)
    all.events.push(...batch.events)
    all.subjects.push(...batch.subjects)
    all.children += batch.children
    all.families += batch.families
    all.batches++
    for (const [k, n] of batch.patterns) all.patterns.set(k, (all.patterns.get(k) ?? 0) + n)
    for (const [k, n] of batch.variations) all.variations.set(k, (all.variations.get(k) ?? 0) + n)
  }
  return all
}

function digest(rows: Rows): string {
  const hash = createHash('sha256')
  for (const key of [
    'people',
    'sourceRecords',
    'households',
    'householdMembers',
    'relationships',
    'events',
    'subjects',
  ] as const) {
    for (const row of rows[key]) hash.update(JSON.stringify(row))
  }
  return hash.digest('hex')
}

// The detail fields of each event type in contracts/timeline.md, transcribed independently of event-details.ts.
const contractFields: Record<string, string[]> = {
  'concern.raised': ['referrer', 'referrerRef', 'about', 'category', 'summary'],
  'evidence.received': ['kind', 'from', 'summary'],
  'referral.decision': ['outcome', 'referrerContacted', 'reason'],
  'case.opened': ['service'],
  'case.closed': ['reason'],
  'assessment.completed': ['outcome', 'riskLevel', 'childSeenAlone', 'basis'],
  'risk.rating-changed': ['from', 'to'],
  'strategy-discussion.held': ['outcome', 'agencies'],
  'section-47.completed': ['outcome', 'medical'],
  'conference.held': ['kind', 'outcome'],
  'plan.started': ['category'],
  'plan.ended': ['category'],
  'legal.meeting': ['kind', 'outcome', 'remote'],
  'visit.completed': ['childSeen', 'seenAlone', 'announced', 'remote', 'location', 'othersPresent', 'interpreter'],
  'visit.no-access': ['announced', 'reason'],
  'appointment.attended': ['service'],
  'appointment.was-not-brought': ['service', 'reason', 'rebooked'],
  'appointment.cancelled': ['service', 'by', 'reason', 'rebooked'],
  'hospital.attendance': ['reason', 'delayDays'],
  'injury.observed': ['site', 'kind', 'observed', 'explanation', 'explanationSource', 'childMobile', 'medical'],
  'medical.examination': ['findings'],
  'health.growth': ['weightCentile', 'trend'],
  'pregnancy.noted': ['person', 'dueDay'],
  'home.conditions': ['sleep', 'conditions', 'temporaryAccommodation'],
  'school.absence': ['sessions'],
  'school.exclusion': ['kind'],
  'school.roll-change': ['to'],
  'school.concern': ['summary'],
  'police.domestic-abuse': ['riskLevel', 'childPresent', 'perpetrator', 'victim'],
  'police.call-out': ['summary'],
  'police.arrest': ['person', 'offence', 'outOfArea'],
  'police.record': ['person', 'kind', 'offence'],
  'police.check': ['about', 'result'],
  'missing.episode': ['hours', 'returnInterview', 'foundOutOfArea'],
  'household.joined': ['person', 'checked'],
  'household.left': ['person', 'checked'],
  'household.moved': ['newArea', 'newPostcode', 'temporaryAccommodation'],
  'adult.mental-health': ['person', 'severity'],
  'adult.substance-misuse': ['person', 'severity'],
  'agreement.made': ['summary'],
  'agreement.kept': ['summary'],
  'agreement.broken': ['summary'],
  'information.requested': ['from', 'requestRef'],
  'information.provided': ['to', 'requestRef'],
  'service.restricted': ['reason', 'untilDay'],
  'exploitation.indicator': ['indicator'],
  'association.recorded': ['person', 'kind', 'source', 'reliability', 'untilDay'],
  'place.linked': ['place', 'kind', 'source', 'reliability'],
  'nrm.referral': [],
  'child.voice-recorded': ['summary'],
  'disagreement.raised': ['stage', 'summary'],
  'disagreement.resolved': ['stage', 'summary'],
  'incident.serious': ['summary'],
}
const personRefFields = ['referrerRef', 'about', 'person', 'perpetrator', 'victim']

describe('the demo partnership generator', () => {
  let rows: Rows
  let demo: ReturnType<typeof generateDemoPartnership>
  before(() => {
    rows = collect(2000, 7)
    demo = generateDemoPartnership({ children: 2000, seed: 7 })
  })

  describe('determinism', () => {
    it('gives identical rows for the same seed', () => {
      assert.equal(digest(collect(300, 42)), digest(collect(300, 42)))
      assert.deepEqual(
        generateDemoPartnership({ children: 300, seed: 42 }).partnership,
        generateDemoPartnership({ children: 300, seed: 42 }).partnership,
      )
    })

    it('gives different rows for a different seed', () => {
      assert.notEqual(digest(collect(300, 42)), digest(collect(300, 43)))
    })

    it('gives the same rows whatever the batch size', () => {
      const small = collect(500, 42, 7)
      assert.ok(small.batches > 30)
      assert.equal(digest(small), digest(collect(500, 42)))
    })

    it('gives a prefix of a larger seed’s families', () => {
      // Family n does not depend on how many children were asked for, only the last family is cut short.
      const smaller = collect(200, 5)
      const larger = collect(400, 5)
      assert.deepEqual(smaller.households.slice(0, 50), larger.households.slice(0, 50))
    })
  })

  describe('counts', () => {
    it('makes exactly the children asked for, in families with adults', () => {
      assert.equal(rows.children, 2000)
      assert.equal(rows.people.filter(p => p.kind === 'child').length, 2000)
      const adults = rows.people.filter(p => p.kind === 'adult').length
      assert.ok(adults > 1500 && adults < 4000, `${adults} adults`)
      assert.ok(rows.families > 800 && rows.families < 1400, `${rows.families} families`)
    })

    it('gives every id once', () => {
      for (const key of ['people', 'sourceRecords', 'households', 'relationships', 'events'] as const) {
        const ids = rows[key].map(r => r.id)
        assert.equal(new Set(ids).size, ids.length, key)
        assert.ok(
          ids.every(
            id =>
              typeof id === 'string' &&
              /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
          ),
          `${key} ids are v4-shaped`,
        )
      }
      assert.equal(new Set(demo.partnership.practitioners.map(p => p.id)).size, demo.partnership.practitioners.length)
    })

    it('gives each child one to four source records from different agencies', () => {
      const byChild = new Map<string, string[]>()
      for (const record of rows.sourceRecords)
        byChild.set(record.personId, [...(byChild.get(record.personId) ?? []), record.agencyId])
      const children = rows.people.filter(p => p.kind === 'child')
      for (const child of children) {
        const agencies = byChild.get(child.id!) ?? []
        assert.ok(agencies.length >= 1 && agencies.length <= 4, `${agencies.length} records`)
        assert.equal(new Set(agencies).size, agencies.length)
      }
      const keys = rows.sourceRecords.map(r => `${r.agencyId}/${r.localId}`)
      assert.equal(new Set(keys).size, keys.length, 'local ids are unique within an agency')
    })

    it('scales the partnership with the number of children', () => {
      const large = generateDemoPartnership({ children: 250_000, seed: 7 }).partnership
      assert.ok(large.agencies.length > demo.partnership.agencies.length * 10)
      assert.equal(new Set(large.agencies.map(a => a.code)).size, large.agencies.length)
      assert.equal(new Set(large.agencies.map(a => a.name)).size, large.agencies.length)
    })
  })

  describe('households and relationships', () => {
    it('puts every child in a household, and only known people in households', () => {
      const people = new Set(rows.people.map(p => p.id))
      const households = new Set(rows.households.map(h => h.id))
      const housed = new Set(rows.householdMembers.map(m => m.personId))
      for (const person of rows.people)
        if (person.kind === 'child') assert.ok(housed.has(person.id!), 'child without a household')
      for (const member of rows.householdMembers) {
        assert.ok(people.has(member.personId) && households.has(member.householdId))
        assert.ok(!member.toDate || member.toDate >= member.fromDate)
      }
      for (const household of rows.households) assert.match(household.postcode, /^[A-Z]{2}\d{1,2} \d[A-Z]{2}$/)
    })

    it('has some children living across two households', () => {
      const current = new Map<string, number>()
      for (const m of rows.householdMembers) if (!m.toDate) current.set(m.personId, (current.get(m.personId) ?? 0) + 1)
      const across = rows.people.filter(p => p.kind === 'child' && (current.get(p.id!) ?? 0) >= 2).length
      assert.ok(across > 20, `${across} children in two households`)
    })

    it('writes relationships from the child’s side with contract types', () => {
      const kinds = new Map(rows.people.map(p => [p.id, p.kind]))
      const types = new Set<string>()
      for (const relationship of rows.relationships) {
        assert.equal(kinds.get(relationship.personId), 'child')
        assert.ok(kinds.has(relationship.relatedPersonId))
        assert.ok(RelationshipType.safeParse(relationship.type).success, relationship.type)
        types.add(relationship.type)
      }
      for (const type of ['parent', 'sibling', 'mother-partner', 'step-parent', 'grandparent', 'associate'])
        assert.ok(types.has(type), type)
    })
  })

  describe('identifiers', () => {
    it('gives check-digit-valid NHS numbers in the 999 test range, each to one person', () => {
      const numbers = rows.people.flatMap(p => (p.nhsNumber ? [p.nhsNumber] : []))
      assert.ok(numbers.length > rows.people.length * 0.9)
      for (const n of numbers) {
        assert.ok(isValidNhsNumber(n), n)
        assert.match(n, /^999\d{7}$/)
      }
      assert.equal(new Set(numbers).size, numbers.length)
    })

    it('copies the NHS number into source records, except where it is missing or mistyped', () => {
      const truth = new Map(rows.people.map(p => [p.id, p.nhsNumber]))
      let mistyped = 0
      for (const record of rows.sourceRecords) {
        if (!record.nhsNumber) continue
        const digits = record.nhsNumber.replace(/\s/g, '')
        if (digits !== truth.get(record.personId)) mistyped++
        else assert.ok(isValidNhsNumber(record.nhsNumber))
      }
      assert.equal(mistyped, rows.variations.get('nhs-mistyped') ?? 0)
      assert.ok(mistyped < rows.sourceRecords.length * 0.02)
    })

    it('gives school-age children valid UPNs', () => {
      const upns = rows.people.flatMap(p => (p.upn ? [p.upn] : []))
      assert.ok(upns.length > 1000)
      assert.ok(upns.every(isValidUpn))
      assert.equal(new Set(upns).size, upns.length)
    })
  })

  describe('dates', () => {
    const isRealDate = (value: string | null | undefined) =>
      value === null || value === undefined || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value

    it('writes only real dates, however a date of birth is mistyped', () => {
      for (const person of rows.people) assert.ok(isRealDate(person.dateOfBirth), person.dateOfBirth ?? '')
      for (const record of rows.sourceRecords) assert.ok(isRealDate(record.dateOfBirth), record.dateOfBirth ?? '')
      for (const m of rows.householdMembers) assert.ok(isRealDate(m.fromDate) && isRealDate(m.toDate))
      for (const event of rows.events) assert.ok(isRealDate(event.occurredOn))
      for (let seed = 0; seed < 200; seed++) {
        assert.ok(isRealDate(mistypeDate('2020-02-29', Random.for(seed, 9, 9))))
        assert.ok(isRealDate(mistypeDate('2019-12-31', Random.for(seed, 9, 9))))
      }
    })
  })

  describe('source records differ as real ones do', () => {
    const people = () => new Map(rows.people.map(p => [p.id, p]))

    it('uses nicknames and spelling variants for given names', () => {
      const byId = people()
      const nicknames = rows.sourceRecords.filter(r => {
        const person = byId.get(r.personId)
        return (
          person?.givenName &&
          r.givenName !== person.givenName &&
          (diminutives[person.givenName] ?? []).includes(r.givenName ?? '')
        )
      })
      assert.ok(nicknames.length > 20, `${nicknames.length} nicknames`)
      assert.ok((rows.variations.get('given-spelling') ?? 0) > 0)
    })

    it('misspells surnames and drops one half of a double-barrelled surname', () => {
      const byId = people()
      const misspelt = rows.sourceRecords.filter(r => {
        const family = byId.get(r.personId)?.familyName
        return (
          family &&
          r.familyName &&
          r.familyName !== family &&
          !family.includes('-') &&
          r.familyName.replace(/[ ']/g, '') !== family.replace(/'/g, '')
        )
      })
      assert.ok(misspelt.length > 20, `${misspelt.length} misspelt`)
      const dropped = rows.sourceRecords.filter(r => {
        const family = byId.get(r.personId)?.familyName
        return family?.includes('-') && r.familyName && family.split('-').includes(r.familyName)
      })
      assert.ok(dropped.length > 5, `${dropped.length} dropped`)
    })

    it('leaves NHS numbers out, swaps days and months, and keeps old postcodes after a move', () => {
      const byId = people()
      const missing = rows.sourceRecords.filter(r => r.nhsNumber === null && byId.get(r.personId)?.nhsNumber)
      assert.ok(missing.length > 200, `${missing.length} without NHS numbers`)
      const swapped = rows.sourceRecords.filter(r => {
        const dob = byId.get(r.personId)?.dateOfBirth
        return (
          dob &&
          r.dateOfBirth &&
          r.dateOfBirth !== dob &&
          r.dateOfBirth === `${dob.slice(0, 4)}-${dob.slice(8, 10)}-${dob.slice(5, 7)}`
        )
      })
      assert.ok(swapped.length > 3, `${swapped.length} swapped`)
      const current = new Map<string, string>()
      const postcodes = new Map(rows.households.map(h => [h.id, h.postcode]))
      const latest = new Map<string, string>()
      for (const m of rows.householdMembers) {
        if (m.toDate) continue
        if (!latest.has(m.personId) || m.fromDate > latest.get(m.personId)!) {
          latest.set(m.personId, m.fromDate)
          current.set(m.personId, postcodes.get(m.householdId)!)
        }
      }
      const earlier = new Set(rows.householdMembers.map(m => `${m.personId} ${postcodes.get(m.householdId)}`))
      const moved = rows.sourceRecords.filter(
        r => r.postcode && r.postcode !== current.get(r.personId) && earlier.has(`${r.personId} ${r.postcode}`),
      )
      assert.ok(moved.length > 100, `${moved.length} old postcodes`)
    })
  })

  describe('events', () => {
    it('uses only the contract’s event types and detail fields', () => {
      const vocabulary = new Set<string>(EventType.options)
      const people = new Set(rows.people.map(p => p.id))
      for (const event of rows.events) {
        assert.ok(vocabulary.has(event.type), event.type)
        const allowed = contractFields[event.type]
        assert.ok(allowed, `no contract fields for ${event.type}`)
        const details = event.details as Record<string, unknown>
        for (const [key, value] of Object.entries(details)) {
          assert.ok(allowed.includes(key), `${event.type}.${key}`)
          if (personRefFields.includes(key)) assert.ok(people.has(value as string), `${event.type}.${key} is a person`)
        }
        assert.ok(event.summary && event.summary.length > 5)
      }
      assert.ok(new Set(rows.events.map(e => e.type)).size >= 45, 'most of the vocabulary is used')
    })

    it('happens within the year ending on the reference date, except earlier records', () => {
      const first = isoDay(FIRST_EVENT_DAY)
      for (const event of rows.events) {
        assert.ok(event.occurredOn <= REFERENCE_DATE, event.occurredOn)
        if (event.occurredOn < first) assert.ok(['police.record', 'plan.started'].includes(event.type), event.type)
      }
    })

    it('records the lawful basis by agency and a practitioner of that agency', () => {
      const kinds = new Map(demo.partnership.agencies.map(a => [a.id, a.kind]))
      const agencyOf = new Map(demo.partnership.practitioners.map(p => [p.id, p.agencyId]))
      const bases = new Set<string>()
      for (const event of rows.events) {
        const kind = kinds.get(event.agencyId)
        assert.ok(kind, 'event from a known agency')
        if (kind === 'police') assert.equal(event.lawfulBasis, 'law-enforcement')
        else if (kind === 'voluntary') assert.ok(['consent', 'public-task'].includes(event.lawfulBasis))
        else assert.equal(event.lawfulBasis, 'public-task')
        bases.add(event.lawfulBasis)
        if (event.practitionerId) assert.equal(agencyOf.get(event.practitionerId), event.agencyId)
      }
      assert.deepEqual([...bases].sort(), ['consent', 'law-enforcement', 'public-task'])
    })

    it('links every subject to an event and a person, with several subjects on some events', () => {
      const people = new Set(rows.people.map(p => p.id))
      const events = new Set(rows.events.map(e => e.id))
      const perEvent = new Map<string, number>()
      for (const subject of rows.subjects) {
        assert.ok(people.has(subject.personId) && events.has(subject.eventId))
        perEvent.set(subject.eventId, (perEvent.get(subject.eventId) ?? 0) + 1)
      }
      assert.equal(perEvent.size, rows.events.length, 'every event has a subject')
      const pairs = rows.subjects.map(s => `${s.personId} ${s.eventId}`)
      assert.equal(new Set(pairs).size, pairs.length)
      const domestic = rows.events.filter(e => e.type === 'police.domestic-abuse' && (perEvent.get(e.id!) ?? 0) >= 3)
      assert.ok(domestic.length > 10, 'domestic abuse incidents name the adults and the children')
    })

    it('marks significant events, and supersedes a few', () => {
      const significant = rows.events.filter(e => e.isSignificant)
      assert.ok(
        significant.length > 100 && significant.length < rows.events.length * 0.2,
        `${significant.length} significant`,
      )
      const ids = new Set(rows.events.map(e => e.id))
      const corrections = rows.events.filter(e => e.supersedesId)
      assert.ok(corrections.length > 0 && corrections.every(e => ids.has(e.supersedesId!)))
    })

    it('writes the safeguarding patterns the reviews describe', () => {
      for (const pattern of DemoPattern.options) assert.ok((rows.patterns.get(pattern) ?? 0) > 0, `no ${pattern}`)
      const types = new Set(rows.events.map(e => e.type))
      for (const type of [
        'appointment.was-not-brought',
        'injury.observed',
        'police.domestic-abuse',
        'household.joined',
        'case.closed',
        'missing.episode',
        'exploitation.indicator',
        'school.roll-change',
        'nrm.referral',
      ]) {
        assert.ok(types.has(type), type)
      }
      const unchecked = rows.events.filter(
        e => e.type === 'household.joined' && (e.details as { checked?: boolean }).checked === false,
      )
      assert.ok(unchecked.length > 0, 'a new adult joins unchecked')
      const babies = rows.events.filter(
        e => e.type === 'injury.observed' && (e.details as { childMobile?: boolean }).childMobile === false,
      )
      assert.ok(babies.length > 0, 'an injury to a non-mobile baby')
      const ehe = rows.events.filter(
        e => e.type === 'school.roll-change' && (e.details as { to?: string }).to === 'elective-home-education',
      )
      assert.ok(ehe.length > 0, 'elective home education')
    })
  })

  describe('demo accounts', () => {
    it('has one sign-in per role, each a practitioner', () => {
      const accounts = listDemoAccounts()
      assert.deepEqual(new Set(accounts.map(a => a.role)), new Set(RoleId.options))
      assert.ok(accounts.some(a => a.email === 'front-door@demo.sightline.test' && a.role === 'front-door-worker'))
      assert.equal(demo.partnership.accounts.length, accounts.length)
      for (const account of demo.partnership.accounts) {
        const practitioner = demo.partnership.practitioners.find(p => p.accountId === account.id)
        assert.ok(practitioner, account.email)
        assert.equal(practitioner.email, account.email)
      }
      const agencyNames = new Set(demo.partnership.agencies.map(a => a.name))
      for (const account of accounts) assert.ok(agencyNames.has(account.agency), account.agency)
    })
  })
})
