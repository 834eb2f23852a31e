import type { FastifyInstance } from 'fastify'
import { can } from '../../platform/access/index.ts'

/** The page a practitioner lands on after signing in: what they can do from here. */
export function homeRoutes(app: FastifyInstance): void {
  app.get('/', { config: { access: 'signed-in' } }, async (request, reply) => {
    const actor = request.actor!
    return reply.page('modules/home/views/home.njk', {
      canSearch: can(actor, 'child:search'),
      roles: actor.roles,
    })
  })
}
