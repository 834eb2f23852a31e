import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CaseCalendar } from '../calendar.ts'
import { ev, family, flagFor, type EventSpec } from './rule-testing.ts'

/** Every rule: it fires (on the right day, citing the right events), it does not fire, and its boundaries. */

const SC = 'social-care'
const calendar = new CaseCalendar()
const da = (day: number, details: Record<string, unknown> = {}) =>
  ev(day, 'police', 'police.domestic-abuse', ['M', 'P'], { perpetrator: 'P', victim: 'M', ...details })

describe('T01 was not brought', () => {
  it('R01a: two missed contacts across agencies within 90 days', () => {
    const t = family({
      events: [
        ev(-60, 'gp', 'appointment.was-not-brought', ['C'], { service: 'gp' }),
        ev(-20, 'health', 'visit.no-access', ['C']),
      ],
    })
    assert.deepEqual(flagFor(t, 'R01a'), { day: -20, evidence: [0, 1] })
  })

  it('R01a: not for one miss, nor for misses 90 days apart; 89 days apart is enough', () => {
    assert.equal(flagFor(family({ events: [ev(-20, 'gp', 'appointment.was-not-brought', ['C'])] }), 'R01a'), undefined)
    const apart = (gap: number) =>
      family({
        events: [
          ev(-10 - gap, 'gp', 'appointment.was-not-brought', ['C']),
          ev(-10, 'gp', 'appointment.was-not-brought', ['C']),
        ],
      })
    assert.equal(flagFor(apart(90), 'R01a'), undefined)
    assert.equal(flagFor(apart(89), 'R01a')?.day, -10)
  })

  it('R01a: an appointment made up at the same service does not count; a rebooked one counts when not kept', () => {
    const madeUp = family({
      events: [
        ev(-60, 'gp', 'appointment.was-not-brought', ['C'], { service: 'immunisation' }),
        ev(-50, 'gp', 'appointment.attended', ['C'], { service: 'immunisation' }),
        ev(-20, 'health', 'visit.no-access', ['C']),
      ],
    })
    assert.equal(flagFor(madeUp, 'R01a'), undefined)
    const rebooked = family({
      events: [
        ev(-60, 'gp', 'appointment.was-not-brought', ['C'], { service: 'immunisation', rebooked: true }),
        ev(-50, 'health', 'visit.no-access', ['C']),
        ev(0, 'gp', 'appointment.attended', ['C'], { service: 'gp' }),
      ],
    })
    assert.equal(flagFor(rebooked, 'R01a')?.day, -32)
  })

  it('R01a: not for a teenager (dependent children only, by default under 13)', () => {
    const t = family({
      age: { years: 14 },
      events: [
        ev(-60, 'gp', 'appointment.was-not-brought', ['C']),
        ev(-20, 'gp', 'appointment.was-not-brought', ['C']),
      ],
    })
    assert.equal(flagFor(t, 'R01a'), undefined)
    assert.equal(flagFor(t, 'R01a', 'C', { maxAgeYears: 15 })?.day, -20)
  })

  it('R01b: a single miss on a neglect plan, not on a physical-abuse plan unless chosen, not after the plan', () => {
    const onPlan = (category: string, ended = false) =>
      family({
        events: [
          ev(-100, SC, 'plan.started', ['C'], { category }),
          ...(ended ? [ev(-70, SC, 'plan.ended', ['C'])] : []),
          ev(-50, 'health', 'appointment.was-not-brought', ['C'], { service: 'dental' }),
        ],
      })
    assert.deepEqual(flagFor(onPlan('neglect'), 'R01b'), { day: -50, evidence: [1] })
    assert.equal(flagFor(onPlan('physical'), 'R01b'), undefined)
    assert.equal(flagFor(onPlan('physical'), 'R01b', 'C', { includeAllCategories: true })?.day, -50)
    assert.equal(flagFor(onPlan('neglect', true), 'R01b'), undefined)
  })

  it('R01c: three family cancellations within 90 days; not cancellations by the service', () => {
    const cancel = (days: number[], by = 'family') =>
      family({ events: days.map(d => ev(d, 'health', 'appointment.cancelled', ['C'], { by, service: 'dental' })) })
    assert.equal(flagFor(cancel([-80, -60, -20]), 'R01c')?.day, -20)
    assert.equal(flagFor(cancel([-80, -60, -20], 'service'), 'R01c'), undefined)
    assert.equal(flagFor(cancel([-110, -60, -20]), 'R01c'), undefined)
  })

  it('R01d: health, social care and school all missing the child within 30 days', () => {
    const t = (schoolDay: number) =>
      family({
        age: { years: 7 },
        events: [
          ev(-20, 'gp', 'appointment.was-not-brought', ['C']),
          ev(-15, SC, 'visit.no-access', ['C']),
          ev(schoolDay, 'school', 'school.absence', ['C'], { sessions: 4 }),
        ],
      })
    assert.deepEqual(flagFor(t(-10), 'R01d'), { day: -10, evidence: [0, 1, 2] })
    assert.equal(flagFor(t(11), 'R01d'), undefined)
    assert.equal(
      flagFor(
        family({
          events: [ev(-20, 'gp', 'appointment.was-not-brought', ['C']), ev(-15, SC, 'visit.no-access', ['C'])],
        }),
        'R01d',
      ),
      undefined,
    )
  })

  it('R01e: an under-five with a safeguarding history not seen for six months', () => {
    const events = (extra: ReturnType<typeof ev>[] = []) => [
      ev(-400, 'health', 'appointment.attended', ['C'], { service: 'health-visiting' }),
      ev(-300, 'health', 'concern.raised', ['C'], { referrer: 'professional', category: 'neglect' }),
      ev(-299, SC, 'referral.decision', ['C'], { outcome: 'assessment' }),
      ...extra,
      ev(0, 'other', 'incident.serious', ['C']),
    ]
    assert.deepEqual(flagFor(family({ age: { years: 2 }, events: events() }), 'R01e'), { day: -218, evidence: [0, 2] })
    const seen = events([
      ev(-250, 'gp', 'appointment.attended', ['C']),
      ev(-100, SC, 'visit.completed', ['C'], { childSeen: true }),
    ])
    assert.equal(flagFor(family({ age: { years: 2 }, events: seen }), 'R01e'), undefined)
    assert.equal(flagFor(family({ age: { years: 6 }, events: events() }), 'R01e'), undefined)
    const earlyHelpOnly = [
      ev(-400, 'health', 'appointment.attended', ['C']),
      ev(-300, 'health', 'concern.raised', ['C'], { referrer: 'professional', category: 'other' }),
      ev(-299, SC, 'referral.decision', ['C'], { outcome: 'early-help' }),
      ev(0, 'other', 'incident.serious', ['C']),
    ]
    assert.equal(flagFor(family({ age: { years: 2 }, events: earlyHelpOnly }), 'R01e'), undefined)
    const lookedAfter = events([ev(-290, SC, 'case.opened', ['C'], { service: 'looked-after' })])
    assert.equal(flagFor(family({ age: { years: 2 }, events: lookedAfter }), 'R01e'), undefined)
  })
})

