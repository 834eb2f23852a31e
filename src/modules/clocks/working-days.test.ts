import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays.data.ts'
import { fromDayNumber, toDayNumber, weekdayOfDay } from './calendar-date.ts'
import {
  addWorkingDays,
  englandAndWales,
  isWorkingDay,
  WorkingDayCalendar,
  workingDaysBetween,
} from './working-days.ts'

describe('isWorkingDay', () => {
  it('is Monday to Friday less bank holidays', () => {
    assert.equal(isWorkingDay('2025-03-07'), true, 'Friday')
    assert.equal(isWorkingDay('2025-03-08'), false, 'Saturday')
    assert.equal(isWorkingDay('2025-03-09'), false, 'Sunday')
    assert.equal(isWorkingDay('2025-12-25'), false, 'Christmas Day')
    assert.equal(isWorkingDay('2026-12-28'), false, 'Boxing Day substitute')
    assert.equal(isWorkingDay('2022-09-19'), false, 'State Funeral')
    assert.equal(isWorkingDay('2025-12-31'), true, 'New Year’s Eve is a working day')
  })

  it('reads an instant as its date in London', () => {
    assert.equal(isWorkingDay(new Date('2025-06-01T23:30:00Z')), true, '00:30 BST on Monday 2 June')
    assert.equal(isWorkingDay(new Date('2025-01-05T23:30:00Z')), false, '23:30 GMT on Sunday 5 January')
  })

  it('refuses strings that are not dates', () => {
    assert.throws(() => isWorkingDay('2025-02-29'), RangeError)
    assert.throws(() => isWorkingDay('2025-3-7'), RangeError)
  })
})

describe('addWorkingDays', () => {
  it('crosses weekends, and counts from the day after the start', () => {
    assert.equal(addWorkingDays('2025-03-07', 1), '2025-03-10', 'Friday + 1 = Monday')
    assert.equal(addWorkingDays('2025-03-08', 1), '2025-03-10', 'Saturday + 1 = Monday')
    assert.equal(addWorkingDays('2025-03-09', 1), '2025-03-10', 'Sunday + 1 = Monday')
    assert.equal(addWorkingDays('2025-03-03', 5), '2025-03-10', 'Monday + 5 = next Monday')
    assert.equal(
      addWorkingDays('2025-03-03', 45),
      '2025-05-08',
      'assessment: 45 working days, over Easter and early May',
    )
    assert.equal(addWorkingDays('2025-03-08', 0), '2025-03-08', '+0 is the date itself')
  })

  it('crosses Christmas and New Year', () => {
    assert.equal(addWorkingDays('2025-12-24', 1), '2025-12-29')
    assert.equal(addWorkingDays('2025-12-31', 1), '2026-01-02')
    assert.equal(addWorkingDays('2021-12-24', 1), '2021-12-29', 'both 2021 days were substitutes')
    assert.equal(addWorkingDays('2026-12-24', 1), '2026-12-29', 'Christmas Friday, Boxing Day substitute Monday')
    assert.equal(addWorkingDays('2022-12-23', 2), '2022-12-29')
    assert.equal(addWorkingDays('2022-12-30', 1), '2023-01-03', 'New Year substitute')
    assert.equal(addWorkingDays('2025-12-19', 10), '2026-01-07')
  })

  it('crosses Easter and the one-off holidays', () => {
    assert.equal(addWorkingDays('2025-04-17', 1), '2025-04-22', 'Maundy Thursday + 1')
    assert.equal(addWorkingDays('2022-09-16', 1), '2022-09-20', 'State Funeral')
    assert.equal(addWorkingDays('2023-05-05', 1), '2023-05-09', 'Coronation')
    assert.equal(addWorkingDays('2022-06-01', 1), '2022-06-06', 'Platinum Jubilee')
  })

  it('goes backwards for a negative count', () => {
    assert.equal(addWorkingDays('2025-12-29', -1), '2025-12-24')
    assert.equal(addWorkingDays('2026-01-02', -3), '2025-12-29')
    assert.equal(addWorkingDays('2025-03-09', -1), '2025-03-07', 'Sunday - 1 = Friday')
  })

  it('is indifferent to summer time: instants are read as London dates', () => {
    // Friday 28 March 2025, 23:30 GMT; the clocks go forward on Sunday.
    assert.equal(addWorkingDays(new Date('2025-03-28T23:30:00Z'), 1), '2025-03-31')
    // Friday 24 October 2025, 23:30 BST is still Friday in London (22:30 UTC); the clocks go back on Sunday.
    assert.equal(addWorkingDays(new Date('2025-10-24T22:30:00Z'), 1), '2025-10-27')
    // 23:30 UTC that night is already Saturday in London.
    assert.equal(addWorkingDays(new Date('2025-10-24T23:30:00Z'), 1), '2025-10-27')
    assert.equal(workingDaysBetween(new Date('2025-10-24T22:30:00Z'), new Date('2025-10-24T23:30:00Z')), 0)
  })

  it('refuses a count that is not a whole number, and dates beyond the list', () => {
    assert.throws(() => addWorkingDays('2025-03-07', 1.5), RangeError)
    assert.throws(() => addWorkingDays('2030-12-31', 1), /2031/)
    assert.throws(() => addWorkingDays('2020-01-01', -1), /2019/)
    assert.equal(englandAndWales.covers('2030-12-31'), true)
    assert.equal(englandAndWales.covers('2031-01-01'), false)
  })
})

