import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { orgIdColumn } from '../../modules/orgs/schema.ts';

/**
 * Public events waiting to be appended to their society's transparency log. A row is written in the
 * business transaction that makes the event true (so a rolled-back write logs nothing and a committed
 * one cannot be lost) and deleted by the sequencer in the transaction that appends its entry.
 */
export const ledgerOutbox = pgTable(
  'ledger_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    kind: text('kind').notNull(),
    /** The business row the event is about: `gift:123`, `receipt:456`, `disclosure-batch:9` … */
    ref: text('ref').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ledger_outbox_org_idx').on(t.orgId, t.id)],
);