describe('T02 child not seen', () => {
  it('R02a: a social-care visit without seeing the child; two in a row cite both', () => {
    const t = family({
      events: [
        ev(-30, SC, 'visit.completed', ['C'], { childSeen: false }),
        ev(-10, SC, 'visit.completed', ['C'], { childSeen: false }),
      ],
    })
    assert.deepEqual(flagFor(t, 'R02a'), { day: -30, evidence: [0] })
    const health = family({ events: [ev(-10, 'health', 'visit.completed', ['C'], { childSeen: false })] })
    assert.equal(flagFor(health, 'R02a'), undefined)
  })

  it('R02b: on a plan, the last two visits not alone; or no time alone for 20 working days', () => {
    const twoVisits = family({
      age: { years: 8 },
      events: [
        ev(-100, SC, 'plan.started', ['C'], { category: 'emotional' }),
        ev(-95, SC, 'visit.completed', ['C'], { childSeen: true, seenAlone: false }),
        ev(-85, SC, 'visit.completed', ['C'], { childSeen: true, seenAlone: false }),
      ],
    })
    assert.deepEqual(flagFor(twoVisits, 'R02b'), { day: -85, evidence: [1, 2] })
    const alone = family({
      age: { years: 8 },
      events: [
        ev(-100, SC, 'plan.started', ['C'], { category: 'emotional' }),
        ev(-90, SC, 'visit.completed', ['C'], { childSeen: true, seenAlone: true }),
        ev(-60, SC, 'visit.completed', ['C'], { childSeen: true, seenAlone: true }),
        ev(0, 'other', 'incident.serious', ['C']),
      ],
    })
    assert.equal(flagFor(alone, 'R02b')?.day, calendar.addWorkingDays(-60, 20))
    const young = family({ age: { years: 2 }, events: twoVisits.events })
    assert.equal(flagFor(young, 'R02b'), undefined)
  })

  it('R02c: an assessment of a child old enough to talk, not seen alone, with no record of the child’s words', () => {
    const t = (age: number, voice = false) =>
      family({
        age: { years: age },
        events: [
          ...(voice ? [ev(-20, SC, 'child.voice-recorded', ['C'], { summary: 'Likes school' })] : []),
          ev(-10, SC, 'assessment.completed', ['C'], { outcome: 'no-further-action', childSeenAlone: false }),
        ],
      })
    assert.equal(flagFor(t(6), 'R02c')?.day, -10)
    assert.equal(flagFor(t(6, true), 'R02c'), undefined)
    assert.equal(flagFor(t(3), 'R02c'), undefined)
  })

  it('R02d: a family member interprets; an independent interpreter is fine', () => {
    const t = (interpreter: string) =>
      family({ events: [ev(-10, 'health', 'visit.completed', ['C'], { childSeen: true, interpreter })] })
    assert.equal(flagFor(t('family-member'), 'R02d')?.day, -10)
    assert.equal(flagFor(t('independent'), 'R02d'), undefined)
  })

  it('R02e: said to be isolating and not seen within three days', () => {
    const t = (seenOn?: number) =>
      family({
        events: [
          ev(-20, SC, 'visit.no-access', ['C'], { reason: 'isolating' }),
          ...(seenOn !== undefined
            ? [ev(seenOn, 'hospital', 'hospital.attendance', ['C'], { reason: 'illness' })]
            : []),
          ev(0, 'other', 'incident.serious', ['C']),
        ],
      })
    assert.deepEqual(flagFor(t(), 'R02e'), { day: -17, evidence: [0] })
    assert.equal(flagFor(t(-17), 'R02e'), undefined)
    assert.equal(flagFor(t(-16), 'R02e')?.day, -17)
    const health = family({
      events: [
        ev(-20, 'health', 'visit.no-access', ['C'], { reason: 'ill' }),
        ev(0, 'gp', 'appointment.attended', ['C']),
      ],
    })
    assert.equal(flagFor(health, 'R02e'), undefined)
  })

  it('R02f: four announced visits on a plan and none unannounced', () => {
    const t = (announced: boolean[]) =>
      family({
        events: [
          ev(-100, SC, 'plan.started', ['C']),
          ...announced.map((a, i) => ev(-90 + i * 10, SC, 'visit.completed', ['C'], { childSeen: true, announced: a })),
        ],
      })
    assert.equal(flagFor(t([true, true, true, true]), 'R02f')?.day, -60)
    assert.equal(flagFor(t([true, false, true, true]), 'R02f'), undefined)
    assert.equal(flagFor(t([true, true, true]), 'R02f'), undefined)
  })
})

describe('T03 unseen adults', () => {
  const newAdult = { ref: 'N', kind: 'adult' as const, sex: 'M' }
  const history = [ev(-200, SC, 'assessment.completed', ['C'], { outcome: 'child-in-need' })]

  it('R03a: a new adult in the home of a child with a safeguarding history, not checked within ten days', () => {
    const t = (extra: ReturnType<typeof ev>[], withHistory = true) =>
      family({
        people: [newAdult],
        events: [
          ...(withHistory ? history : []),
          ev(-100, 'health', 'household.joined', ['C', 'M'], { person: 'N', checked: false }),
          ...extra,
          ev(0, 'other', 'incident.serious', ['C']),
        ],
      })
    assert.deepEqual(flagFor(t([]), 'R03a'), { day: -90, evidence: [0, 1] })
    assert.equal(
      flagFor(t([ev(-95, 'police', 'police.check', ['N'], { about: 'N', result: 'no-trace' })]), 'R03a'),
      undefined,
    )
    assert.equal(
      flagFor(t([ev(-95, 'police', 'police.check', ['N'], { about: 'N', result: 'not-returned' })]), 'R03a')?.day,
      -90,
    )
    assert.equal(flagFor(t([], false), 'R03a'), undefined)
    assert.equal(flagFor(t([]), 'R03a', 'C', { checkDays: 20 })?.day, -80)
  })

  it('R03b: at an assessment, an adult with access known to police but never met by social care', () => {
    const t = (met: boolean) =>
      family({
        events: [
          ev(-300, 'police', 'police.call-out', ['P'], { summary: 'Fight outside a pub' }),
          ...(met ? [ev(-100, SC, 'visit.completed', ['C'], { childSeen: true, othersPresent: ['P'] })] : []),
          ev(-50, SC, 'assessment.completed', ['C'], { outcome: 'child-in-need' }),
        ],
      })
    assert.deepEqual(flagFor(t(false), 'R03b'), { day: -50, evidence: [0, 1] })
    assert.equal(flagFor(t(true), 'R03b'), undefined)
  })

  it('R03c: an adult with a record of harm gains access; a minor record does not count', () => {
    const t = (kind: string, offence?: string) =>
      family({
        people: [newAdult],
        relationships: [{ from: 'N', to: 'C', type: 'mother-partner', fromDay: -100 }],
        events: [
          ev(-500, 'police', 'police.record', ['N'], { person: 'N', kind, ...(offence ? { offence } : {}) }),
          ev(0, 'gp', 'appointment.attended', ['C']),
        ],
      })
    assert.deepEqual(flagFor(t('restraining-order'), 'R03c'), { day: -100, evidence: [0] })
    assert.equal(flagFor(t('conviction', 'against-child'), 'R03c')?.day, -100)
    assert.equal(flagFor(t('conviction', 'other'), 'R03c'), undefined)
    const trace = family({ events: [ev(-30, 'police', 'police.check', ['P'], { about: 'P', result: 'trace' })] })
    assert.equal(flagFor(trace, 'R03c')?.day, -30)
  })

  it('R03d: a pre-birth assessment finalised without the father being seen by social care', () => {
    const t = (seen: boolean) =>
      family({
        people: [
          { ref: 'U', kind: 'unborn', dueDay: 40 },
          { ref: 'F', kind: 'adult', sex: 'M' },
        ],
        relationships: [
          { from: 'M', to: 'U', type: 'parent' },
          { from: 'F', to: 'U', type: 'parent' },
        ],
        events: [
          ev(-60, 'health', 'pregnancy.noted', ['M'], { person: 'M', dueDay: 40 }),
          ...(seen ? [ev(-30, SC, 'visit.completed', ['M'], { childSeen: false, othersPresent: ['F', 'M'] })] : []),
          ev(-10, SC, 'assessment.completed', ['U'], { outcome: 'child-in-need' }),
        ],
      })
    assert.equal(flagFor(t(false), 'R03d', 'U')?.day, -10)
    assert.equal(flagFor(t(true), 'R03d', 'U'), undefined)
  })

  it('R03e: a second new partner within a year', () => {
    const t = (gap: number) =>
      family({
        people: [newAdult, { ref: 'N2', kind: 'adult', sex: 'M' }],
        events: [
          ev(-50 - gap, 'health', 'household.joined', ['C'], { person: 'N' }),
          ev(-50, 'health', 'household.joined', ['C'], { person: 'N2' }),
        ],
      })
    assert.deepEqual(flagFor(t(150), 'R03e'), { day: -50, evidence: [0, 1] })
    assert.equal(flagFor(t(365), 'R03e'), undefined)
  })
})

