import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** The `org_id` column every society-owned table carries (the column `inScope` filters on). */
export const orgIdColumn = () =>
  integer('org_id')
    .notNull()
    .references(() => orgs.id);

/**
 * The society tree. `path` is the materialised path of ids ('/1/4/17/'), so "this society and below"
 * is the single indexed predicate `path LIKE '/1/4/%'` (text_pattern_ops makes LIKE-prefix use the index
 * whatever the database collation). `org_id` of an org is its own id: the tree scopes itself.
 */
export const orgs = pgTable(
  'orgs',
  {
    // By default (not always) so an org's path, which contains its own id, is written in the same INSERT.
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id'),
    name: text('name').notNull(),
    level: text('level').notNull(),
    uscc: text('uscc'),
    regionCode: text('region_code'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    active: boolean('active').notNull().default(true),
    deactivatedReason: text('deactivated_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orgs_path_uq').using('btree', t.path.op('text_pattern_ops')),
    index('orgs_parent_idx').on(t.parentId),
    uniqueIndex('orgs_uscc_uq').on(t.uscc),
    check('orgs_level_ck', sql`${t.level} in ('national','province','city','county','town','grassroots')`),
  ],
);
