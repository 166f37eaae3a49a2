import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { orgIdColumn } from '../orgs/schema.ts';

/**
 * An uploaded bank statement or platform export. Preview parses and checks every row and keeps the
 * result here; committing turns the valid rows into gifts. Each row carries an external reference
 * (bank transaction id, platform order number, or a fingerprint of the row), so importing the same
 * file again — or an overlapping one — creates nothing twice.
 */
export const giftImports = pgTable(
  'gift_imports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    source: text('source').notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status').notNull().default('previewed'),
    totalRows: integer('total_rows').notNull(),
    validRows: integer('valid_rows').notNull(),
    errorRows: integer('error_rows').notNull(),
    createdGifts: integer('created_gifts').notNull().default(0),
    skippedDuplicates: integer('skipped_duplicates').notNull().default(0),
    /** Parsed valid rows awaiting commit, and the row-level errors shown to staff. */
    rows: jsonb('rows').notNull(),
    errors: jsonb('errors').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    check('gift_imports_source_ck', sql`${t.source} in ('bank','platform')`),
    check('gift_imports_status_ck', sql`${t.status} in ('previewed','committed')`),
    index('gift_imports_org_idx').on(t.orgId, t.createdAt),
  ],
);