describe('T04 disguised compliance', () => {
  it('R04a: an agreement kept, then domestic abuse; not when the abuse is long after', () => {
    const t = (keptDay: number) =>
      family({
        events: [
          ev(keptDay, SC, 'agreement.kept', ['C', 'M']),
          ev(-60, 'police', 'police.domestic-abuse', ['M', 'P'], { perpetrator: 'P', victim: 'M' }),
        ],
      })
    assert.deepEqual(flagFor(t(-100), 'R04a'), { day: -60, evidence: [0, 1] })
    assert.equal(flagFor(t(-181), 'R04a'), undefined)
  })

  it('R04b: kept with health, missed by others', () => {
    const t = (missed: number) =>
      family({
        events: [
          ev(-50, 'gp', 'appointment.attended', ['C']),
          ev(-40, 'gp', 'appointment.attended', ['C']),
          ...[-30, -20, -10].slice(0, missed).map(d => ev(d, SC, 'visit.no-access', ['C'])),
        ],
      })
    assert.equal(flagFor(t(3), 'R04b')?.day, -10)
    assert.equal(flagFor(t(2), 'R04b'), undefined)
  })

  it('R04c: two failed unannounced visits while announced visits succeed', () => {
    const t = (failures: number, announcedSeen = true) =>
      family({
        events: [
          ...[-50, -40]
            .slice(0, failures)
            .map(d => ev(d, SC, 'visit.no-access', ['C'], { announced: false, reason: 'not-home' })),
          ev(-30, SC, 'visit.completed', ['C'], { childSeen: announcedSeen, announced: true }),
        ],
      })
    assert.deepEqual(flagFor(t(2), 'R04c'), { day: -30, evidence: [0, 1, 2] })
    assert.equal(flagFor(t(1), 'R04c'), undefined)
    assert.equal(flagFor(t(2, false), 'R04c'), undefined)
  })

  it('R04d: two claims of illness or isolation, at least one keeping a visitor out', () => {
    const visit = ev(-30, SC, 'visit.no-access', ['C'], { reason: 'isolating' })
    const appointment = ev(-20, 'gp', 'appointment.was-not-brought', ['C'], { reason: 'ill', service: 'gp' })
    assert.deepEqual(flagFor(family({ events: [visit, appointment] }), 'R04d'), { day: -20, evidence: [0, 1] })
    const onlyAppointments = [ev(-30, 'gp', 'appointment.was-not-brought', ['C'], { reason: 'ill' }), appointment]
    assert.equal(flagFor(family({ events: onlyAppointments }), 'R04d'), undefined)
    const madeUp = [
      ev(-40, 'gp', 'appointment.was-not-brought', ['C'], { reason: 'ill', service: 'gp' }),
      ev(-35, 'gp', 'appointment.attended', ['C'], { service: 'gp' }),
      visit,
    ]
    assert.equal(flagFor(family({ events: madeUp }), 'R04d'), undefined)
  })

  it('R04e: the child’s account differs from the parent’s', () => {
    const t = (childSays: string, gap = 0) =>
      family({
        events: [
          ev(-10, 'school', 'injury.observed', ['C'], {
            site: 'ear',
            kind: 'bruise',
            explanation: childSays,
            explanationSource: 'child',
          }),
          ev(-10 + gap, 'school', 'injury.observed', ['C'], {
            site: 'ear',
            kind: 'bruise',
            explanation: 'Fell off the sofa',
            explanationSource: 'parent',
          }),
        ],
      })
    assert.equal(flagFor(t('Daddy pushed me'), 'R04e')?.day, -10)
    assert.equal(flagFor(t('fell off the sofa!'), 'R04e'), undefined)
    assert.equal(flagFor(t('Daddy pushed me', 4), 'R04e'), undefined)
  })

  it('R04f: a written agreement broken', () => {
    const t = family({
      events: [ev(-40, SC, 'agreement.made', ['C', 'M']), ev(-10, SC, 'agreement.broken', ['C', 'M'])],
    })
    assert.deepEqual(flagFor(t, 'R04f'), { day: -10, evidence: [0, 1] })
    assert.equal(flagFor(family({ events: [ev(-40, SC, 'agreement.made', ['C'])] }), 'R04f'), undefined)
  })
})

describe('T05 start again and drift', () => {
  const concern = (day: number, referrer = 'professional') => ev(day, 'school', 'concern.raised', ['C'], { referrer })

  it('R05a: a concern within a year of a closure', () => {
    const t = (closedDay: number) =>
      family({
        events: [ev(closedDay, SC, 'referral.decision', ['C'], { outcome: 'no-further-action' }), concern(-100)],
      })
    assert.deepEqual(flagFor(t(-200), 'R05a'), { day: -100, evidence: [0, 1] })
    assert.equal(flagFor(t(-466), 'R05a'), undefined)
  })

  it('R05b: three concerns in a year, counting the household by default', () => {
    const own = family({ events: [concern(-300), concern(-200), concern(-100)] })
    assert.equal(flagFor(own, 'R05b')?.day, -100)
    const sibling = family({
      people: [{ ref: 'S', kind: 'child', ageAtDay0: { years: 7 } }],
      relationships: [{ from: 'M', to: 'S', type: 'parent' }],
      events: [concern(-300), ev(-200, 'school', 'concern.raised', ['S'], { referrer: 'professional' }), concern(-100)],
    })
    assert.equal(flagFor(sibling, 'R05b')?.day, -100)
    assert.equal(flagFor(sibling, 'R05b', 'C', { includeHousehold: false }), undefined)
    assert.equal(flagFor(family({ events: [concern(-500), concern(-200), concern(-100)] }), 'R05b'), undefined)
  })

  it('R05c: a repeat assessment after an earlier one ended in no further action', () => {
    const t = (outcome: string) =>
      family({
        events: [
          ev(-300, SC, 'assessment.completed', ['C'], { outcome }),
          ev(-50, SC, 'assessment.completed', ['C'], { outcome: 'child-in-need' }),
        ],
      })
    assert.deepEqual(flagFor(t('no-further-action'), 'R05c'), { day: -50, evidence: [0, 1] })
    assert.equal(flagFor(t('child-in-need'), 'R05c'), undefined)
  })

  it('R05d: a plan open for nine months', () => {
    const t = (ended: boolean) =>
      family({
        events: [
          ev(-300, SC, 'plan.started', ['C']),
          ...(ended ? [ev(-100, SC, 'plan.ended', ['C'])] : []),
          ev(0, SC, 'visit.completed', ['C'], { childSeen: true }),
        ],
      })
    assert.deepEqual(flagFor(t(false), 'R05d'), { day: -30, evidence: [0] })
    assert.equal(flagFor(t(true), 'R05d'), undefined)
  })

  it('R05e: closed with a request unanswered or the referrer not spoken to', () => {
    const t = (answered: boolean) =>
      family({
        events: [
          ev(-20, SC, 'information.requested', ['C'], { from: 'police', requestRef: 'R1' }),
          ...(answered
            ? [ev(-15, 'police', 'information.provided', ['C'], { to: 'social-care', requestRef: 'R1' })]
            : []),
          ev(-10, SC, 'case.closed', ['C']),
        ],
      })
    assert.deepEqual(flagFor(t(false), 'R05e'), { day: -10, evidence: [0, 1] })
    assert.equal(flagFor(t(true), 'R05e'), undefined)
    const notContacted = family({
      events: [
        concern(-12, 'relative'),
        ev(-10, SC, 'referral.decision', ['C'], { outcome: 'no-further-action', referrerContacted: false }),
      ],
    })
    assert.equal(flagFor(notContacted, 'R05e')?.day, -10)
  })
})

