import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { timeLeft } from './time-left.ts'

describe('time left to the front door’s decision', () => {
  it('says how long is left, or how overdue', () => {
    const due = new Date('2026-11-26T10:00:00Z')
    assert.deepEqual(timeLeft(due, new Date('2026-11-26T06:40:00Z')).text, '3 hours 20 minutes left')
    assert.deepEqual(timeLeft(due, new Date('2026-11-26T12:00:00Z')), { overdue: true, text: 'Overdue by 2 hours', minutes: -120 })
  })
})
