import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, it } from 'node:test'
import {
  dueDate,
  dueOf,
  getTimescale,
  lengthOf,
  status,
  TIMESCALE_IDS,
  TIMESCALES,
  timescales,
  type TimescaleId,
} from './timescales.ts'

/** One worked example per timescale: start, then the last on-time date in London. */
const examples: { id: TimescaleId; start: string; dueOn: string; why: string }[] = [
  { id: 'contact-decision', start: '2025-03-07T17:30:00Z', dueOn: '2025-03-10', why: 'Friday 17:30 → end of Monday' },
  { id: 'contact-decision', start: '2025-05-23T09:00:00+01:00', dueOn: '2025-05-27', why: 'spring bank holiday' },
  { id: 'assessment', start: '2025-03-03', dueOn: '2025-05-08', why: '45 working days over Easter and early May' },
  { id: 'strategy-discussion', start: '2025-03-03', dueOn: '2025-03-06', why: 'local default: 3 working days' },
  { id: 'section-47-enquiry', start: '2025-03-03', dueOn: '2025-03-24', why: 'local default: 15 working days' },
  { id: 'initial-child-protection-conference', start: '2025-12-10', dueOn: '2026-01-05', why: 'over Christmas' },
  { id: 'core-group-first', start: '2025-12-18', dueOn: '2026-01-06', why: '10 working days over Christmas' },
  { id: 'core-group', start: '2025-03-04', dueOn: '2025-04-01', why: '4 weeks' },
  { id: 'core-group', start: '2025-03-21', dueOn: '2025-04-17', why: '4 weeks is Good Friday: the day before' },
  { id: 'review-conference-first', start: '2025-01-31', dueOn: '2025-04-30', why: 'month end clamps' },
  { id: 'review-conference-first', start: '2023-11-30', dueOn: '2024-02-29', why: 'leap day' },
  { id: 'review-conference-first', start: '2025-02-03', dueOn: '2025-05-02', why: 'Saturday: the Friday before' },
  { id: 'review-conference-first', start: '2025-02-05', dueOn: '2025-05-02', why: 'early May bank holiday' },
  { id: 'review-conference', start: '2025-06-30', dueOn: '2025-12-30', why: 'six months' },
  { id: 'review-conference', start: '2025-06-25', dueOn: '2025-12-24', why: 'Christmas Day: the day before' },
  { id: 'pre-birth-review', start: '2025-03-01', dueOn: '2025-03-11', why: '10 calendar days from the birth' },
  { id: 'child-protection-visit', start: '2025-12-19', dueOn: '2026-01-07', why: '10 working days over Christmas' },
  { id: 'looked-after-review-first', start: '2025-04-14', dueOn: '2025-05-15', why: '20 working days over Easter' },
  { id: 'looked-after-review-second', start: '2025-05-15', dueOn: '2025-08-15', why: 'three months' },
  { id: 'looked-after-review', start: '2025-08-15', dueOn: '2026-02-13', why: 'six months is a Sunday' },
  { id: 'return-home-interview', start: '2025-05-10T10:00:00Z', dueOn: '2025-05-13', why: '72 hours' },
  { id: 'information-request-red', start: '2025-03-07T15:00:00Z', dueOn: '2025-03-07', why: '4 hours' },
  { id: 'information-request-amber', start: '2025-03-07T15:00:00Z', dueOn: '2025-03-08', why: '24 hours' },
  { id: 'information-request-green', start: '2025-03-07T15:00:00Z', dueOn: '2025-03-10', why: '72 hours' },
]

const startOf = (start: string): Date | string => (start.length === 10 ? start : new Date(start))