describe('T06 cumulative neglect', () => {
  it('R06a: three areas of care within a year, not two', () => {
    const signs = [
      ev(-100, 'health', 'health.growth', ['C'], { trend: 'falling' }),
      ev(-80, 'health', 'home.conditions', ['C'], { conditions: 'poor' }),
      ev(-60, 'school', 'school.concern', ['C'], { summary: 'Hungry' }),
    ]
    assert.deepEqual(flagFor(family({ age: { years: 6 }, events: signs }), 'R06a'), { day: -60, evidence: [0, 1, 2] })
    assert.equal(flagFor(family({ age: { years: 6 }, events: signs.slice(0, 2) }), 'R06a'), undefined)
  })

  it('R06b: two emergency attendances for accidents within six months, for an under-five', () => {
    const t = (age: number, gap: number) =>
      family({
        age: { years: age },
        events: [
          ev(-20 - gap, 'hospital', 'hospital.attendance', ['C'], { reason: 'injury' }),
          ev(-20, 'hospital', 'hospital.attendance', ['C'], { reason: 'ingestion' }),
        ],
      })
    assert.equal(flagFor(t(3, 80), 'R06b')?.day, -20)
    assert.equal(flagFor(t(3, 180), 'R06b'), undefined)
    assert.equal(flagFor(t(6, 80), 'R06b'), undefined)
  })

  it('R06c: weight down two centile lines and a missed appointment; one line is not enough', () => {
    const t = (to: number) =>
      family({
        age: { years: 2 },
        events: [
          ev(-200, 'health', 'health.growth', ['C'], { weightCentile: 50 }),
          ev(-100, 'health', 'health.growth', ['C'], { weightCentile: to }),
          ev(-90, 'health', 'appointment.was-not-brought', ['C']),
        ],
      })
    assert.deepEqual(flagFor(t(9), 'R06c'), { day: -90, evidence: [0, 1, 2] })
    assert.equal(flagFor(t(25), 'R06c'), undefined)
  })

  it('R06e: three misses at the same specialist service, unless made up', () => {
    const misses = [-200, -120, -40].map(d =>
      ev(d, 'hospital', 'appointment.was-not-brought', ['C'], { service: 'Cardiology' }),
    )
    assert.equal(flagFor(family({ events: misses }), 'R06e')?.day, -40)
    const madeUp = [...misses, ev(-110, 'hospital', 'appointment.attended', ['C'], { service: 'cardiology' })]
    assert.equal(flagFor(family({ events: madeUp }), 'R06e'), undefined)
  })
})

describe('T07 domestic abuse', () => {
  it('R07a: three incidents at home within a year, whatever their grading', () => {
    assert.deepEqual(flagFor(family({ events: [da(-300), da(-200), da(-100)] }), 'R07a'), {
      day: -100,
      evidence: [0, 1, 2],
    })
    assert.equal(flagFor(family({ events: [da(-200), da(-100)] }), 'R07a'), undefined)
    assert.equal(flagFor(family({ events: [da(-500), da(-200), da(-100)] }), 'R07a'), undefined)
  })

  it('R07b: a child present, a baby, or a pregnancy', () => {
    assert.equal(flagFor(family({ events: [da(-10, { childPresent: true })] }), 'R07b')?.day, -10)
    assert.equal(flagFor(family({ events: [da(-10, { childPresent: false })] }), 'R07b'), undefined)
    assert.equal(flagFor(family({ age: { months: 3 }, events: [da(-10)] }), 'R07b')?.day, -10)
    const pregnant = family({
      events: [ev(-60, 'health', 'pregnancy.noted', ['M'], { person: 'M', dueDay: 60 }), da(-10)],
    })
    assert.deepEqual(flagFor(pregnant, 'R07b'), { day: -10, evidence: [0, 1] })
  })

  it('R07b: an unborn child the record relates to nobody is the child of the recorded pregnancy', () => {
    const t = family({
      people: [{ ref: 'U', kind: 'unborn', dueDay: 55 }],
      events: [ev(-60, 'health', 'pregnancy.noted', ['M'], { person: 'M', dueDay: 60 }), da(-10)],
    })
    assert.equal(flagFor(t, 'R07b', 'U')?.day, -10)
    assert.equal(flagFor(t, 'R07b', 'M'), undefined)
  })

  it('R07b: an expectant mother is the subject when the timeline has no unborn child', () => {
    const t = family({ events: [ev(-60, 'health', 'pregnancy.noted', ['M'], { person: 'M', dueDay: 60 }), da(-10)] })
    assert.equal(flagFor(t, 'R07b', 'M')?.day, -10)
  })

  it('R07c: graded high, a weapon, or incidents coming closer together', () => {
    assert.equal(flagFor(family({ events: [da(-10, { riskLevel: 'high' })] }), 'R07c')?.day, -10)
    const weapon = family({
      events: [da(-10), ev(-10, 'police', 'police.arrest', ['P'], { person: 'P', offence: 'weapon' })],
    })
    assert.deepEqual(flagFor(weapon, 'R07c'), { day: -10, evidence: [0, 1] })
    assert.equal(flagFor(family({ events: [da(-40), da(-11)] }), 'R07c')?.day, -11)
    assert.equal(flagFor(family({ events: [da(-60), da(-10, { riskLevel: 'medium' })] }), 'R07c'), undefined)
  })

  it('R07e: closed after domestic abuse without social care seeing the perpetrator', () => {
    const t = (seen: boolean) =>
      family({
        events: [
          da(-100),
          ...(seen ? [ev(-95, SC, 'visit.completed', ['C'], { childSeen: true, othersPresent: ['P'] })] : []),
          ev(-90, SC, 'referral.decision', ['C'], { outcome: 'no-further-action' }),
        ],
      })
    assert.deepEqual(flagFor(t(false), 'R07e'), { day: -90, evidence: [0, 1] })
    assert.equal(flagFor(t(true), 'R07e'), undefined)
  })
})

