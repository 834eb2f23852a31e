import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  endOfLondonDay,
  londonDate,
  londonOffsetMinutes,
  startOfLondonDay,
  summerTime,
  TIME_ZONE,
} from './london-time.ts'

const HOUR = 3_600_000

describe('Europe/London', () => {
  it('starts and ends summer time at 01:00 GMT on the last Sundays of March and October', () => {
    assert.deepEqual(summerTime(2024), {
      starts: new Date('2024-03-31T01:00:00Z'),
      ends: new Date('2024-10-27T01:00:00Z'),
    })
    assert.deepEqual(summerTime(2025), {
      starts: new Date('2025-03-30T01:00:00Z'),
      ends: new Date('2025-10-26T01:00:00Z'),
    })
    assert.equal(londonOffsetMinutes(new Date('2025-03-30T00:59:59.999Z')), 0)
    assert.equal(londonOffsetMinutes(new Date('2025-03-30T01:00:00Z')), 60)
    assert.equal(londonOffsetMinutes(new Date('2025-10-26T00:59:59.999Z')), 60)
    assert.equal(londonOffsetMinutes(new Date('2025-10-26T01:00:00Z')), 0)
  })

  it('reads an instant as its London calendar date', () => {
    assert.equal(londonDate(new Date('2025-06-01T23:30:00Z')), '2025-06-02', 'BST: 00:30 on Monday')
    assert.equal(londonDate(new Date('2025-06-01T22:59:59.999Z')), '2025-06-01')
    assert.equal(londonDate(new Date('2025-01-05T23:30:00Z')), '2025-01-05', 'GMT: still Sunday')
  })

  it('gives each date one first and one last instant, 23 or 25 hours apart on change days', () => {
    assert.deepEqual(startOfLondonDay('2025-03-30'), new Date('2025-03-30T00:00:00Z'))
    assert.deepEqual(endOfLondonDay('2025-03-30'), new Date('2025-03-30T22:59:59.999Z'))
    assert.deepEqual(startOfLondonDay('2025-10-26'), new Date('2025-10-25T23:00:00Z'))
    assert.deepEqual(endOfLondonDay('2025-10-26'), new Date('2025-10-26T23:59:59.999Z'))
    const hours = (date: string): number =>
      (endOfLondonDay(date).getTime() + 1 - startOfLondonDay(date).getTime()) / HOUR
    assert.equal(hours('2025-03-30'), 23)
    assert.equal(hours('2025-10-26'), 25)
    assert.equal(hours('2025-07-01'), 24)
    assert.deepEqual(startOfLondonDay('2025-07-01'), new Date('2025-06-30T23:00:00Z'))
  })

  it('agrees with the time-zone database from 2020 to 2030', () => {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    const instants: number[] = []
    // Every fifth hour (5 and 24 share no factor, so every hour of the day is visited), and every quarter of an
    // hour on each day the clocks change.
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2031, 0, 1); t += 5 * HOUR) instants.push(t)
    for (let year = 2020; year <= 2030; year++) {
      for (const change of Object.values(summerTime(year))) {
        for (let t = change.getTime() - 12 * HOUR; t < change.getTime() + 12 * HOUR; t += HOUR / 4) instants.push(t)
      }
    }
    for (const t of instants) {
      const parts = Object.fromEntries(format.formatToParts(new Date(t)).map(p => [p.type, p.value]))
      const date = `${parts.year}-${parts.month}-${parts.day}`
      const offset = (Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!) - t) / 60_000
      const instant = new Date(t)
      if (londonDate(instant) !== date || londonOffsetMinutes(instant) !== offset) {
        assert.fail(`${instant.toISOString()}: tzdata says ${date} offset ${offset}`)
      }
    }
  })

  it('refuses years before the present summer-time rule', () => {
    assert.throws(() => londonDate(new Date('1990-06-01T12:00:00Z')), RangeError)
    assert.throws(() => londonDate(new Date(NaN)), RangeError)
  })
})