describe('the catalogue', () => {
  it('has every timescale once, in order, with a source', () => {
    assert.deepEqual(
      timescales.map(t => t.id),
      [...TIMESCALE_IDS],
    )
    for (const t of timescales) {
      assert.equal(TIMESCALES[t.id], t)
      assert.ok(t.length > 0 && t.source.document && t.source.reference && t.source.research, t.id)
      assert.equal(t.localVariation, t.basis === 'local-policy' ? 'any' : 'shorter-only', t.id)
      if (t.next) assert.ok(getTimescale(t.next), t.id)
    }
  })

  it('holds the national figures of reference/standards.md §1.1', () => {
    const figures = (id: TimescaleId): string => `${TIMESCALES[id].length} ${TIMESCALES[id].unit}`
    assert.equal(figures('contact-decision'), '1 working-days')
    assert.equal(figures('assessment'), '45 working-days')
    assert.equal(figures('initial-child-protection-conference'), '15 working-days')
    assert.equal(figures('core-group-first'), '10 working-days')
    assert.equal(figures('review-conference-first'), '3 months')
    assert.equal(figures('review-conference'), '6 months')
    assert.equal(figures('looked-after-review-first'), '20 working-days')
    assert.equal(figures('looked-after-review-second'), '3 months')
    assert.equal(figures('looked-after-review'), '6 months')
    assert.equal(figures('return-home-interview'), '72 hours')
  })

  it('is documented, figure for figure, in docs/timescales.md', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../../docs/timescales.md'), 'utf8')
    const units = { 'working-days': 'working days', 'calendar-days': 'calendar days', months: 'months', hours: 'hours' }
    const rows = doc
      .split('\n')
      .filter(line => line.startsWith('|'))
      .map(line => line.split('|').map(cell => cell.trim()))
    for (const t of timescales) {
      const cells = rows.find(row => row[1] === `\`${t.id}\``)
      assert.ok(cells, `${t.id} has a row`)
      assert.equal(cells[3], String(t.length), `${t.id} length`)
      assert.equal(cells[4], units[t.unit], `${t.id} unit`)
      assert.equal(cells[6], t.localVariation === 'any' ? 'yes (local policy)' : 'shorter only', `${t.id} local`)
    }
  })
})

describe('dueDate', () => {
  it('has a worked example for every timescale', () => {
    assert.deepEqual(new Set(examples.map(e => e.id)), new Set(TIMESCALE_IDS))
    for (const e of examples) {
      assert.equal(dueOf(e.id, startOf(e.start)).dueOn, e.dueOn, `${e.id} from ${e.start}: ${e.why}`)
    }
  })

  it('is the last millisecond of the due day in London, summer or winter', () => {
    assert.deepEqual(
      dueDate('contact-decision', new Date('2025-03-07T17:30:00Z')),
      new Date('2025-03-10T23:59:59.999Z'),
    )
    assert.deepEqual(
      dueDate('contact-decision', new Date('2025-03-08T10:00:00Z')),
      new Date('2025-03-10T23:59:59.999Z'),
    )
    // Friday 28 March 2025, 17:30 GMT: the clocks go forward on Sunday, so Monday ends at 22:59:59.999 UTC.
    assert.deepEqual(
      dueDate('contact-decision', new Date('2025-03-28T17:30:00Z')),
      new Date('2025-03-31T22:59:59.999Z'),
    )
    // Friday 24 October 2025, 17:30 BST: the clocks go back on Sunday.
    assert.deepEqual(
      dueDate('contact-decision', new Date('2025-10-24T16:30:00Z')),
      new Date('2025-10-27T23:59:59.999Z'),
    )
    // 00:30 BST on Monday 2 June is Monday in London though it is Sunday in UTC.
    assert.deepEqual(
      dueDate('contact-decision', new Date('2025-06-01T23:30:00Z')),
      new Date('2025-06-03T22:59:59.999Z'),
    )
  })

  it('counts hours as elapsed time across the summer-time changes', () => {
    assert.deepEqual(
      dueDate('return-home-interview', new Date('2025-03-29T10:00:00Z')),
      new Date('2025-04-01T10:00:00Z'),
    )
    assert.deepEqual(
      dueDate('return-home-interview', new Date('2025-10-25T09:00:00Z')),
      new Date('2025-10-28T09:00:00Z'),
    )
    assert.throws(() => dueDate('return-home-interview', '2025-03-29'), /instant/)
  })

  it('uses a partnership’s lengths: any for local policy, only shorter for statutory timescales', () => {
    const settings = { lengths: { 'child-protection-visit': 5, 'information-request-red': 2, assessment: 20 } }
    assert.equal(dueOf('child-protection-visit', '2025-03-03', settings).dueOn, '2025-03-10')
    assert.equal(lengthOf(getTimescale('information-request-red'), settings), 2)
    assert.equal(dueOf('assessment', '2025-03-03', settings).dueOn, '2025-03-31')
    assert.equal(
      dueOf('strategy-discussion', '2025-03-03', { lengths: { 'strategy-discussion': 5 } }).dueOn,
      '2025-03-10',
    )
    assert.throws(() => dueDate('assessment', '2025-03-03', { lengths: { assessment: 46 } }), /not lengthen/)
    assert.throws(() => dueDate('child-protection-visit', '2025-03-03', { lengths: { 'child-protection-visit': 0 } }))
    assert.throws(() => dueDate('core-group', '2025-03-03', { lengths: { 'core-group': 1.5 } }), /whole number/)
    assert.deepEqual(
      dueDate('information-request-red', new Date('2025-03-07T15:00:00Z'), {
        lengths: { 'information-request-red': 1.5 },
      }),
      new Date('2025-03-07T16:30:00Z'),
    )
  })

  it('refuses an unknown timescale', () => {
    assert.throws(() => dueDate('tea-break' as TimescaleId, '2025-03-03'), /unknown timescale/)
  })
})