describe('T08 parental mental health and substance misuse', () => {
  const mh = (day: number, severity?: string) =>
    ev(day, 'mental-health', 'adult.mental-health', ['M'], { person: 'M', ...(severity ? { severity } : {}) })

  it('R08a: on an open case any severity; a baby or a known child from medium', () => {
    const open = family({ events: [ev(-100, SC, 'case.opened', ['C'], { service: 'child-in-need' }), mh(-10, 'low')] })
    assert.equal(flagFor(open, 'R08a')?.day, -10)
    assert.equal(flagFor(family({ events: [mh(-10, 'medium')] }), 'R08a'), undefined)
    assert.equal(flagFor(family({ age: { months: 3 }, events: [mh(-10)] }), 'R08a')?.day, -10)
    assert.equal(flagFor(family({ age: { months: 3 }, events: [mh(-10, 'low')] }), 'R08a'), undefined)
    const known = family({
      events: [ev(-100, 'school', 'concern.raised', ['C'], { referrer: 'professional' }), mh(-10, 'medium')],
    })
    assert.deepEqual(flagFor(known, 'R08a'), { day: -10, evidence: [0, 1] })
  })

  it('R08a: an event from an adult service about a carer counts, even when the child is named on it', () => {
    const t = family({
      events: [
        ev(-100, SC, 'case.opened', ['C'], { service: 'child-in-need' }),
        ev(-10, 'substance-misuse', 'appointment.was-not-brought', ['P', 'C'], { service: 'drug service' }),
      ],
    })
    assert.equal(flagFor(t, 'R08a')?.day, -10)
  })

  it('R08b: domestic abuse, mental ill-health and substance misuse within a year', () => {
    const three = [da(-200), mh(-150), ev(-20, 'substance-misuse', 'adult.substance-misuse', ['P'], { person: 'P' })]
    assert.deepEqual(flagFor(family({ events: three }), 'R08b'), { day: -20, evidence: [0, 1, 2] })
    assert.equal(flagFor(family({ events: three.slice(0, 2) }), 'R08b'), undefined)
    assert.equal(flagFor(family({ events: three.slice(0, 2) }), 'R08b', 'C', { factors: 2 })?.day, -150)
  })

  it('R08c: a pregnancy for a mother whose older child was looked after', () => {
    const t = (removed: boolean) =>
      family({
        people: [
          { ref: 'U', kind: 'unborn', dueDay: 100 },
          { ref: 'O', kind: 'child', ageAtDay0: { years: 5 } },
        ],
        relationships: [
          { from: 'M', to: 'U', type: 'parent' },
          { from: 'M', to: 'O', type: 'parent' },
        ],
        events: [
          ...(removed
            ? [ev(-900, SC, 'case.opened', ['O'], { service: 'looked-after' })]
            : [ev(-900, 'gp', 'appointment.attended', ['O'])]),
          ev(-100, 'health', 'pregnancy.noted', ['M'], { person: 'M', dueDay: 100 }),
        ],
      })
    assert.deepEqual(flagFor(t(true), 'R08c', 'U'), { day: -100, evidence: [0, 1] })
    assert.equal(flagFor(t(false), 'R08c', 'U'), undefined)
  })
})

describe('T09 babies', () => {
  const bruise = (details: Record<string, unknown> = {}) =>
    ev(-10, 'health', 'injury.observed', ['C'], {
      site: 'ear',
      kind: 'bruise',
      explanation: 'Cot bars',
      explanationSource: 'parent',
      ...details,
    })

  it('R09a: any injury to a baby who is not mobile, whatever the explanation', () => {
    assert.deepEqual(flagFor(family({ age: { weeks: 10 }, events: [bruise()] }), 'R09a'), { day: -10, evidence: [0] })
    assert.equal(flagFor(family({ age: { weeks: 10 }, events: [bruise({ childMobile: true })] }), 'R09a'), undefined)
    assert.equal(flagFor(family({ age: { months: 8 }, events: [bruise()] }), 'R09a'), undefined)
    assert.equal(flagFor(family({ age: { months: 8 }, events: [bruise({ childMobile: false })] }), 'R09a')?.day, -10)
    assert.equal(flagFor(family({ age: null, events: [bruise()] }), 'R09a'), undefined)
  })

  it('R09b: a fracture under 18 months; a fracture, burn or head injury under two without explanation or late', () => {
    const injury = (months: number, details: Record<string, unknown>, extra: EventSpec[] = []) =>
      family({
        age: { months },
        events: [ev(-10, 'hospital', 'injury.observed', ['C'], { childMobile: true, ...details }), ...extra],
      })
    assert.equal(
      flagFor(injury(12, { kind: 'fracture', explanation: 'Fell', explanationSource: 'parent' }), 'R09b')?.day,
      -10,
    )
    assert.equal(
      flagFor(injury(20, { kind: 'fracture', explanation: 'Fell', explanationSource: 'parent' }), 'R09b'),
      undefined,
    )
    assert.equal(flagFor(injury(20, { kind: 'fracture', explanationSource: 'none' }), 'R09b')?.day, -10)
    const late = [ev(-10, 'hospital', 'hospital.attendance', ['C'], { reason: 'injury', delayDays: 2 })]
    assert.equal(
      flagFor(injury(20, { kind: 'burn', explanation: 'Kettle', explanationSource: 'parent' }, late), 'R09b')?.day,
      -10,
    )
    assert.equal(
      flagFor(injury(20, { kind: 'burn', explanation: 'Kettle', explanationSource: 'parent' }), 'R09b'),
      undefined,
    )
    assert.equal(flagFor(injury(36, { kind: 'fracture', explanationSource: 'none' }), 'R09b'), undefined)
  })

  it('R09c: two injuries to a baby within a year', () => {
    const t = (months: number) =>
      family({
        age: { months },
        events: [
          bruise({ childMobile: true }),
          ev(-100, 'hospital', 'hospital.attendance', ['C'], { reason: 'injury' }),
        ],
      })
    assert.deepEqual(flagFor(t(14), 'R09c'), { day: -10, evidence: [0, 1] })
    assert.equal(flagFor(t(30), 'R09c'), undefined)
    assert.equal(flagFor(family({ age: { months: 14 }, events: [bruise({ childMobile: true })] }), 'R09c'), undefined)
  })

  it('R09d: a baby in a household with domestic abuse, then a move', () => {
    const moved = ev(-20, 'housing', 'household.moved', ['C', 'M'], { temporaryAccommodation: true })
    assert.deepEqual(flagFor(family({ age: { months: 3 }, events: [da(-100), moved] }), 'R09d'), {
      day: -20,
      evidence: [0, 1],
    })
    assert.equal(flagFor(family({ age: { months: 3 }, events: [da(-100)] }), 'R09d'), undefined)
    assert.equal(flagFor(family({ age: { years: 2 }, events: [da(-100), moved] }), 'R09d'), undefined)
  })
})

describe('T09 bruising at protected sites', () => {
  it('R09e: a bruise on the ear, neck or trunk of a child under four, unless a witness explained it', () => {
    const t = (years: number, site: string, explanationSource = 'parent') =>
      family({
        age: { years },
        events: [
          ev(-10, 'early-years', 'injury.observed', ['C'], {
            site,
            kind: 'bruise',
            explanation: 'Fell',
            explanationSource,
          }),
        ],
      })
    assert.deepEqual(flagFor(t(2, 'ear'), 'R09e'), { day: -10, evidence: [0] })
    assert.equal(flagFor(t(2, 'back'), 'R09e')?.day, -10)
    assert.equal(flagFor(t(2, 'limb'), 'R09e'), undefined)
    assert.equal(flagFor(t(2, 'ear', 'witness'), 'R09e'), undefined)
    assert.equal(flagFor(t(5, 'ear'), 'R09e'), undefined)
  })
})

describe('T10 third-party concerns', () => {
  const concern = (day: number, details: Record<string, unknown>) => ev(day, 'family', 'concern.raised', ['C'], details)

  it('R10a: recorded as malicious, or a relative’s concern closed without speaking to them', () => {
    const malicious = family({
      events: [ev(-10, SC, 'referral.decision', ['C'], { outcome: 'no-further-action', reason: 'Malicious referral' })],
    })
    assert.equal(flagFor(malicious, 'R10a')?.day, -10)
    const t = (referrer: string) =>
      family({
        events: [
          concern(-12, { referrer }),
          ev(-10, SC, 'referral.decision', ['C'], { outcome: 'no-further-action', referrerContacted: false }),
        ],
      })
    assert.deepEqual(flagFor(t('relative'), 'R10a'), { day: -10, evidence: [0, 1] })
    assert.equal(flagFor(t('professional'), 'R10a'), undefined)
  })

  it('R10b: two different referrers within six months', () => {
    const t = (second: Record<string, unknown>, gap = 100) =>
      family({
        people: [
          { ref: 'G', kind: 'adult' },
          { ref: 'U', kind: 'adult' },
        ],
        events: [concern(-10 - gap, { referrer: 'relative', referrerRef: 'G' }), concern(-10, second)],
      })
    assert.equal(flagFor(t({ referrer: 'relative', referrerRef: 'U' }), 'R10b')?.day, -10)
    assert.equal(flagFor(t({ referrer: 'relative', referrerRef: 'G' }), 'R10b'), undefined)
    assert.equal(flagFor(t({ referrer: 'neighbour' }, 180), 'R10b'), undefined)
  })

  it('R10c: photographs received after a decision', () => {
    const photos = ev(-10, 'family', 'evidence.received', ['C'], { kind: 'photo' })
    assert.deepEqual(flagFor(family({ events: [ev(-60, SC, 'case.closed', ['C']), photos] }), 'R10c'), {
      day: -10,
      evidence: [0, 1],
    })
    assert.equal(flagFor(family({ events: [photos] }), 'R10c'), undefined)
  })
})

