import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { disbursements } from '../disbursements/schema.ts';
import { gifts } from '../donations/schema.ts';
import { orgIdColumn } from '../orgs/schema.ts';

/**
 * 一天一公示: one published batch per society per day. Published batches and their lines never change
 * (a trigger refuses UPDATE and DELETE); a correction is a reversal line in a later batch.
 */
export const disclosureBatches = pgTable(
  'disclosure_batches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    day: date('day').notNull(),
    giftCount: integer('gift_count').notNull(),
    giftFen: bigint('gift_fen', { mode: 'number' }).notNull(),
    disbursementCount: integer('disbursement_count').notNull(),
    disbursementFen: bigint('disbursement_fen', { mode: 'number' }).notNull(),
    reversalCount: integer('reversal_count').notNull(),
    automatic: boolean('automatic').notNull(),
    publishedBy: text('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('disclosure_batches_day_uq').on(t.orgId, t.day)],
);

/**
 * One published line: a gift (public name as consented, never more), a disbursement, or a reversal
 * of an earlier line (negative amount, pointing at it).
 */
export const disclosureLines = pgTable(
  'disclosure_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => disclosureBatches.id),
    lineNo: integer('line_no').notNull(),
    kind: text('kind').notNull(),
    giftId: integer('gift_id').references(() => gifts.id),
    disbursementId: integer('disbursement_id').references(() => disbursements.id),
    reversesLineId: integer('reverses_line_id').references((): AnyPgColumn => disclosureLines.id),
    occurredOn: date('occurred_on').notNull(),
    publicName: text('public_name').notNull(),
    /** 'money' or 'goods' for gift lines (goods at their valuation). */
    form: text('form').notNull().default('money'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    appealId: integer('appeal_id'),
    designation: text('designation'),
    receiptNo: text('receipt_no'),
    note: text('note'),
  },
  (t) => [
    check('disclosure_lines_kind_ck', sql`${t.kind} in ('gift','disbursement','reversal')`),
    uniqueIndex('disclosure_lines_no_uq').on(t.batchId, t.lineNo),
    uniqueIndex('disclosure_lines_gift_uq')
      .on(t.giftId)
      .where(sql`${t.kind} = 'gift'`),
    uniqueIndex('disclosure_lines_disbursement_uq')
      .on(t.disbursementId)
      .where(sql`${t.kind} = 'disbursement'`),
    uniqueIndex('disclosure_lines_reversal_uq')
      .on(t.reversesLineId)
      .where(sql`${t.kind} = 'reversal'`),
    index('disclosure_lines_org_kind_idx').on(t.orgId, t.kind),
    index('disclosure_lines_receipt_idx').on(t.receiptNo),
    index('disclosure_lines_appeal_idx').on(t.appealId),
  ],
);
