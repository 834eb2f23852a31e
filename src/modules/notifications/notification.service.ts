import type { Actor } from '../../platform/access/index.ts'
import type { Db } from '../../platform/db/index.ts'
import type { Notification, NotificationRepository } from './notification.repository.ts'

export type NewNotification = { kind: string; personId?: string | null; title: string; body: string; link?: string | null }

/** What practitioners must see: written in the transaction of the thing that caused it, read on their page. */
export class NotificationService {
  private readonly notifications: NotificationRepository
  private readonly now: () => Date

  constructor(notifications: NotificationRepository, now: () => Date = () => new Date()) {
    this.notifications = notifications
    this.now = now
  }

  async notify(db: Db, recipientAccountIds: readonly string[], message: NewNotification): Promise<void> {
    const unique = [...new Set(recipientAccountIds)]
    await this.notifications.with(db).insertMany(unique.map(recipientAccountId => ({ recipientAccountId, ...message })))
  }

  async listMine(actor: Actor, limit = 50): Promise<Notification[]> {
    return actor.accountId ? this.notifications.listFor(actor.accountId, limit) : []
  }

  async countUnread(actor: Actor): Promise<number> {
    return actor.accountId ? this.notifications.countUnread(actor.accountId) : 0
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    if (actor.accountId) await this.notifications.markRead(actor.accountId, id, this.now())
  }
}
