import type { FastifyInstance } from 'fastify'
import * as z from 'zod'
import type { OpenApiRegistry } from '../../platform/http/openapi.ts'
import type { ChildRecordService } from './child-record.service.ts'
import { isValidNhsNumber, nhsDigits } from './nhs-number.ts'

export const StatusQuery = z.object({
  nhsNumber: z
    .string({ error: 'Give the child’s NHS number' })
    .transform(v => nhsDigits(v) ?? v)
    .refine(v => /^\d{10}$/.test(v), 'NHS number must be 10 digits')
    .refine(isValidNhsNumber, 'NHS number fails its check digit'),
})

const Contact = z.object({
  role: z.string(),
  name: z.string(),
  team: z.string().nullable(),
  agency: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
})

export const StatusResponse = z.object({
  knownToServices: z.boolean().describe('True when a child with this NHS number has a child protection plan, is looked after or has an open case'),
  children: z.array(
    z.object({
      hasChildProtectionPlan: z.boolean(),
      isLookedAfter: z.boolean(),
      hasOpenCase: z.boolean(),
      contacts: z.array(Contact).describe('Whom to contact: the allocated worker or team, or the front door'),
    }),
  ),
})

/** The partner API's "known to services" check, the CP-IS answer for every agency. */
export function childApi(app: FastifyInstance, deps: { childRecords: ChildRecordService; openApi: OpenApiRegistry }): void {
  deps.openApi.add({
    method: 'get',
    path: '/api/v1/status',
    summary: 'Is this child known to children’s services, and whom should we contact?',
    tags: ['children'],
    scopes: ['status:read'],
    query: StatusQuery,
    responses: { 200: { description: 'The answer (the same shape whether or not the number is known)', schema: StatusResponse } },
  })
  app.get('/api/v1/status', { config: { access: 'api:status:read' } }, async request => {
    const { nhsNumber } = StatusQuery.parse(request.query)
    const answer = await deps.childRecords.statusByNhsNumber(request.actor!, nhsNumber, { requestId: request.id })
    return StatusResponse.parse(answer)
  })
}
