import type { FastifyInstance } from 'fastify'
import * as z from 'zod'
import { parseForm } from '../../platform/forms/index.ts'
import type { ChildRecordService } from './child-record.service.ts'

const ReviewForm = z.object({
  outcome: z.enum(['appropriate', 'not-appropriate'], { error: 'Select whether the access was appropriate' }),
  note: z
    .string({ error: 'Enter a note about your review' })
    .trim()
    .min(1, 'Enter a note about your review')
    .max(1000, 'Note must be 1000 characters or fewer'),
})

/** Managers of the agency responsible for a child review break-glass access to the child's record. */
export function breakGlassRoutes(app: FastifyInstance, deps: { childRecords: ChildRecordService }): void {
  app.get('/break-glass', { config: { access: 'break-glass:review' } }, async (request, reply) => {
    const items = await deps.childRecords.listBreakGlassToReview(request.actor!)
    return reply.page('modules/people/views/break-glass-list.njk', { items })
  })

  app.get('/break-glass/:grantId', { config: { access: 'break-glass:review' } }, async (request, reply) => {
    const { grantId } = request.params as { grantId: string }
    const detail = await deps.childRecords.getBreakGlass(request.actor!, grantId, { requestId: request.id })
    return reply.page('modules/people/views/break-glass-review.njk', { detail, values: {} })
  })

  app.post('/break-glass/:grantId', { config: { access: 'break-glass:review' } }, async (request, reply) => {
    const { grantId } = request.params as { grantId: string }
    const values = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(ReviewForm, values)
    if (!form.ok) {
      const detail = await deps.childRecords.getBreakGlass(request.actor!, grantId, { requestId: request.id })
      return reply.status(400).page('modules/people/views/break-glass-review.njk', { detail, values, ...form })
    }
    await deps.childRecords.reviewBreakGlass(request.actor!, grantId, form.data, { requestId: request.id })
    return reply.redirect('/break-glass?reviewed=1', 303)
  })
}
