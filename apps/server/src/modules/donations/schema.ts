import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/types.ts';
import { orgIdColumn } from '../orgs/schema.ts';

/**
 * 捐赠人, as recorded by one society. 身份证 and mobile are encrypted (platform/pii) with keyed
 * hashes beside them, so the same person is found again by exact number without storing it in clear.
 * The partial unique indexes make "found again, not duplicated" hold even under concurrent entry.
 */
export const donors = pgTable(
  'donors',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    nameConsent: boolean('name_consent').notNull().default(false),
    idCardEnc: text('id_card_enc'),
    idCardHash: text('id_card_hash'),
    mobileEnc: text('mobile_enc'),
    mobileHash: text('mobile_hash'),
    uscc: text('uscc'),
    contact: text('contact'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('donors_kind_ck', sql`${t.kind} in ('person','enterprise','anonymous')`),
    uniqueIndex('donors_org_id_card_uq')
      .on(t.orgId, t.idCardHash)
      .where(sql`${t.idCardHash} is not null`),
    uniqueIndex('donors_org_uscc_uq')
      .on(t.orgId, t.uscc)
      .where(sql`${t.uscc} is not null`),
    index('donors_org_mobile_idx').on(t.orgId, t.mobileHash),
    index('donors_org_created_idx').on(t.orgId, t.createdAt),
  ],
);

/** 专项 / 公募项目 / 冠名基金 of a society: what a gift can be designated to. */
export const appeals = pgTable(
  'appeals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    filingNo: text('filing_no'),
    targetFen: bigint('target_fen', { mode: 'number' }),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    open: boolean('open').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('appeals_kind_ck', sql`${t.kind} in ('appeal','project','fund')`),
    check('appeals_target_ck', sql`${t.targetFen} is null or ${t.targetFen} > 0`),
    index('appeals_org_idx').on(t.orgId),
  ],
);

/**
 * A gift: money in integer fen, or goods (`form = 'goods'`, item lines in `gift_items`, `amount_fen` is
 * their total valuation). Its receipt is issued just after it is recorded by the receipt desk
 * (receipt-desk.ts): `receipt_id` is the live receipt, null only for the moment until the desk runs.
 * A gift is never deleted; a gift that should not have been recorded is cancelled (its receipt voided).
 */
export const gifts = pgTable(
  'gifts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    donorId: integer('donor_id')
      .notNull()
      .references(() => donors.id),
    form: text('form').notNull().default('money'),
    channel: text('channel').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    receivedOn: date('received_on').notNull(),
    appealId: integer('appeal_id').references(() => appeals.id),
    purpose: text('purpose'),
    status: text('status').notNull().default('confirmed'),
    cancelReason: text('cancel_reason'),
    receiptId: integer('receipt_id').references((): AnyPgColumn => receipts.id),
    /**
     * The donor as the public sees this gift (爱心人士, enterprise name, 张*三 or the consented name),
     * fixed when it is recorded: the transparency log's entry for the gift is rebuilt from it, and a
     * later edit of the donor's name or consent must not make that entry look rewritten.
     */
    donorPublicName: text('donor_public_name'),
    /** Bank transaction id or platform order number: the same line imported twice is one gift. */
    externalRef: text('external_ref'),
    importId: integer('import_id'),
    /** Goods only: awaiting receipt into stock until the relief module takes them in. */
    stockStatus: text('stock_status'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('gifts_amount_ck', sql`${t.amountFen} > 0`),
    check('gifts_form_ck', sql`${t.form} in ('money','goods')`),
    check('gifts_channel_ck', sql`${t.channel} in ('bank','cash','online','scan','platform','goods')`),
    check('gifts_status_ck', sql`${t.status} in ('confirmed','cancelled')`),
    check(
      'gifts_stock_ck',
      sql`(${t.form} = 'money' and ${t.stockStatus} is null) or (${t.form} = 'goods' and ${t.stockStatus} in ('awaiting','partly','received','rejected'))`,
    ),
    index('gifts_org_received_idx').on(t.orgId, t.receivedOn),
    index('gifts_appeal_idx').on(t.appealId),
    index('gifts_donor_idx').on(t.donorId),
    uniqueIndex('gifts_external_ref_uq')
      .on(t.orgId, t.channel, t.externalRef)
      .where(sql`${t.externalRef} is not null`),
    // The receipt desk's queue: small, because a gift leaves it within a second.
    index('gifts_unreceipted_idx')
      .on(t.id)
      .where(sql`${t.receiptId} is null and ${t.status} = 'confirmed'`),
  ],
);

