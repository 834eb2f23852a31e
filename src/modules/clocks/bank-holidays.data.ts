/**
 * England and Wales bank holidays, 2020 to 2030, in the shape of the GOV.UK feed (`www.gov.uk/bank-holidays.json`,
 * division `england-and-wales`): date, title, and a note on substitute days. Scotland and Northern Ireland differ
 * and are not here.
 *
 * - 2020 to 2027 are the published dates. 2022 to 2027 match the feed snapshot in reference/standards.md §6.
 *   One-off changes: 2020's early May holiday moved to Friday 8 May (75th anniversary of VE Day); 2022's spring
 *   holiday moved to Thursday 2 June, with Friday 3 June added for the Platinum Jubilee and Monday 19 September
 *   for the State Funeral of Queen Elizabeth II; Monday 8 May 2023 was added for the Coronation of King Charles III.
 * - 2028 to 2030 are not yet published: they follow the standing pattern (bank-holiday-rules.ts), which the tests
 *   check against every published year. Compare them with the feed when GOV.UK publishes them, and add a year
 *   before the calendar reaches the end of this list (it refuses dates beyond it rather than guess).
 */
import type { IsoDate } from './calendar-date.ts'

export type BankHoliday = { readonly date: IsoDate; readonly title: string; readonly note?: string }

/** The first and last years this list covers. */
export const BANK_HOLIDAY_YEARS = { first: 2020, last: 2030 } as const

/** The last year whose dates GOV.UK has published; later years are the standing pattern. */
export const PUBLISHED_THROUGH = 2027

