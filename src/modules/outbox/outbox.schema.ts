import { index, integer, pgEnum, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';

export const outboxChannels = ['email', 'sms'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];
export const outboxStatuses = ['queued', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

export const outboxChannelEnum = pgEnum('outbox_channel', outboxChannels);
export const outboxStatusEnum = pgEnum('outbox_status', outboxStatuses);

export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey(),
    channel: outboxChannelEnum('channel').notNull(),
    /** An e-mail address, or a phone number in E.164. */
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    /** What the message is for, e.g. `invitation`: shown to administrators and used in statistics. */
    purpose: text('purpose').notNull(),
    /** Set when the same message must never be sent twice (a reminder for one appointment). */
    dedupeKey: text('dedupe_key'),
    status: outboxStatusEnum('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('outbox_dedupe_unique').on(t.dedupeKey), index('outbox_status_idx').on(t.status, t.createdAt)],
);
