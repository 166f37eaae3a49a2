import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { appeals, gifts } from '../donations/schema.ts';
import { orgIdColumn, orgs } from '../orgs/schema.ts';

/**
 * 拨付: money leaving an appeal / project / fund, a designated gift, or the society's undesignated
 * funds, for a purpose, a society or an aid batch. A request reserves its amount at once (pending and
 * approved both count against the balance), so concurrent requests can never overdraw; rejection or
 * cancellation releases it.
 */
export const disbursements = pgTable(
  'disbursements',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    /** Source: an appeal, or a designated (定向) gift; neither = the society's undesignated funds. */
    appealId: integer('appeal_id').references(() => appeals.id),
    giftId: integer('gift_id').references(() => gifts.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    purpose: text('purpose').notNull(),
    recipientOrgId: integer('recipient_org_id').references(() => orgs.id),
    recipientName: text('recipient_name'),
    aidBatchRef: text('aid_batch_ref'),
    status: text('status').notNull().default('pending'),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    paidOn: date('paid_on'),
  },
  (t) => [
    check('disbursements_amount_ck', sql`${t.amountFen} > 0`),
    check('disbursements_status_ck', sql`${t.status} in ('pending','approved','rejected','cancelled')`),
    check('disbursements_source_ck', sql`${t.appealId} is null or ${t.giftId} is null`),
    index('disbursements_org_status_idx').on(t.orgId, t.status),
    index('disbursements_appeal_idx').on(t.appealId),
    index('disbursements_gift_idx').on(t.giftId),
  ],
);
