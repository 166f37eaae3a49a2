import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { orgIdColumn } from '../orgs/schema.ts';
import { trainingCertificates } from '../training/schema.ts';

/**
 * 施救案例: a rescue reported by a certificate holder. It belongs to the society that issued the
 * certificate (they verify it). The person helped is described by age band and sex only — nothing
 * that could identify them is ever asked for or stored.
 */
export const rescues = pgTable(
  'rescues',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    certificateId: integer('certificate_id')
      .notNull()
      .references(() => trainingCertificates.id),
    rescuerName: text('rescuer_name').notNull(),
    mobileEnc: text('mobile_enc'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    place: text('place').notNull(),
    actions: text('actions').array().notNull(),
    description: text('description').notNull(),
    outcome: text('outcome').notNull(),
    aedUsed: boolean('aed_used').notNull(),
    casualtyAgeBand: text('casualty_age_band').notNull(),
    casualtySex: text('casualty_sex').notNull(),
    status: text('status').notNull().default('reported'),
    reviewNote: text('review_note'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    commendation: text('commendation'),
    commendedBy: text('commended_by'),
    commendedAt: timestamp('commended_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('rescues_status_ck', sql`${t.status} in ('reported','verified','rejected')`),
    check('rescues_outcome_ck', sql`${t.outcome} in ('recovered','hospital_alive','died','unknown')`),
    check('rescues_age_band_ck', sql`${t.casualtyAgeBand} in ('infant','child','adult','senior','unknown')`),
    check('rescues_sex_ck', sql`${t.casualtySex} in ('male','female','unknown')`),
    check('rescues_commend_ck', sql`${t.commendation} is null or ${t.status} = 'verified'`),
    index('rescues_org_idx').on(t.orgId, t.occurredAt),
    index('rescues_certificate_idx').on(t.certificateId),
  ],
);
