import type { FastifyInstance } from 'fastify'
import * as z from 'zod'
import type { NotificationService } from './notification.service.ts'

const Id = z.uuid()

export function notificationRoutes(app: FastifyInstance, deps: { notifications: NotificationService }): void {
  app.get('/notifications', { config: { access: 'signed-in' } }, async (request, reply) => {
    const items = await deps.notifications.listMine(request.actor!)
    return reply.page('modules/notifications/views/notifications.njk', { items })
  })

  /** Open a notification: mark it read and go to what it is about. */
  app.post('/notifications/:id/open', { config: { access: 'signed-in' } }, async (request, reply) => {
    const { id } = request.params as { id: string }
    if (!Id.safeParse(id).success) return reply.redirect('/notifications', 303)
    await deps.notifications.markRead(request.actor!, id)
    const item = (await deps.notifications.listMine(request.actor!)).find(n => n.id === id)
    return reply.redirect(item?.link ?? '/notifications', 303)
  })
}
