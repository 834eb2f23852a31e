/** Opening, reading and following on clocks (clock.schema.ts), without a database. */
import type { Clock, NewClock } from './clock.schema.ts'
import { getTimescale, dueDate, statusOfDue, type ClockStatus, type TimescaleSettings } from './timescales.ts'
import { englandAndWales, type WorkingDayCalendar } from './working-days.ts'

/** The clock to store for new work: its due instant is fixed now, under the settings in force now. */
export function openClock(input: NewClock, settings?: TimescaleSettings): Omit<Clock, 'id'> {
  return { ...input, dueAt: dueDate(input.timescaleId, input.startedAt, settings), completedAt: null }
}

/** Where a stored clock stands at `now`. */
export function clockStatus(
  clock: Pick<Clock, 'timescaleId' | 'dueAt' | 'completedAt'>,
  now: Date,
  calendar: WorkingDayCalendar = englandAndWales,
): ClockStatus {
  return statusOfDue(clock.timescaleId, clock.dueAt, now, clock.completedAt, calendar)
}

/**
 * For recurring work, the clock that starts when this one is completed (the next review conference, core group or
 * visit), or undefined when the timescale has no successor or the clock is still open. `sourceId` names what
 * completed it (the review conference's entry, say), which is what starts the next one.
 */
export function nextClock(
  clock: Pick<Clock, 'personId' | 'timescaleId' | 'completedAt'>,
  sourceId: string | null = null,
): NewClock | undefined {
  const next = getTimescale(clock.timescaleId).next
  if (!next || !clock.completedAt) return undefined
  return { personId: clock.personId, timescaleId: next, sourceId, startedAt: clock.completedAt }
}
