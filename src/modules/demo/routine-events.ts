import type { CaseHistory } from './case-history.ts'
import { FIRST_EVENT_DAY } from './demo-calendar.ts'
import type { ChildMember } from './demo-family.ts'
import { weightedTable } from './seeded-random.ts'

/**
 * The ordinary year most children have: health reviews and immunisations for the under-fives, a GP visit or
 * two, a few days off school, now and then a trip to the emergency department. This is the background that
 * safeguarding patterns stand out against, and the noise the rules must not fire on.
 */

const gpVisits = weightedTable([
  [0, 35],
  [1, 35],
  [2, 20],
  [3, 10],
])
const absenceSpells = weightedTable([
  [0, 40],
  [1, 35],
  [2, 18],
  [3, 7],
])
const centiles = weightedTable([
  [2, 4],
  [9, 10],
  [25, 24],
  [50, 30],
  [75, 20],
  [91, 9],
  [98, 3],
])

type Scheduled = 'new-birth-visit' | 'review' | 'baby-check' | 'immunisation'

// Days after birth of the universal contacts (Healthy Child Programme and the routine immunisation schedule).
const schedule: readonly (readonly [number, Scheduled, string])[] = [
  [12, 'new-birth-visit', 'New birth visit'],
  [49, 'review', '6 to 8 week review'],
  [56, 'baby-check', '6 to 8 week baby check'],
  [56, 'immunisation', '8 week immunisations'],
  [84, 'immunisation', '12 week immunisations'],
  [112, 'immunisation', '16 week immunisations'],
  [365, 'review', '1 year review'],
  [372, 'immunisation', '1 year immunisations'],
  [820, 'review', '2 to 2½ year review'],
  [1218, 'immunisation', 'Pre-school booster immunisations'],
]

const missReasons = ['unknown', 'forgot', 'ill', 'away'] as const

function scheduledContact(
  h: CaseHistory,
  child: ChildMember,
  day: number,
  kind: Scheduled,
  label: string,
  centile: number,
): void {
  const r = h.random
  if (kind === 'new-birth-visit') {
    h.emit(
      'visit.completed',
      day,
      h.healthVisitor(),
      [child],
      { childSeen: true, announced: true, location: 'home' },
      `${label}. Feeding well; safe sleep advice given.`,
    )
    return
  }
  const byHealthVisitor = kind === 'review'
  const by = byHealthVisitor ? h.healthVisitor() : kind === 'immunisation' ? h.practiceNurse() : h.gp()
  const service = byHealthVisitor ? 'health-visiting' : kind === 'immunisation' ? 'immunisation' : 'gp'
  let attendedOn = day
  const roll = r.next()
  if (roll < 0.06) {
    h.emit(
      'appointment.was-not-brought',
      day,
      by,
      [child],
      { service, reason: r.pick(missReasons), rebooked: true },
      `Not brought to ${label.toLowerCase()}; rebooked.`,
    )
    attendedOn = day + r.int(10, 28)
  } else if (roll < 0.1) {
    h.emit(
      'appointment.cancelled',
      day,
      by,
      [child],
      { service, by: 'family', reason: r.pick(missReasons), rebooked: true },
      `${label}: cancelled by parent; rebooked.`,
    )
    attendedOn = day + r.int(7, 21)
  }
  h.emit(
    'appointment.attended',
    attendedOn,
    by,
    [child],
    { service },
    kind === 'immunisation' ? `${label} given.` : `${label} completed.`,
  )
  if (byHealthVisitor) {
    h.emit(
      'health.growth',
      attendedOn,
      by,
      [child],
      { weightCentile: centile, trend: 'stable' },
      'Weight and length plotted; growing along the centile.',
    )
  }
}

const gpReasons = [
  'Cough and cold',
  'Earache',
  'Rash on the arms and legs',
  'Asthma review',
  'Tummy pain',
  'Eczema review',
  'Sore throat',
  'Medication review',
]
const absenceReasons = [
  'Absent: illness',
  'Absent: medical appointment',
  'Unauthorised absence',
  'Absent: family holiday in term time',
]
const edIllness = [
  'High temperature; discharged home',
  'Breathing difficulty; treated with inhalers',
  'Vomiting; discharged with advice',
  'Allergic reaction; observed and discharged',
]
const edInjuries = [
  {
    site: 'limb',
    kind: 'fracture',
    summary: 'Fell from a trampoline; fractured wrist',
    explanation: 'Fell awkwardly on a trampoline at a friend’s house',
  },
  {
    site: 'head',
    kind: 'wound',
    summary: 'Cut to the head from a fall in the park; glued',
    explanation: 'Fell off the climbing frame',
  },
  { site: 'limb', kind: 'other', summary: 'Sprained ankle playing football', explanation: 'Twisted ankle in a tackle' },
  {
    site: 'hand',
    kind: 'burn',
    summary: 'Small scald to the hand from a hot drink',
    explanation: 'Reached for a cup of tea on the table',
  },
] as const

