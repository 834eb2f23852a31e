/**
 * A clock is one piece of work against one timescale for one person: opened when the start event is recorded,
 * completed when the work is done. `dueAt` is stored, not recomputed, so that a later change to a partnership's
 * settings or to the calendar never moves a clock that is already running. It is the last on-time instant: a
 * scheduler finds overdue work with `completed_at is null and due_at < now()` (and work due soon with
 * `due_at < now() + interval`) through a partial index on `due_at where completed_at is null`, without visiting
 * every child.
 */
import * as z from 'zod'
import { TIMESCALE_IDS, TIMESCALES, localLengthProblem } from './timescales.ts'

export const TimescaleId = z.enum(TIMESCALE_IDS)
export type TimescaleId = z.infer<typeof TimescaleId>

export const ClockId = z.uuid()

export const NewClock = z.object({
  /** The child (or unborn child, or young person) the work is about. */
  personId: z.uuid(),
  timescaleId: TimescaleId,
  /** What started the clock, e.g. a chronology entry or information request id; null when nothing is recorded. */
  sourceId: z.string().min(1).max(200).nullable(),
  startedAt: z.date(),
})
export type NewClock = z.infer<typeof NewClock>

export const Clock = NewClock.extend({
  id: ClockId,
  /** The last on-time instant, computed when the clock opened (timescales.ts `dueDate`). */
  dueAt: z.date(),
  completedAt: z.date().nullable(),
}).refine(clock => clock.dueAt.getTime() >= clock.startedAt.getTime(), {
  message: 'a clock cannot be due before it started',
  path: ['dueAt'],
})
export type Clock = z.infer<typeof Clock>

/** A partnership's local lengths, by timescale id, each in its timescale's unit; statutory ones may only shorten. */
export const TimescaleLengths = z.partialRecord(TimescaleId, z.number()).superRefine((lengths, ctx) => {
  for (const id of TIMESCALE_IDS) {
    const length = lengths[id]
    if (length === undefined) continue
    const problem = localLengthProblem(TIMESCALES[id], length)
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [id] })
  }
})
export type TimescaleLengths = z.infer<typeof TimescaleLengths>
