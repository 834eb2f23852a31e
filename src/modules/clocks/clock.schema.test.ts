import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { clockStatus, nextClock, openClock } from './clock.ts'
import { Clock, NewClock, TimescaleLengths } from './clock.schema.ts'

const personId = '0b6a3f2e-4c1d-4e8a-9f00-2d5c7b1a9e31'
const clockId = '5f0c2b7a-8e1d-4a3b-b6c9-1e2d3f4a5b6c'

describe('clocks', () => {
  it('opens with its due instant fixed, and parses as a Clock', () => {
    const input = NewClock.parse({
      personId,
      timescaleId: 'contact-decision',
      sourceId: 'entry-1',
      startedAt: new Date('2025-03-07T17:30:00Z'),
    })
    const opened = openClock(input)
    assert.deepEqual(opened.dueAt, new Date('2025-03-10T23:59:59.999Z'))
    assert.equal(opened.completedAt, null)
    const clock = Clock.parse({ ...opened, id: clockId })
    assert.equal(clockStatus(clock, new Date('2025-03-11T09:00:00Z')).state, 'overdue')
    assert.equal(clockStatus({ ...clock, completedAt: new Date('2025-03-10T12:00:00Z') }, new Date()).state, 'met')
  })

  it('keeps the local length it opened with', () => {
    const input = {
      personId,
      timescaleId: 'child-protection-visit' as const,
      sourceId: null,
      startedAt: new Date('2025-03-03T10:00:00Z'),
    }
    const local = openClock(input, { lengths: { 'child-protection-visit': 5 } })
    assert.deepEqual(local.dueAt, new Date('2025-03-10T23:59:59.999Z'))
  })

  it('rejects an unknown timescale, a bad person id, or a due date before the start', () => {
    const valid = {
      id: clockId,
      personId,
      timescaleId: 'assessment',
      sourceId: null,
      startedAt: new Date('2025-03-03T09:00:00Z'),
      dueAt: new Date('2025-05-08T22:59:59.999Z'),
      completedAt: null,
    }
    assert.equal(Clock.safeParse(valid).success, true)
    assert.equal(Clock.safeParse({ ...valid, timescaleId: 'tea-break' }).success, false)
    assert.equal(Clock.safeParse({ ...valid, personId: 'C1' }).success, false)
    assert.equal(Clock.safeParse({ ...valid, dueAt: new Date('2025-03-02T00:00:00Z') }).success, false)
  })

  it('starts the next clock of recurring work when one is completed', () => {
    const completedAt = new Date('2025-06-25T10:00:00+01:00')
    const next = nextClock({ personId, timescaleId: 'review-conference-first', completedAt }, 'entry-9')
    assert.deepEqual(next, { personId, timescaleId: 'review-conference', sourceId: 'entry-9', startedAt: completedAt })
    assert.equal(nextClock({ personId, timescaleId: 'review-conference-first', completedAt: null }), undefined)
    assert.equal(nextClock({ personId, timescaleId: 'assessment', completedAt }), undefined)
  })
})

describe('TimescaleLengths', () => {
  it('accepts local lengths and refuses to lengthen a statutory timescale', () => {
    assert.deepEqual(TimescaleLengths.parse({ 'information-request-red': 2, assessment: 40 }), {
      'information-request-red': 2,
      assessment: 40,
    })
    const longer = TimescaleLengths.safeParse({ assessment: 50 })
    assert.equal(longer.success, false)
    assert.match(longer.error?.issues[0]?.message ?? '', /not lengthen/)
    assert.deepEqual(longer.error?.issues[0]?.path, ['assessment'])
    assert.equal(TimescaleLengths.safeParse({ 'core-group': 0 }).success, false)
    assert.equal(TimescaleLengths.safeParse({ 'no-such-clock': 3 }).success, false)
  })
})