/** One line of a gift of goods, valued in fen (unit value × quantity) on a stated basis. */
export const giftItems = pgTable(
  'gift_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    giftId: integer('gift_id')
      .notNull()
      .references(() => gifts.id),
    lineNo: integer('line_no').notNull(),
    name: text('name').notNull(),
    spec: text('spec'),
    unit: text('unit').notNull(),
    quantity: integer('quantity').notNull(),
    unitValueFen: bigint('unit_value_fen', { mode: 'number' }).notNull(),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    /** 发票价 / 市场价 / 评估价 …: how the valuation was arrived at. */
    valuationBasis: text('valuation_basis').notNull(),
    batchNo: text('batch_no'),
    expiresOn: date('expires_on'),
  },
  (t) => [
    check('gift_items_quantity_ck', sql`${t.quantity} > 0`),
    check(
      'gift_items_value_ck',
      sql`${t.unitValueFen} >= 0 and ${t.valueFen} = ${t.unitValueFen} * ${t.quantity}`,
    ),
    uniqueIndex('gift_items_line_uq').on(t.giftId, t.lineNo),
  ],
);

/** Quality documents and other files attached to a gift (检验报告, 合格证, 捐赠协议 …). */
export const giftAttachments = pgTable(
  'gift_attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    giftId: integer('gift_id')
      .notNull()
      .references(() => gifts.id),
    itemId: integer('item_id').references(() => giftItems.id),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('gift_attachments_gift_idx').on(t.giftId)],
);

/**
 * The receipt number series of an issuing society for a year. The next number is taken with an
 * UPDATE of this row inside the gift's transaction: concurrent gifts queue on the row lock, and a
 * rolled-back gift rolls its number back too — no gaps, no duplicates.
 */
export const receiptSeries = pgTable(
  'receipt_series',
  {
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

/**
 * 捐赠票据. Never edited or deleted: a wrong one is voided by a red reversal (冲红) with a reason and,
 * when the gift stands, a new one issued that names the one it replaces. Only the void columns ever
 * change. (org, year, seq) is unique and dense; a gift has at most one live receipt.
 */
export const receipts = pgTable(
  'receipts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    giftId: integer('gift_id')
      .notNull()
      .references(() => gifts.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    status: text('status').notNull().default('issued'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    replacesId: integer('replaces_id').references((): AnyPgColumn => receipts.id),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidReason: text('void_reason'),
    voidedBy: text('voided_by'),
  },
  (t) => [
    uniqueIndex('receipts_series_uq').on(t.orgId, t.year, t.seq),
    uniqueIndex('receipts_number_uq').on(t.number),
    index('receipts_gift_idx').on(t.giftId),
    uniqueIndex('receipts_live_gift_uq')
      .on(t.giftId)
      .where(sql`${t.status} = 'issued'`),
    check('receipts_status_ck', sql`${t.status} in ('issued','voided')`),
    check(
      'receipts_void_ck',
      sql`(${t.status} = 'issued') = (${t.voidedAt} is null) and (${t.status} = 'issued' or ${t.voidReason} is not null)`,
    ),
  ],
);

/**
 * A donor's phone login for self-service (查询我的捐赠): a one-time code sent by SMS, then a session.
 * Keyed by the mobile's lookup hash, because one phone may have given to many societies.
 */
export const donorPhoneCodes = pgTable(
  'donor_phone_codes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    mobileHash: text('mobile_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    used: boolean('used').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('donor_phone_codes_mobile_idx').on(t.mobileHash, t.createdAt)],
);

export const donorSessions = pgTable('donor_sessions', {
  /** SHA-256 of the cookie token. */
  id: text('id').primaryKey(),
  mobileHash: text('mobile_hash').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
