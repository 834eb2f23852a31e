import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { BANK_HOLIDAY_YEARS, ENGLAND_AND_WALES_BANK_HOLIDAYS, PUBLISHED_THROUGH } from './bank-holidays.data.ts'
import { easterSunday, standingBankHolidays } from './bank-holiday-rules.ts'
import { addCalendarDays, toDayNumber, weekdayOfDay } from './calendar-date.ts'
import { englandAndWales } from './working-days.ts'

const datesOf = (year: number): string[] => englandAndWales.bankHolidays(year).map(h => h.date)

describe('England and Wales bank holidays', () => {
  it('has the published number of holidays each year', () => {
    const counts: Record<number, number> = {
      2020: 8,
      2021: 8,
      2022: 10, // Platinum Jubilee and the State Funeral
      2023: 9, // Coronation
      2024: 8,
      2025: 8,
      2026: 8,
      2027: 8,
      2028: 8,
      2029: 8,
      2030: 8,
    }
    for (let year = BANK_HOLIDAY_YEARS.first; year <= BANK_HOLIDAY_YEARS.last; year++) {
      assert.equal(datesOf(year).length, counts[year], `${year}`)
    }
    assert.equal(ENGLAND_AND_WALES_BANK_HOLIDAYS.length, 91)
  })

  it('matches the GOV.UK snapshot in reference/standards.md §6 for 2022 to 2027', () => {
    const snapshot =
      `2022-01-03, 2022-04-15, 2022-04-18, 2022-05-02, 2022-06-02, 2022-06-03, 2022-08-29, 2022-09-19, 2022-12-26, 2022-12-27,
      2023-01-02, 2023-04-07, 2023-04-10, 2023-05-01, 2023-05-08, 2023-05-29, 2023-08-28, 2023-12-25, 2023-12-26,
      2024-01-01, 2024-03-29, 2024-04-01, 2024-05-06, 2024-05-27, 2024-08-26, 2024-12-25, 2024-12-26,
      2025-01-01, 2025-04-18, 2025-04-21, 2025-05-05, 2025-05-26, 2025-08-25, 2025-12-25, 2025-12-26,
      2026-01-01, 2026-04-03, 2026-04-06, 2026-05-04, 2026-05-25, 2026-08-31, 2026-12-25, 2026-12-28,
      2027-01-01, 2027-03-26, 2027-03-29, 2027-05-03, 2027-05-31, 2027-08-30, 2027-12-27, 2027-12-28`
        .split(',')
        .map(s => s.trim())
    const ours = [2022, 2023, 2024, 2025, 2026, 2027].flatMap(datesOf)
    assert.deepEqual(ours, snapshot)
  })

  it('has the one-off and moved holidays', () => {
    assert.equal(englandAndWales.bankHoliday('2020-05-08')?.title, 'Early May bank holiday (VE day)')
    assert.equal(englandAndWales.isBankHoliday('2020-05-04'), false, 'VE day 2020 replaced the first Monday')
    assert.equal(englandAndWales.bankHoliday('2022-06-02')?.title, 'Spring bank holiday')
    assert.equal(englandAndWales.isBankHoliday('2022-05-30'), false, 'the 2022 spring holiday moved to June')
    assert.equal(englandAndWales.bankHoliday('2022-06-03')?.title, 'Platinum Jubilee bank holiday')
    assert.match(englandAndWales.bankHoliday('2022-09-19')?.title ?? '', /State Funeral/)
    assert.match(englandAndWales.bankHoliday('2023-05-08')?.title ?? '', /coronation/)
  })

  it('has substitute days when Christmas, Boxing Day or New Year fall at a weekend', () => {
    assert.deepEqual(
      ['2020-12-28', '2021-12-27', '2021-12-28', '2022-01-03', '2022-12-27', '2023-01-02', '2026-12-28'].map(
        d => englandAndWales.bankHoliday(d)?.note,
      ),
      Array(7).fill('Substitute day'),
    )
    assert.equal(englandAndWales.isBankHoliday('2022-12-25'), false, 'a Sunday is not itself the bank holiday')
  })

  it('never lists a weekend, a duplicate or a date out of order', () => {
    const days = ENGLAND_AND_WALES_BANK_HOLIDAYS.map(h => toDayNumber(h.date))
    for (const day of days) assert.ok(weekdayOfDay(day) >= 1 && weekdayOfDay(day) <= 5)
    assert.deepEqual(
      days,
      [...new Set(days)].sort((a, b) => a - b),
    )
  })

  it('follows the standing pattern in every year except the known one-off changes', () => {
    const exceptions = new Set([
      '2020-05-04',
      '2020-05-08',
      '2022-05-30',
      '2022-06-02',
      '2022-06-03',
      '2022-09-19',
      '2023-05-08',
    ])
    for (let year = BANK_HOLIDAY_YEARS.first; year <= BANK_HOLIDAY_YEARS.last; year++) {
      const pattern = standingBankHolidays(year).filter(h => !exceptions.has(h.date))
      const listed = englandAndWales.bankHolidays(year).filter(h => !exceptions.has(h.date))
      assert.deepEqual(listed, pattern, `${year}`)
    }
    assert.ok(PUBLISHED_THROUGH < BANK_HOLIDAY_YEARS.last)
  })

  it('puts Good Friday and Easter Monday either side of the computed Easter Sunday', () => {
    for (let year = BANK_HOLIDAY_YEARS.first; year <= BANK_HOLIDAY_YEARS.last; year++) {
      const easter = easterSunday(year)
      assert.equal(englandAndWales.bankHoliday(addCalendarDays(easter, -2))?.title, 'Good Friday', `${year}`)
      assert.equal(englandAndWales.bankHoliday(addCalendarDays(easter, 1))?.title, 'Easter Monday', `${year}`)
    }
  })
})

describe('easterSunday (Gregorian computus)', () => {
  it('gives the known dates', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22', // earliest possible
      1943: '1943-04-25', // latest possible
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2020: '2020-04-12',
      2021: '2021-04-04',
      2022: '2022-04-17',
      2023: '2023-04-09',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2029: '2029-04-01',
      2030: '2030-04-21',
      2038: '2038-04-25',
      2285: '2285-03-22',
    }
    for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date, year)
  })

  it('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1900; year <= 2100; year++) {
      const easter = easterSunday(year)
      assert.equal(weekdayOfDay(toDayNumber(easter)), 0, easter)
      assert.ok(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25', easter)
    }
  })

  it('refuses years before the Gregorian calendar', () => {
    assert.throws(() => easterSunday(1582), RangeError)
  })
})
