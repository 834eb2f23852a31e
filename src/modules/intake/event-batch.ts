import * as z from 'zod'
import type { FieldIssue } from '../../platform/errors/index.ts'
import { EventType, LawfulBasis } from '../chronology/index.ts'
import { parseEventDetails } from '../chronology/index.ts'
import { ChildIdentity, IsoDate } from './intake.schema.ts'

export const MAX_BATCH = 1000

/** One partner event: a type and details from contracts/timeline.md, about one child. */
export const ApiEvent = z.strictObject({
  type: EventType,
  occurredOn: IsoDate,
  subject: ChildIdentity,
  summary: z.string().trim().max(2000).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  lawfulBasis: LawfulBasis.optional(),
  isSignificant: z.boolean().optional(),
})
export type ApiEvent = z.output<typeof ApiEvent>

export const EventBatch = z.strictObject({
  events: z.array(ApiEvent).min(1).max(MAX_BATCH).describe(`1 to ${MAX_BATCH} events; all are written or none`),
})

const fieldOf = (prefix: string, issue: z.core.$ZodIssue): FieldIssue[] => {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
  if (issue.code === 'unrecognized_keys') return issue.keys.map(key => ({ field: `${path}.${key}`, message: `Unknown field ${key}` }))
  return [{ field: path, message: issue.message }]
}

/**
 * Check a whole batch before anything is written: every bad event is reported by its index and field
 * (`events[3].details.outcome`), so the partner can fix them all at once.
 */
export function parseEventBatch(body: unknown): { ok: true; events: ApiEvent[] } | { ok: false; issues: FieldIssue[] } {
  const envelope = z.strictObject({ events: z.array(z.unknown()).min(1, 'Send at least one event').max(MAX_BATCH, `Send at most ${MAX_BATCH} events at a time`) }).safeParse(body)
  if (!envelope.success) return { ok: false, issues: envelope.error.issues.flatMap(i => fieldOf('', i)) }
  const issues: FieldIssue[] = []
  const events: ApiEvent[] = []
  envelope.data.events.forEach((raw, index) => {
    const prefix = `events[${index}]`
    const parsed = ApiEvent.safeParse(raw)
    if (!parsed.success) {
      issues.push(...parsed.error.issues.flatMap(i => fieldOf(prefix, i)))
      return
    }
    const details = parseEventDetails(parsed.data.type, parsed.data.details ?? {})
    if (!details.success) {
      issues.push(...details.error.issues.flatMap(i => fieldOf(`${prefix}.details`, i)))
      return
    }
    events.push({ ...parsed.data, details: details.data })
  })
  return issues.length ? { ok: false, issues } : { ok: true, events }
}