describe('T11 escalation', () => {
  const babyBruise = ev(-7, 'health', 'injury.observed', ['C'], { kind: 'bruise', site: 'face' })

  it('R11a: an injury to a baby with no strategy discussion within a working day', () => {
    const t = (sdDay?: number) =>
      family({
        age: { weeks: 10 },
        events: [
          ...(sdDay !== undefined && sdDay < -7 ? [ev(sdDay, SC, 'strategy-discussion.held', ['C'])] : []),
          babyBruise,
          ...(sdDay !== undefined && sdDay >= -7 ? [ev(sdDay, SC, 'strategy-discussion.held', ['C'])] : []),
          ev(0, 'gp', 'appointment.attended', ['C']),
        ],
      })
    const deadline = calendar.addWorkingDays(-7, 1)
    assert.deepEqual(flagFor(t(), 'R11a'), { day: deadline, evidence: [0] })
    assert.equal(flagFor(t(deadline), 'R11a'), undefined)
    assert.equal(flagFor(t(deadline + 1), 'R11a')?.day, deadline)
    assert.equal(flagFor(t(-10), 'R11a'), undefined)
  })

  it('R11a: an allegation of physical abuse counts; an explained injury to a mobile child does not', () => {
    const allegation = family({
      events: [
        ev(-7, 'family', 'concern.raised', ['C'], { referrer: 'relative', category: 'physical' }),
        ev(0, 'gp', 'appointment.attended', ['C']),
      ],
    })
    assert.equal(flagFor(allegation, 'R11a')?.day, calendar.addWorkingDays(-7, 1))
    const explained = family({
      events: [
        ev(-7, 'school', 'injury.observed', ['C'], {
          kind: 'bruise',
          site: 'limb',
          explanation: 'Fell',
          explanationSource: 'child',
          childMobile: true,
        }),
        ev(0, 'gp', 'appointment.attended', ['C']),
      ],
    })
    assert.equal(flagFor(explained, 'R11a'), undefined)
  })

  it('R11b: any injury while on a child protection plan', () => {
    const t = (onPlan: boolean) =>
      family({
        events: [
          ...(onPlan ? [ev(-100, SC, 'plan.started', ['C'])] : []),
          ev(-10, 'hospital', 'hospital.attendance', ['C'], { reason: 'injury' }),
        ],
      })
    assert.equal(flagFor(t(true), 'R11b')?.day, -10)
    assert.equal(flagFor(t(false), 'R11b'), undefined)
  })

  it('R11c: a disagreement not resolved within ten working days', () => {
    const t = (resolvedAfter?: number) =>
      family({
        events: [
          ev(-60, 'school', 'disagreement.raised', ['C'], { stage: 1 }),
          ...(resolvedAfter !== undefined ? [ev(-60 + resolvedAfter, SC, 'disagreement.resolved', ['C'])] : []),
          ev(0, 'gp', 'appointment.attended', ['C']),
        ],
      })
    assert.deepEqual(flagFor(t(), 'R11c'), { day: calendar.addWorkingDays(-60, 10), evidence: [0] })
    assert.equal(flagFor(t(5), 'R11c'), undefined)
  })

  it('R11d: a section 47 for a physical injury ended without a medical', () => {
    const t = (medical: boolean) =>
      family({
        events: [
          ev(-20, 'school', 'concern.raised', ['C'], { referrer: 'professional', category: 'physical' }),
          ev(-19, SC, 'strategy-discussion.held', ['C'], { outcome: 'section-47' }),
          ...(medical ? [ev(-15, 'health', 'medical.examination', ['C'], { findings: 'inconclusive' })] : []),
          ev(-10, SC, 'section-47.completed', ['C'], { outcome: 'not-substantiated', medical }),
        ],
      })
    assert.deepEqual(flagFor(t(false), 'R11d'), { day: -10, evidence: [0, 2] })
    assert.equal(flagFor(t(true), 'R11d'), undefined)
  })
})

describe('T12 information sharing', () => {
  it('R12a: a strategy discussion without the school that raised the concern', () => {
    const t = (agencies?: string[]) =>
      family({
        events: [
          ev(-20, 'school', 'concern.raised', ['C'], { referrer: 'professional', category: 'physical' }),
          ev(-19, SC, 'strategy-discussion.held', ['C'], agencies ? { agencies } : {}),
        ],
      })
    assert.deepEqual(flagFor(t(['social-care', 'police']), 'R12a'), { day: -19, evidence: [0, 1] })
    assert.equal(flagFor(t(['social-care', 'police', 'school']), 'R12a'), undefined)
    assert.equal(flagFor(t(), 'R12a'), undefined)
  })

  it('R12b: a domestic-abuse incident with no referral or social-care entry within three working days', () => {
    const t = (referredAfter?: number) =>
      family({
        events: [
          da(-30),
          ...(referredAfter !== undefined
            ? [
                ev(-30 + referredAfter, 'police', 'concern.raised', ['C'], {
                  referrer: 'professional',
                  category: 'domestic-abuse',
                }),
              ]
            : []),
          ev(0, 'gp', 'appointment.attended', ['C']),
        ],
      })
    assert.deepEqual(flagFor(t(), 'R12b'), { day: calendar.addWorkingDays(-30, 3), evidence: [0] })
    assert.equal(flagFor(t(1), 'R12b'), undefined)
  })

  it('R12c: a request unanswered after five working days; a check not returned at once', () => {
    const t = (answered: boolean) =>
      family({
        events: [
          ev(-30, SC, 'information.requested', ['C'], { from: 'health', requestRef: 'IR1' }),
          ...(answered
            ? [ev(-28, 'health', 'information.provided', ['C'], { to: 'social-care', requestRef: 'IR1' })]
            : []),
          ev(0, 'gp', 'appointment.attended', ['C']),
        ],
      })
    assert.deepEqual(flagFor(t(false), 'R12c'), { day: calendar.addWorkingDays(-30, 5), evidence: [0] })
    assert.equal(flagFor(t(true), 'R12c'), undefined)
    const check = family({ events: [ev(-10, 'police', 'police.check', ['P'], { about: 'P', result: 'not-returned' })] })
    assert.equal(flagFor(check, 'R12c')?.day, -10)
  })

  it('R12d: arrested or found out of area', () => {
    const t = (details: Record<string, unknown>, type: 'police.arrest' | 'missing.episode') =>
      family({ age: { years: 14 }, events: [ev(-10, 'police', type, ['C'], details)] })
    assert.equal(flagFor(t({ offence: 'supply', outOfArea: true }, 'police.arrest'), 'R12d')?.day, -10)
    assert.equal(flagFor(t({ foundOutOfArea: true }, 'missing.episode'), 'R12d')?.day, -10)
    assert.equal(flagFor(t({ offence: 'supply', outOfArea: false }, 'police.arrest'), 'R12d'), undefined)
  })

  it('R12d: out of area read from the areas recorded when the flag is not given', () => {
    const t = (arrestArea: string) =>
      family({
        age: { years: 14 },
        events: [
          { ...ev(-100, 'school', 'school.absence', ['C'], { sessions: 2 }), area: 'Waltham Forest' },
          { ...ev(-60, SC, 'visit.completed', ['C'], { childSeen: true }), area: 'Waltham Forest' },
          { ...ev(-10, 'police', 'police.arrest', ['C'], { offence: 'supply' }), area: arrestArea },
        ],
      })
    assert.equal(flagFor(t('Dorset'), 'R12d')?.day, -10)
    assert.equal(flagFor(t('waltham forest'), 'R12d'), undefined)
  })
})

