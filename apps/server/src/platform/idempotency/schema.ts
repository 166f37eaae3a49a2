import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Idempotency keys. A row is written in the same transaction as the business write it protects,
 * so "the write happened" and "the key is spent" are one fact: a retry either finds the stored
 * answer or (if the first attempt rolled back) runs afresh. Purged after a day.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Whose key: 'u:<userId>' for staff, 'public' for anonymous callers. Keys never collide across callers. */
    owner: text('owner').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, route and body: the same key with a different request is refused. */
    requestHash: text('request_hash').notNull(),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.owner, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);
