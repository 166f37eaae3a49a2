import { index, pgTable, text, timestamp, integer } from 'drizzle-orm/pg-core';

/**
 * Outgoing text messages. A message is written here in the transaction that decides to send it and
 * delivered afterwards by the configured provider (the development provider writes to the log), so a
 * rolled-back action sends nothing and a crash loses nothing. The number is kept encrypted.
 */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    mobileEnc: text('mobile_enc').notNull(),
    template: text('template').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('sms_outbox_status_idx').on(t.status, t.id)],
);
