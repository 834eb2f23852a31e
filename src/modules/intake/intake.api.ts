import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as z from 'zod'
import { ValidationError } from '../../platform/errors/index.ts'
import type { OpenApiRegistry } from '../../platform/http/openapi.ts'
import { EventBatch, MAX_BATCH, parseEventBatch } from './event-batch.ts'
import { ConcernAnswers } from './intake.schema.ts'
import type { IntakeService } from './intake.service.ts'

export const ConcernRequest = ConcernAnswers.describe('A concern about a child: who they are, what happened, and the lawful basis for sharing')

export const ConcernResponse = z.object({
  contactId: z.uuid(),
  reference: z.string().describe('The front door’s reference for this contact'),
  matchedBy: z.enum(['nhs-number', 'agency-record', 'name-and-date-of-birth', 'new-person']),
  receivedAt: z.iso.datetime(),
  decisionDueAt: z.iso.datetime().describe('One working day after receipt'),
})

export const EventsResponse = z.object({
  accepted: z.int(),
  events: z.array(z.object({ index: z.int(), eventId: z.uuid(), matchedBy: z.enum(['nhs-number', 'agency-record', 'name-and-date-of-birth', 'new-person']) })),
})

const IdempotencyKey = z
  .string({ error: 'Send an Idempotency-Key header: a unique value per request, the same on every retry' })
  .trim()
  .regex(/^[\x21-\x7e]{1,200}$/, 'Idempotency-Key must be 1 to 200 visible ASCII characters')

function idempotencyOf(request: FastifyRequest): { key: string; requestHash: string } {
  const parsed = IdempotencyKey.safeParse(request.headers['idempotency-key'])
  if (!parsed.success) throw new ValidationError([{ field: 'Idempotency-Key', message: parsed.error.issues[0]!.message }])
  const requestHash = createHash('sha256').update(`${request.method} ${request.routeOptions.url ?? ''}\n${JSON.stringify(request.body ?? null)}`).digest('hex')
  return { key: parsed.data, requestHash }
}

const problemField = (path: PropertyKey[]) => path.map(String).join('.') || 'body'

/** The partner API's writes: concerns and batches of events, idempotent by the Idempotency-Key header. */
export function intakeApi(app: FastifyInstance, deps: { intake: IntakeService; openApi: OpenApiRegistry }): void {
  deps.openApi.add({
    method: 'post',
    path: '/api/v1/concerns',
    summary: 'Raise a concern about a child with the front door (send an Idempotency-Key header; a retry returns the first answer)',
    tags: ['intake'],
    scopes: ['concerns:write'],
    body: ConcernRequest,
    responses: {
      201: { description: 'The contact was opened (or, on a retry with the same key and body, this is the first answer again)', schema: ConcernResponse },
      409: { description: 'The Idempotency-Key was already used with a different body' },
    },
  })
  app.post('/api/v1/concerns', { config: { access: 'api:concerns:write' } }, async (request, reply) => {
    const idempotency = idempotencyOf(request)
    const parsed = ConcernRequest.safeParse(request.body)
    if (!parsed.success) throw new ValidationError(parsed.error.issues.map(i => ({ field: problemField(i.path), message: i.message })))
    const answer = await deps.intake.raiseFromApi(request.actor!, idempotency, parsed.data, { requestId: request.id })
    if (answer.replayed) reply.header('Idempotent-Replayed', 'true')
    return reply.status(answer.status).send(ConcernResponse.parse(answer.body))
  })

  deps.openApi.add({
    method: 'post',
    path: '/api/v1/events',
    summary: `Record up to ${MAX_BATCH} events in the vocabulary of the timeline contract: all or none (send an Idempotency-Key header)`,
    tags: ['intake'],
    scopes: ['events:write'],
    body: EventBatch,
    responses: {
      201: { description: 'Every event was written to the chronology of the child it is about', schema: EventsResponse },
      400: { description: 'Nothing was written; `errors` names the index and field of every bad event, e.g. events[3].details.outcome' },
      409: { description: 'The Idempotency-Key was already used with a different body' },
    },
  })
  app.post('/api/v1/events', { config: { access: 'api:events:write' } }, async (request, reply) => {
    const idempotency = idempotencyOf(request)
    const batch = parseEventBatch(request.body)
    if (!batch.ok) throw new ValidationError(batch.issues)
    const answer = await deps.intake.recordEvents(request.actor!, idempotency, batch.events, { requestId: request.id })
    if (answer.replayed) reply.header('Idempotent-Replayed', 'true')
    return reply.status(answer.status).send(EventsResponse.parse(answer.body))
  })
}
