import type { FastifyInstance } from 'fastify'
import { can } from '../../platform/access/index.ts'
import type { NotificationService } from '../notifications/index.ts'
import type { ChildRecordService } from '../people/index.ts'

/** The page a practitioner lands on after signing in: what they can do from here. */
export function homeRoutes(app: FastifyInstance, deps: { notifications: NotificationService; childRecords: ChildRecordService }): void {
  app.get('/', { config: { access: 'signed-in' } }, async (request, reply) => {
    const actor = request.actor!
    return reply.page('modules/home/views/home.njk', {
      unread: await deps.notifications.countUnread(actor),
      myChildren: await deps.childRecords.listMyChildren(actor),
      canSearch: can(actor, 'child:search'),
      canReview: can(actor, 'break-glass:review'),
      canAggregate: can(actor, 'aggregate:view'),
      canAudit: can(actor, 'audit:view'),
      canAdmin: can(actor, 'admin:manage'),
      canRaiseConcern: can(actor, 'concern:raise'),
      canFrontDoor: can(actor, 'contact:decide'),
      roles: actor.roles,
    })
  })
}
