import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/schema.ts';

/**
 * 捐赠人, as recorded by one society. 身份证 and mobile are encrypted (platform/pii) with keyed
 * hashes beside them, so the same person is found again by exact number without storing it in clear.
 * The partial unique indexes make "found again, not duplicated" hold even under concurrent entry.
 */
export const donors = pgTable(
  'donors',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
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