describe('T13 self-report', () => {
  it('R13a: a reassuring assessment on the parent’s account; not on observation, not when rated high', () => {
    const t = (details: Record<string, unknown>) =>
      family({ events: [ev(-10, SC, 'assessment.completed', ['C'], details)] })
    assert.equal(flagFor(t({ outcome: 'no-further-action', basis: 'parent-account' }), 'R13a')?.day, -10)
    assert.equal(flagFor(t({ outcome: 'no-further-action', basis: 'observation' }), 'R13a'), undefined)
    assert.equal(
      flagFor(t({ outcome: 'child-in-need', riskLevel: 'high', basis: 'parent-account' }), 'R13a'),
      undefined,
    )
  })

  it('R13a: closed after an injury explained only by the parent, unless a medical followed', () => {
    const t = (medical: boolean) =>
      family({
        events: [
          ev(-20, SC, 'injury.observed', ['C'], {
            site: 'back',
            kind: 'bruise',
            explanation: 'Play-fighting',
            explanationSource: 'parent',
          }),
          ...(medical ? [ev(-15, 'health', 'medical.examination', ['C'], { findings: 'accidental' })] : []),
          ev(-10, SC, 'referral.decision', ['C'], { outcome: 'no-further-action' }),
        ],
      })
    assert.deepEqual(flagFor(t(false), 'R13a'), { day: -10, evidence: [0, 1] })
    assert.equal(flagFor(t(true), 'R13a'), undefined)
  })

  it('R13a: an allegation of abuse closed with nobody having seen the child', () => {
    const t = (seen: boolean) =>
      family({
        events: [
          ev(-20, 'family', 'concern.raised', ['C'], { referrer: 'relative', category: 'physical' }),
          ...(seen ? [ev(-15, SC, 'visit.completed', ['C'], { childSeen: true, seenAlone: true })] : []),
          ev(-10, SC, 'referral.decision', ['C'], { outcome: 'no-further-action', reason: 'Parents deny it' }),
        ],
      })
    assert.deepEqual(flagFor(t(false), 'R13a'), { day: -10, evidence: [0, 1] })
    assert.equal(flagFor(t(true), 'R13a'), undefined)
  })

  it('R13b: the explanation changes between accounts of the same injury', () => {
    const t = (second: string, site = 'face') =>
      family({
        events: [
          ev(-20, 'early-years', 'injury.observed', ['C'], {
            site: 'face',
            explanation: 'Fell against the table',
            explanationSource: 'parent',
          }),
          ev(-18, 'gp', 'injury.observed', ['C'], { site, explanation: second, explanationSource: 'parent' }),
        ],
      })
    assert.deepEqual(flagFor(t('Bumped into the stair gate'), 'R13b'), { day: -18, evidence: [0, 1] })
    assert.equal(flagFor(t('Fell against the table.'), 'R13b'), undefined)
    assert.equal(flagFor(t('Bumped into the stair gate', 'limb'), 'R13b'), undefined)
  })

  it('R13c: two assessments in two years resting on the parents’ account', () => {
    const assessment = (day: number) =>
      ev(day, SC, 'assessment.completed', ['C'], { outcome: 'section-47', basis: 'parent-account' })
    assert.equal(flagFor(family({ events: [assessment(-400), assessment(-10)] }), 'R13c')?.day, -10)
    assert.equal(flagFor(family({ events: [assessment(-800), assessment(-10)] }), 'R13c'), undefined)
  })
})

describe('T14 optimism', () => {
  const open = [
    ev(-200, SC, 'assessment.completed', ['C'], { outcome: 'child-in-need', riskLevel: 'high' }),
    ev(-200, SC, 'case.opened', ['C'], { service: 'child-in-need' }),
  ]
  const incident = da(-60)

  it('R14a: closed after domestic abuse since the last judgement; not with nothing new; not on one lesser item', () => {
    const closed = ev(-30, SC, 'case.closed', ['C'], { reason: 'stepped-down' })
    assert.deepEqual(flagFor(family({ events: [...open, incident, closed] }), 'R14a'), { day: -30, evidence: [2, 3] })
    assert.equal(flagFor(family({ events: [...open, closed] }), 'R14a'), undefined)
    const callOut = ev(-60, 'police', 'police.call-out', ['M'])
    assert.equal(flagFor(family({ events: [...open, callOut, closed] }), 'R14a'), undefined)
    assert.equal(flagFor(family({ events: [...open, callOut, closed] }), 'R14a', 'C', { weakItems: 1 })?.day, -30)
  })

  it('R14a: a rating lowered after new adverse information', () => {
    const lowered = ev(-30, SC, 'risk.rating-changed', ['C'], { from: 'high', to: 'medium' })
    assert.equal(flagFor(family({ events: [...open, incident, lowered] }), 'R14a')?.day, -30)
    const raised = ev(-30, SC, 'risk.rating-changed', ['C'], { from: 'medium', to: 'high' })
    assert.equal(flagFor(family({ events: [...open, incident, raised] }), 'R14a'), undefined)
  })

  it('R14b: a rating lowered with nothing new in the record', () => {
    const lowered = ev(-30, SC, 'risk.rating-changed', ['C'], { from: 'high', to: 'medium' })
    assert.equal(flagFor(family({ events: [...open, lowered] }), 'R14b')?.day, -30)
    const visit = ev(-40, SC, 'visit.completed', ['C'], { childSeen: true, seenAlone: true })
    assert.equal(flagFor(family({ events: [...open, visit, lowered] }), 'R14b'), undefined)
  })

  it('R14c: closed within days of a concern from a new source', () => {
    const t = (second: Record<string, unknown>) =>
      family({
        people: [
          { ref: 'G', kind: 'adult' },
          { ref: 'N', kind: 'adult' },
        ],
        events: [
          ev(-100, 'family', 'concern.raised', ['C'], { referrer: 'relative', referrerRef: 'G' }),
          ev(-40, 'family', 'concern.raised', ['C'], second),
          ev(-30, SC, 'referral.decision', ['C'], { outcome: 'no-further-action' }),
        ],
      })
    assert.deepEqual(flagFor(t({ referrer: 'neighbour', referrerRef: 'N' }), 'R14c'), { day: -30, evidence: [0, 1, 2] })
    assert.equal(flagFor(t({ referrer: 'relative', referrerRef: 'G' }), 'R14c'), undefined)
  })

  it('R14e: new adverse information while the case is open prompts a reassessment; not once closed', () => {
    assert.deepEqual(flagFor(family({ events: [...open, incident] }), 'R14e'), { day: -60, evidence: [0, 2] })
    const closed = family({ events: [...open, ev(-90, SC, 'case.closed', ['C']), incident] })
    assert.equal(flagFor(closed, 'R14e'), undefined)
    const later = family({ events: [...open.map(e => ({ ...e, day: -300 })), incident] })
    assert.equal(flagFor(later, 'R14e'), undefined)
  })
})