describe('status', () => {
  const friday = new Date('2025-03-07T17:30:00Z')

  it('counts down in working days to the end of the due day', () => {
    const at = (now: string) => status('contact-decision', friday, new Date(now))
    assert.deepEqual(at('2025-03-07T18:00:00Z'), {
      due: new Date('2025-03-10T23:59:59.999Z'),
      dueOn: '2025-03-10',
      state: 'running',
      unit: 'working-days',
      remaining: 1,
      isOverdue: false,
      overdueBy: 0,
    })
    assert.equal(at('2025-03-09T12:00:00Z').remaining, 1, 'Sunday: Monday still to come')
    assert.equal(at('2025-03-10T23:59:59.999Z').isOverdue, false, 'the last instant is on time')
    assert.equal(at('2025-03-10T09:00:00Z').remaining, 0)
    const late = at('2025-03-11T00:00:00Z')
    assert.equal(late.state, 'overdue')
    assert.equal(late.isOverdue, true)
    assert.equal(late.remaining, -1)
    assert.equal(late.overdueBy, 1)
  })

  it('is overdue by 0 working days over the weekend after a Friday deadline', () => {
    const discussion = '2025-02-28' // initial conference due Friday 21 March
    assert.equal(
      status('initial-child-protection-conference', discussion, new Date('2025-03-21T16:00:00Z')).state,
      'running',
    )
    const saturday = status('initial-child-protection-conference', discussion, new Date('2025-03-22T10:00:00Z'))
    assert.equal(saturday.isOverdue, true)
    assert.equal(saturday.overdueBy, 0)
    assert.equal(
      status('initial-child-protection-conference', discussion, new Date('2025-03-24T10:00:00Z')).overdueBy,
      1,
    )
  })

  it('stops at completion: met or missed', () => {
    const met = status('contact-decision', friday, new Date('2025-04-01T09:00:00Z'), new Date('2025-03-10T16:00:00Z'))
    assert.equal(met.state, 'met')
    assert.equal(met.isOverdue, false)
    assert.equal(met.remaining, 0)
    const missed = status(
      'contact-decision',
      friday,
      new Date('2025-04-01T09:00:00Z'),
      new Date('2025-03-12T09:00:00Z'),
    )
    assert.equal(missed.state, 'missed')
    assert.equal(missed.isOverdue, true)
    assert.equal(missed.overdueBy, 2)
  })

  it('counts months in calendar days and hours in hours', () => {
    const review = status('review-conference-first', '2025-01-31', new Date('2025-04-01T09:00:00+01:00'))
    assert.equal(review.unit, 'calendar-days')
    assert.equal(review.remaining, 29)
    const interview = (now: string) => status('return-home-interview', new Date('2025-03-29T10:00:00Z'), new Date(now))
    assert.equal(interview('2025-03-31T10:00:00Z').remaining, 24)
    assert.equal(interview('2025-04-01T10:00:00Z').isOverdue, false)
    assert.equal(interview('2025-04-01T10:00:00.001Z').isOverdue, true)
    assert.equal(interview('2025-04-01T12:00:00Z').overdueBy, 2)
    assert.equal(interview('2025-04-01T12:00:00Z').remaining, -2)
  })
})