describe('workingDaysBetween', () => {
  it('counts the working days after the first date up to and including the second', () => {
    assert.equal(workingDaysBetween('2025-03-03', '2025-03-03'), 0, 'same day')
    assert.equal(workingDaysBetween('2025-03-07', '2025-03-10'), 1, 'Friday to Monday')
    assert.equal(workingDaysBetween('2025-03-10', '2025-03-07'), -1, 'backwards')
    assert.equal(workingDaysBetween('2025-03-07', '2025-03-09'), 0, 'Friday to Sunday')
    assert.equal(workingDaysBetween('2025-03-08', '2025-03-10'), 1, 'Saturday to Monday')
    assert.equal(workingDaysBetween('2025-12-24', '2026-01-02'), 4)
    assert.equal(workingDaysBetween('2024-12-31', '2025-12-31'), 253, 'the working days of 2025')
    assert.equal(workingDaysBetween('2021-12-31', '2022-12-31'), 250, 'the working days of 2022')
  })

  it('agrees with a day-by-day count and inverts addWorkingDays, on random dates', () => {
    const holidays = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map(h => toDayNumber(h.date)))
    const naiveWorking = (day: number): boolean =>
      weekdayOfDay(day) !== 0 && weekdayOfDay(day) !== 6 && !holidays.has(day)
    const first = toDayNumber('2020-01-01')
    const last = toDayNumber('2030-12-31')
    let seed = 20_250_307
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      return seed % n
    }
    for (let i = 0; i < 2000; i++) {
      const a = first + random(last - first + 1)
      const b = Math.min(last, a + random(400))
      let naive = 0
      for (let d = a + 1; d <= b; d++) if (naiveWorking(d)) naive++
      const from = fromDayNumber(a)
      const to = fromDayNumber(b)
      assert.equal(workingDaysBetween(from, to), naive, `${from}..${to}`)
      assert.equal(workingDaysBetween(to, from), 0 - naive, `${to}..${from}`)
      assert.equal(englandAndWales.isWorkingDayNumber(a), naiveWorking(a), from)
      if (naive > 0 && naiveWorking(b)) {
        assert.equal(addWorkingDays(from, naive), to, `${from} + ${naive}`)
        if (naiveWorking(a)) assert.equal(addWorkingDays(to, -naive), from, `${to} - ${naive}`)
      }
    }
  })
})

describe('WorkingDayCalendar', () => {
  it('can follow the standing pattern outside its list, for history and replays', () => {
    const calendar = new WorkingDayCalendar({ outsideYears: 'pattern' })
    assert.equal(calendar.isBankHoliday('2019-12-25'), true)
    assert.equal(calendar.isBankHoliday('2031-01-01'), true)
    assert.equal(calendar.isBankHoliday('2022-09-19'), true, 'the list still wins inside its years')
    assert.equal(calendar.addWorkingDays('2030-12-24', 4), '2031-01-02')
    assert.equal(calendar.covers('1990-01-01'), true)
  })

  it('takes another list of holidays', () => {
    const calendar = new WorkingDayCalendar({
      holidays: [
        { date: '2025-01-01', title: 'New Year’s Day' },
        { date: '2025-01-02', title: '2nd January' },
      ],
    })
    assert.deepEqual(calendar.years, { first: 2025, last: 2025 })
    assert.equal(calendar.addWorkingDays('2025-01-01', 1), '2025-01-03')
    assert.throws(() => calendar.isWorkingDay('2024-12-31'), RangeError)
  })
})
