import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Something a practitioner must see: a break-glass access to review, a flag, an approval to give. */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientAccountId: uuid('recipient_account_id').notNull(),
    /** break-glass, ... */
    kind: text('kind').notNull(),
    personId: uuid('person_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  t => [index('notification_recipient_idx').on(t.recipientAccountId, t.createdAt)],
)
