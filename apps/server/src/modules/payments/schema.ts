import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { appeals, gifts } from '../donations/schema.ts';
import { orgIdColumn } from '../orgs/schema.ts';

/**
 * A scan-to-donate order: what the phone asked to give, before the payment provider confirms it.
 * It becomes exactly one gift when paid, however many (and in whatever order) notifications arrive:
 * `gift_id` is set once, under the row lock, by whichever confirmation comes first.
 */
export const paymentOrders = pgTable(
  'payment_orders',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    appealId: integer('appeal_id')
      .notNull()
      .references(() => appeals.id),
    /** Our order number, sent to the provider (商户订单号). */
    outTradeNo: text('out_trade_no').notNull(),
    provider: text('provider').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    donorName: text('donor_name'),
    nameConsent: boolean('name_consent').notNull().default(false),
    mobileEnc: text('mobile_enc'),
    mobileHash: text('mobile_hash'),
    status: text('status').notNull().default('created'),
    providerTxnId: text('provider_txn_id'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    giftId: integer('gift_id').references(() => gifts.id),
    /** SHA-256 of the token the paying browser holds to see its receipt and certificate. */
    viewTokenHash: text('view_token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('payment_orders_out_trade_no_uq').on(t.outTradeNo),
    uniqueIndex('payment_orders_gift_uq')
      .on(t.giftId)
      .where(sql`${t.giftId} is not null`),
    index('payment_orders_status_idx').on(t.status, t.createdAt),
    check('payment_orders_amount_ck', sql`${t.amountFen} > 0`),
    check('payment_orders_status_ck', sql`${t.status} in ('created','paid','closed')`),
  ],
);

/** Every notification received from a provider, kept as it came (forged ones too, marked unverified). */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    orderId: integer('order_id').references(() => paymentOrders.id),
    provider: text('provider').notNull(),
    notifyId: text('notify_id').notNull(),
    verified: boolean('verified').notNull(),
    outcome: text('outcome').notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payment_notifications_order_idx').on(t.orderId)],
);

/**
 * The built-in sandbox provider's own books: it plays the part of WeChat Pay / Alipay over HTTP, so
 * it keeps its transactions apart from ours, as a real provider would.
 */
export const sandboxPayments = pgTable(
  'sandbox_payments',
  {
    txnId: text('txn_id').primaryKey(),
    merchantOrderNo: text('merchant_order_no').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status').notNull().default('pending'),
    notifyUrl: text('notify_url').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sandbox_payments_order_uq').on(t.merchantOrderNo),
    check('sandbox_payments_status_ck', sql`${t.status} in ('pending','paid','closed')`),
  ],
);
