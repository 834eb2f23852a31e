/**
 * clocks: the working-day calendar (England and Wales bank holidays), statutory and local timescales, and clocks
 * that say when work is due and whether it is overdue. Pure: the database table and the scheduler build on this.
 */
export {
  addCalendarDays,
  addCalendarMonths,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  type IsoDate,
} from './calendar-date.ts'
export {
  endOfLondonDay,
  londonDate,
  londonDayNumber,
  londonOffsetMinutes,
  startOfLondonDay,
  summerTime,
  TIME_ZONE,
} from './london-time.ts'
export {
  BANK_HOLIDAY_YEARS,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  PUBLISHED_THROUGH,
  type BankHoliday,
} from './bank-holidays.data.ts'
export { easterSunday, standingBankHolidays } from './bank-holiday-rules.ts'
export {
  addWorkingDays,
  dayNumberOf,
  englandAndWales,
  isWorkingDay,
  WorkingDayCalendar,
  workingDaysBetween,
  type CalendarOptions,
  type DateInput,
} from './working-days.ts'
export {
  dueDate,
  dueOf,
  getTimescale,
  isTimescaleId,
  lengthOf,
  localLengthProblem,
  status,
  statusOfDue,
  TIMESCALE_BASES,
  TIMESCALE_IDS,
  TIMESCALE_UNITS,
  TIMESCALES,
  TIMESCALES_EDITION,
  timescales,
  type ClockState,
  type ClockStatus,
  type Due,
  type Timescale,
  type TimescaleBasis,
  type TimescaleSettings,
  type TimescaleUnit,
} from './timescales.ts'
export { Clock, ClockId, NewClock, TimescaleId, TimescaleLengths } from './clock.schema.ts'
export { clockStatus, nextClock, openClock } from './clock.ts'