/** The routine entries in one child's year. */
export function routineYear(h: CaseHistory, child: ChildMember): void {
  const r = h.random
  const firstDay = Math.max(FIRST_EVENT_DAY, child.birthDay)
  if (firstDay > 0) return
  const centile = r.weighted(centiles)
  for (const [offset, kind, label] of schedule) {
    const day = child.birthDay + offset
    if (day >= FIRST_EVENT_DAY && day <= 0) scheduledContact(h, child, day, kind, label, centile)
  }

  const visits = r.weighted(gpVisits)
  for (let i = 0; i < visits; i++) {
    const day = r.int(firstDay, 0)
    const reason = r.pick(gpReasons)
    const roll = r.next()
    if (roll < 0.04)
      h.emit(
        'appointment.cancelled',
        day,
        h.gp(),
        [child],
        { service: 'gp', by: 'family', reason: 'unknown', rebooked: false },
        `${reason}: appointment cancelled by parent.`,
      )
    else if (roll < 0.07)
      h.emit(
        'appointment.was-not-brought',
        day,
        h.gp(),
        [child],
        { service: 'gp', reason: 'unknown', rebooked: false },
        `${reason}: not brought to appointment.`,
      )
    else h.emit('appointment.attended', day, h.gp(), [child], { service: 'gp' }, `${reason}.`)
  }

  const age = h.ageOn(child, 0)
  if (child.school && age >= 4) {
    const persistent = r.chance(0.08)
    const spells = persistent ? r.int(3, 6) : r.weighted(absenceSpells)
    for (let i = 0; i < spells; i++) {
      const sessions = persistent ? r.int(4, 10) : r.int(1, 4)
      h.emit(
        'school.absence',
        r.int(firstDay, 0),
        h.schoolOffice(child),
        [child],
        { sessions },
        `${r.pick(absenceReasons)} (${sessions} ${sessions === 1 ? 'session' : 'sessions'}).`,
      )
      // Now and then the register is corrected afterwards: a new entry supersedes the first.
      if (r.chance(0.01))
        h.correctLast({ sessions: Math.max(1, sessions - 1) }, 'Register corrected: one session was authorised.')
    }
  }

  if (r.chance(age < 5 ? 0.12 : 0.07)) {
    const day = r.int(firstDay, 0)
    const injured = age >= 1 && r.chance(0.35)
    if (injured) {
      const injury = r.pick(edInjuries)
      const on = h.emit(
        'hospital.attendance',
        day,
        h.emergencyDepartment(),
        [child],
        { reason: 'injury', delayDays: 0 },
        `${injury.summary}.`,
      )
      if (on !== undefined && r.chance(0.4)) {
        h.emit(
          'injury.observed',
          on,
          h.emergencyDepartment(),
          [child],
          {
            site: injury.site,
            kind: injury.kind,
            observed: 'seen',
            explanation: injury.explanation,
            explanationSource: age >= 5 && r.chance(0.5) ? 'child' : 'parent',
            childMobile: true,
            medical: false,
          },
          `Injury consistent with the account given: ${injury.explanation.toLowerCase()}.`,
        )
      }
    } else if (age >= 1 && age <= 3 && r.chance(0.08)) {
      h.emit(
        'hospital.attendance',
        day,
        h.emergencyDepartment(),
        [child],
        { reason: 'ingestion', delayDays: 0 },
        'Swallowed a dishwasher tablet; observed and discharged. Safety advice given.',
      )
    } else {
      h.emit(
        'hospital.attendance',
        day,
        h.emergencyDepartment(),
        [child],
        { reason: 'illness', delayDays: 0 },
        `${r.pick(edIllness)}.`,
      )
    }
  }
}

/** Household changes any family may have in the year: a move, a partner moving in with checks done. */
export function householdYear(h: CaseHistory): void {
  const f = h.family
  const r = h.random
  const moveDay = f.moveDay
  if (moveDay !== undefined && moveDay >= FIRST_EVENT_DAY) {
    const by = f.temporaryAccommodation ? h.housingOfficer() : h.gp()
    h.emit(
      'household.moved',
      moveDay + r.int(0, 20),
      by,
      h.children,
      {
        newArea: f.movedFromElsewhere,
        newPostcode: f.postcode,
        temporaryAccommodation: f.temporaryAccommodation,
      },
      f.temporaryAccommodation ? 'Family placed in temporary accommodation.' : 'Change of address notified.',
    )
    const baby = h.children.find(c => c.birthDay > moveDay - 365)
    if (f.temporaryAccommodation && baby) {
      h.emit(
        'home.conditions',
        moveDay + r.int(10, 40),
        h.healthVisitor(),
        [baby],
        {
          sleep: r.chance(0.7) ? 'safe' : 'unsafe',
          conditions: r.chance(0.6) ? 'good' : 'poor',
          temporaryAccommodation: true,
        },
        'Home visit to temporary accommodation: one room for the family; cot in place.',
      )
    }
  }
  if (f.partner && f.partnerJoinedDay !== undefined && f.partnerJoinedDay >= FIRST_EVENT_DAY && r.chance(0.3)) {
    const young = h.children.some(c => h.ageOn(c, 0) < 5)
    h.emit(
      'household.joined',
      f.partnerJoinedDay + r.int(10, 60),
      young ? h.healthVisitor() : h.gp(),
      h.children,
      { person: f.partner.id, checked: true },
      'Mother’s new partner has moved in; introduced at a routine contact.',
    )
  }
}
