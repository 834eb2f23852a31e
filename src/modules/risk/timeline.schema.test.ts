import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { EventType } from '../chronology/index.ts'
import { detailSchemas } from '../chronology/index.ts'
import { parseTimeline, safeParseTimeline, TimelineError } from './timeline.schema.ts'

/** The example of contracts/timeline.md. */
const example = {
  id: 'example-1',
  title: 'free text',
  people: [
    {
      ref: 'C1',
      kind: 'child',
      givenName: 'Amy',
      familyName: 'Smith',
      dateOfBirth: '2019-03-01',
      sex: 'F',
      nhsNumber: 'optional',
    },
    { ref: 'A1', kind: 'adult', givenName: 'Lee', familyName: 'Jones', sex: 'M' },
  ],
  relationships: [{ from: 'A1', to: 'C1', type: 'mother-partner', fromDay: -300 }],
  events: [
    {
      day: -120,
      agency: 'health',
      type: 'appointment.was-not-brought',
      subjects: ['C1'],
      details: { service: 'health-visiting' },
    },
  ],
}

const withEvent = (event: Record<string, unknown>) => ({ ...example, events: [...example.events, event] })

function issuesOf(input: unknown): string[] {
  const result = safeParseTimeline(input)
  assert.equal(result.ok, false, 'expected the timeline to be refused')
  return result.ok ? [] : result.issues.map(i => i.message)
}

describe('timelines', () => {
  it('accepts the contract’s example', () => {
    const t = parseTimeline(example)
    assert.equal(t.people.length, 2)
    assert.equal(t.events[0]?.type, 'appointment.was-not-brought')
  })

  it('has a detail schema for every event type of the vocabulary', () => {
    assert.deepEqual(Object.keys(detailSchemas).sort(), [...EventType.options].sort())
  })

  it('accepts unborn children, ages on day 0, events with no subjects and unknown fields outside events', () => {
    const t = parseTimeline({
      id: 'x',
      source: 'a review’s chronology',
      people: [
        { ref: 'U', kind: 'unborn', dueDay: 40, notes: 'ignored' },
        { ref: 'C', kind: 'child', ageAtDay0: { weeks: 9 } },
        { ref: 'M', kind: 'adult' },
      ],
      relationships: [{ from: 'M', to: 'U', type: 'parent', note: 'ignored' }],
      events: [
        {
          day: -100,
          agency: 'other',
          type: 'service.restricted',
          subjects: [],
          details: { reason: 'lockdown', untilDay: -10 },
        },
        {
          day: -20,
          agency: 'health',
          type: 'pregnancy.noted',
          subjects: ['M'],
          details: { person: 'M', dueDay: 40 },
          organisation: 'Riverside',
          area: 'North',
        },
        { day: -10, agency: 'social-care', type: 'nrm.referral', subjects: ['C'] },
      ],
    })
    assert.equal(t.events.length, 3)
    assert.deepEqual(t.events[2]?.details, {})
  })

  it('refuses an unknown event type, naming the event and the field', () => {
    const messages = issuesOf(withEvent({ day: -1, agency: 'police', type: 'police.raid', subjects: ['C1'] }))
    assert.deepEqual(messages, ["events[1]: unknown event type 'police.raid'"])
  })

  it('refuses an unknown agency', () => {
    assert.deepEqual(issuesOf(withEvent({ day: -1, agency: 'nhs', type: 'police.call-out', subjects: ['C1'] })), [
      "events[1]: unknown agency 'nhs'",
    ])
  })

  it('refuses an unknown detail field and an unknown value, naming the field', () => {
    const messages = issuesOf(
      withEvent({
        day: -1,
        agency: 'police',
        type: 'police.domestic-abuse',
        subjects: ['A1'],
        details: { severity: 'high', riskLevel: 'extreme' },
      }),
    )
    assert.equal(messages.length, 2)
    assert.ok(
      messages.some(m => m.includes('events[1]') && m.includes("unknown field 'details.severity'")),
      messages.join('\n'),
    )
    assert.ok(
      messages.some(m => m.includes('events[1]') && m.includes('details.riskLevel')),
      messages.join('\n'),
    )
  })

  it('refuses a missing required detail', () => {
    const messages = issuesOf(
      withEvent({ day: -1, agency: 'social-care', type: 'visit.completed', subjects: ['C1'], details: {} }),
    )
    assert.deepEqual(messages, ['events[1] (visit.completed): details.childSeen is required'])
  })

  it('refuses references to people who are not in the timeline', () => {
    const messages = issuesOf(
      withEvent({
        day: -1,
        agency: 'police',
        type: 'police.record',
        subjects: ['X9'],
        details: { person: 'X8', kind: 'conviction' },
      }),
    )
    assert.deepEqual(messages, [
      "events[1]: subjects[0] 'X9' is not one of the people",
      "events[1]: details.person 'X8' is not one of the people",
    ])
  })

  it('refuses a whole timeline for one bad event: nothing is half-imported', () => {
    const bad = withEvent({ day: 1.5, agency: 'police', type: 'police.call-out', subjects: ['C1'] })
    assert.throws(
      () => parseTimeline(bad),
      (e: unknown) => e instanceof TimelineError && e.issues.length === 1 && e.message.includes('events[1]'),
    )
  })

  it('refuses duplicate refs, bad dates, unknown relationship types and an empty cast', () => {
    const messages = issuesOf({
      ...example,
      people: [...example.people, { ref: 'C1', kind: 'child', dateOfBirth: '2019-02-30' }],
      relationships: [{ from: 'A1', to: 'C1', type: 'uncle' }],
    })
    assert.ok(
      messages.some(m => m.startsWith('people[2]') && m.includes('dateOfBirth')),
      messages.join('\n'),
    )
    assert.ok(
      messages.some(m => m.startsWith('relationships[0]') && m.includes('type')),
      messages.join('\n'),
    )
    assert.deepEqual(issuesOf({ id: 'x', people: [], events: [] }), [
      'timeline: people: a timeline needs at least one person',
    ])
    const duplicate = issuesOf({ ...example, people: [...example.people, { ref: 'A1', kind: 'adult' }] })
    assert.deepEqual(duplicate, ["people[2]: ref 'A1' is used twice"])
  })
})
