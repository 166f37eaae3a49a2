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
} from 'drizzle-orm/pg-core';
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

/** A gift of money, in integer fen. Its receipt is issued in the transaction that records it. */
export const gifts = pgTable(
  'gifts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    donorId: integer('donor_id')
      .notNull()
      .references(() => donors.id),
    channel: text('channel').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    receivedOn: date('received_on').notNull(),
    appealId: integer('appeal_id').references(() => appeals.id),
    purpose: text('purpose'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('gifts_amount_ck', sql`${t.amountFen} > 0`),
    check('gifts_channel_ck', sql`${t.channel} in ('bank','cash','online','scan','platform')`),
    index('gifts_org_received_idx').on(t.orgId, t.receivedOn),
    index('gifts_appeal_idx').on(t.appealId),
    index('gifts_donor_idx').on(t.donorId),
  ],
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
 * 捐赠票据. Never edited or deleted: a wrong one is voided (冲红, a later issue) and a new one issued,
 * so `status` is the only column that ever changes. (org, year, seq) is unique and dense.
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
  },
  (t) => [
    uniqueIndex('receipts_series_uq').on(t.orgId, t.year, t.seq),
    uniqueIndex('receipts_number_uq').on(t.number),
    index('receipts_gift_idx').on(t.giftId),
    check('receipts_status_ck', sql`${t.status} in ('issued','voided')`),
  ],
);
