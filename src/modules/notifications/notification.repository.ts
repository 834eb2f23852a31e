import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../platform/db/index.ts'
import { notification } from './notification.tables.ts'

export type Notification = typeof notification.$inferSelect
export type NewNotificationRow = typeof notification.$inferInsert

export class NotificationRepository {
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  with(db: Db): NotificationRepository {
    return new NotificationRepository(db)
  }

  async insertMany(rows: NewNotificationRow[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(notification).values(rows)
  }

  async listFor(accountId: string, limit: number): Promise<Notification[]> {
    return this.db
      .select()
      .from(notification)
      .where(eq(notification.recipientAccountId, accountId))
      .orderBy(desc(notification.createdAt))
      .limit(limit)
  }

  async countUnread(accountId: string): Promise<number> {
    return this.db.$count(notification, and(eq(notification.recipientAccountId, accountId), isNull(notification.readAt)))
  }

  async markRead(accountId: string, id: string, at: Date): Promise<void> {
    await this.db
      .update(notification)
      .set({ readAt: at })
      .where(and(eq(notification.id, id), eq(notification.recipientAccountId, accountId), isNull(notification.readAt)))
  }
}