const SUBSTITUTE = 'Substitute day'

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = [
  { date: '2020-01-01', title: 'New Year’s Day' },
  { date: '2020-04-10', title: 'Good Friday' },
  { date: '2020-04-13', title: 'Easter Monday' },
  { date: '2020-05-08', title: 'Early May bank holiday (VE day)' },
  { date: '2020-05-25', title: 'Spring bank holiday' },
  { date: '2020-08-31', title: 'Summer bank holiday' },
  { date: '2020-12-25', title: 'Christmas Day' },
  { date: '2020-12-28', title: 'Boxing Day', note: SUBSTITUTE },

  { date: '2021-01-01', title: 'New Year’s Day' },
  { date: '2021-04-02', title: 'Good Friday' },
  { date: '2021-04-05', title: 'Easter Monday' },
  { date: '2021-05-03', title: 'Early May bank holiday' },
  { date: '2021-05-31', title: 'Spring bank holiday' },
  { date: '2021-08-30', title: 'Summer bank holiday' },
  { date: '2021-12-27', title: 'Christmas Day', note: SUBSTITUTE },
  { date: '2021-12-28', title: 'Boxing Day', note: SUBSTITUTE },

  { date: '2022-01-03', title: 'New Year’s Day', note: SUBSTITUTE },
  { date: '2022-04-15', title: 'Good Friday' },
  { date: '2022-04-18', title: 'Easter Monday' },
  { date: '2022-05-02', title: 'Early May bank holiday' },
  { date: '2022-06-02', title: 'Spring bank holiday' },
  { date: '2022-06-03', title: 'Platinum Jubilee bank holiday' },
  { date: '2022-08-29', title: 'Summer bank holiday' },
  { date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2022-12-26', title: 'Boxing Day' },
  { date: '2022-12-27', title: 'Christmas Day', note: SUBSTITUTE },

  { date: '2023-01-02', title: 'New Year’s Day', note: SUBSTITUTE },
  { date: '2023-04-07', title: 'Good Friday' },
  { date: '2023-04-10', title: 'Easter Monday' },
  { date: '2023-05-01', title: 'Early May bank holiday' },
  { date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III' },
  { date: '2023-05-29', title: 'Spring bank holiday' },
  { date: '2023-08-28', title: 'Summer bank holiday' },
  { date: '2023-12-25', title: 'Christmas Day' },
  { date: '2023-12-26', title: 'Boxing Day' },

  { date: '2024-01-01', title: 'New Year’s Day' },
  { date: '2024-03-29', title: 'Good Friday' },
  { date: '2024-04-01', title: 'Easter Monday' },
  { date: '2024-05-06', title: 'Early May bank holiday' },
  { date: '2024-05-27', title: 'Spring bank holiday' },
  { date: '2024-08-26', title: 'Summer bank holiday' },
  { date: '2024-12-25', title: 'Christmas Day' },
  { date: '2024-12-26', title: 'Boxing Day' },

  { date: '2025-01-01', title: 'New Year’s Day' },
  { date: '2025-04-18', title: 'Good Friday' },
  { date: '2025-04-21', title: 'Easter Monday' },
  { date: '2025-05-05', title: 'Early May bank holiday' },
  { date: '2025-05-26', title: 'Spring bank holiday' },
  { date: '2025-08-25', title: 'Summer bank holiday' },
  { date: '2025-12-25', title: 'Christmas Day' },
  { date: '2025-12-26', title: 'Boxing Day' },

  { date: '2026-01-01', title: 'New Year’s Day' },
  { date: '2026-04-03', title: 'Good Friday' },
  { date: '2026-04-06', title: 'Easter Monday' },
  { date: '2026-05-04', title: 'Early May bank holiday' },
  { date: '2026-05-25', title: 'Spring bank holiday' },
  { date: '2026-08-31', title: 'Summer bank holiday' },
  { date: '2026-12-25', title: 'Christmas Day' },
  { date: '2026-12-28', title: 'Boxing Day', note: SUBSTITUTE },

  { date: '2027-01-01', title: 'New Year’s Day' },
  { date: '2027-03-26', title: 'Good Friday' },
  { date: '2027-03-29', title: 'Easter Monday' },
  { date: '2027-05-03', title: 'Early May bank holiday' },
  { date: '2027-05-31', title: 'Spring bank holiday' },
  { date: '2027-08-30', title: 'Summer bank holiday' },
  { date: '2027-12-27', title: 'Christmas Day', note: SUBSTITUTE },
  { date: '2027-12-28', title: 'Boxing Day', note: SUBSTITUTE },

  // Not yet published: the standing pattern.
  { date: '2028-01-03', title: 'New Year’s Day', note: SUBSTITUTE },
  { date: '2028-04-14', title: 'Good Friday' },
  { date: '2028-04-17', title: 'Easter Monday' },
  { date: '2028-05-01', title: 'Early May bank holiday' },
  { date: '2028-05-29', title: 'Spring bank holiday' },
  { date: '2028-08-28', title: 'Summer bank holiday' },
  { date: '2028-12-25', title: 'Christmas Day' },
  { date: '2028-12-26', title: 'Boxing Day' },

  { date: '2029-01-01', title: 'New Year’s Day' },
  { date: '2029-03-30', title: 'Good Friday' },
  { date: '2029-04-02', title: 'Easter Monday' },
  { date: '2029-05-07', title: 'Early May bank holiday' },
  { date: '2029-05-28', title: 'Spring bank holiday' },
  { date: '2029-08-27', title: 'Summer bank holiday' },
  { date: '2029-12-25', title: 'Christmas Day' },
  { date: '2029-12-26', title: 'Boxing Day' },

  { date: '2030-01-01', title: 'New Year’s Day' },
  { date: '2030-04-19', title: 'Good Friday' },
  { date: '2030-04-22', title: 'Easter Monday' },
  { date: '2030-05-06', title: 'Early May bank holiday' },
  { date: '2030-05-27', title: 'Spring bank holiday' },
  { date: '2030-08-26', title: 'Summer bank holiday' },
  { date: '2030-12-25', title: 'Christmas Day' },
  { date: '2030-12-26', title: 'Boxing Day' },
]