describe('T15 not in school', () => {
  it('R15a: missing education; home education only with a history', () => {
    const t = (to: string, history: boolean) =>
      family({
        age: { years: 9 },
        events: [
          ...(history
            ? [ev(-300, 'school', 'concern.raised', ['C'], { referrer: 'professional', category: 'neglect' })]
            : []),
          ev(-10, 'education', 'school.roll-change', ['C'], { to }),
        ],
      })
    assert.equal(flagFor(t('missing-education', false), 'R15a')?.day, -10)
    assert.deepEqual(flagFor(t('elective-home-education', true), 'R15a'), { day: -10, evidence: [0, 1] })
    assert.equal(flagFor(t('elective-home-education', false), 'R15a'), undefined)
  })

  it('R15b: permanent exclusion of a child going missing; not a fixed-term exclusion by default', () => {
    const t = (kind: string) =>
      family({
        age: { years: 14 },
        events: [
          ev(-100, 'police', 'missing.episode', ['C'], { hours: 12 }),
          ev(-50, 'school', 'school.exclusion', ['C'], { kind }),
        ],
      })
    assert.deepEqual(flagFor(t('permanent'), 'R15b'), { day: -50, evidence: [0, 1] })
    assert.equal(flagFor(t('fixed-term'), 'R15b'), undefined)
    assert.equal(flagFor(t('fixed-term'), 'R15b', 'C', { includeFixedTerm: true })?.day, -50)
  })

  it('R15c: persistent absence while open to social care; not absence alone', () => {
    const absences = [
      ev(-60, 'school', 'school.absence', ['C'], { sessions: 6 }),
      ev(-30, 'school', 'school.absence', ['C'], { sessions: 6 }),
    ]
    const open = ev(-100, SC, 'case.opened', ['C'], { service: 'child-in-need' })
    assert.deepEqual(flagFor(family({ age: { years: 9 }, events: [open, ...absences] }), 'R15c'), {
      day: -30,
      evidence: [1, 2],
    })
    assert.equal(flagFor(family({ age: { years: 9 }, events: absences }), 'R15c'), undefined)
  })
})

describe('T16 harm outside the home', () => {
  const teen = { years: 15 }

  it('R16a: three missing episodes in 90 days, or found out of area', () => {
    const missing = (days: number[], details: Record<string, unknown> = {}) =>
      family({ age: teen, events: days.map(d => ev(d, 'police', 'missing.episode', ['C'], { hours: 10, ...details })) })
    assert.equal(flagFor(missing([-80, -50, -10]), 'R16a')?.day, -10)
    assert.equal(flagFor(missing([-50, -10]), 'R16a'), undefined)
    assert.equal(flagFor(missing([-10], { foundOutOfArea: true }), 'R16a')?.day, -10)
  })

  it('R16b: arrested for supply, or for possession out of area', () => {
    const arrest = (details: Record<string, unknown>) =>
      family({ age: teen, events: [ev(-10, 'police', 'police.arrest', ['C'], details)] })
    assert.equal(flagFor(arrest({ offence: 'supply' }), 'R16b')?.day, -10)
    assert.equal(flagFor(arrest({ offence: 'possession', outOfArea: true }), 'R16b')?.day, -10)
    assert.equal(flagFor(arrest({ offence: 'possession' }), 'R16b'), undefined)
    assert.equal(flagFor(arrest({ offence: 'possession', person: 'P' }), 'R16b'), undefined)
  })

  it('R16c: a wound to the body of an adolescent; not a sports injury, not a young child', () => {
    const injury = (age: number, details: Record<string, unknown>) =>
      family({ age: { years: age }, events: [ev(-10, 'hospital', 'injury.observed', ['C'], details)] })
    assert.equal(flagFor(injury(15, { kind: 'wound', site: 'torso' }), 'R16c')?.day, -10)
    assert.equal(
      flagFor(injury(15, { kind: 'other', site: 'limb', explanation: 'Football', explanationSource: 'child' }), 'R16c'),
      undefined,
    )
    assert.equal(flagFor(injury(8, { kind: 'wound', site: 'torso' }), 'R16c'), undefined)
  })

  it('R16d: an adult of concern, an exploited peer, or a place other children are linked to', () => {
    const adult = (reliability: string) =>
      family({
        age: teen,
        people: [{ ref: 'X', kind: 'adult' }],
        events: [
          ev(-10, 'police', 'association.recorded', ['C'], { person: 'X', kind: 'adult-of-concern', reliability }),
        ],
      })
    assert.equal(flagFor(adult('medium'), 'R16d')?.day, -10)
    assert.equal(flagFor(adult('low'), 'R16d'), undefined)
    const peer = family({
      age: teen,
      people: [{ ref: 'Y', kind: 'child', ageAtDay0: { years: 15 } }],
      events: [
        ev(-40, 'police', 'missing.episode', ['Y'], { foundOutOfArea: true }),
        ev(-10, 'school', 'association.recorded', ['C'], { person: 'Y', kind: 'peer' }),
      ],
    })
    assert.deepEqual(flagFor(peer, 'R16d'), { day: -10, evidence: [0, 1] })
    const place = family({
      age: teen,
      people: [
        { ref: 'Y', kind: 'child' },
        { ref: 'Z', kind: 'child' },
      ],
      events: [
        ev(-40, 'police', 'place.linked', ['Y'], { place: 'Old mill' }),
        ev(-30, 'police', 'place.linked', ['Z'], { place: 'Old mill' }),
        ev(-10, 'police', 'place.linked', ['C'], { place: 'Old mill' }),
      ],
    })
    assert.equal(flagFor(place, 'R16d')?.day, -10)
  })

  it('R16e: exploitation repeating without a referral', () => {
    const t = (nrm: boolean) =>
      family({
        age: teen,
        events: [
          ev(-60, 'school', 'exploitation.indicator', ['C'], { indicator: 'new-phone' }),
          ...(nrm ? [ev(-40, SC, 'nrm.referral', ['C'])] : []),
          ev(-20, 'police', 'police.arrest', ['C'], { offence: 'possession' }),
        ],
      })
    assert.equal(flagFor(t(false), 'R16e')?.day, -20)
    assert.equal(flagFor(t(true), 'R16e'), undefined)
  })
})

describe('T17 restricted access', () => {
  it('R17a: a child on a plan seen only remotely for four weeks during restrictions', () => {
    const t = (inPerson: boolean) =>
      family({
        events: [
          ev(-150, SC, 'case.opened', ['C'], { service: 'child-in-need' }),
          ev(-100, SC, 'visit.completed', ['C'], { childSeen: true }),
          ev(-95, 'other', 'service.restricted', [], { reason: 'lockdown', untilDay: -10 }),
          ev(-90, SC, 'visit.completed', ['C'], { childSeen: true }),
          ev(-80, SC, 'visit.completed', ['C'], { childSeen: true, remote: inPerson ? false : undefined }),
          ev(-40, SC, 'visit.completed', ['C'], { childSeen: true, remote: true }),
        ],
      })
    assert.deepEqual(flagFor(t(false), 'R17a'), { day: -72, evidence: [1, 2, 3, 4] })
    assert.equal(flagFor(t(true), 'R17a')?.day, -52)
    const closed = family({
      events: [
        ev(-100, 'gp', 'appointment.attended', ['C']),
        ev(-95, 'other', 'service.restricted', [], { untilDay: -10 }),
        ev(-20, 'gp', 'appointment.attended', ['C']),
      ],
    })
    assert.equal(flagFor(closed, 'R17a'), undefined)
  })
})

describe('T18 identity and language', () => {
  it('R18a: a family member interprets', () => {
    const t = (interpreter: string) =>
      family({ events: [ev(-10, SC, 'visit.completed', ['C'], { childSeen: true, interpreter })] })
    assert.equal(flagFor(t('family-member'), 'R18a')?.day, -10)
    assert.equal(flagFor(t('not-needed'), 'R18a'), undefined)
  })
})
