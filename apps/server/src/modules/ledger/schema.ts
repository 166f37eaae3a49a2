import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/types.ts';
import { orgIdColumn } from '../orgs/schema.ts';

/**
 * One transparency log per society (docs/modules/ledger.md). This row is the log's head: its size,
 * and the lock the sequencer holds while appending, so two processes never interleave one log.
 */
export const ledgerLogs = pgTable('ledger_logs', {
  orgId: orgIdColumn().primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull().default(0),
  /** Size of the latest checkpoint, so the checkpointer finds grown logs without a join. */
  checkpointSize: bigint('checkpoint_size', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The log's leaves, append-only (trigger): `entry` is the canonical JSON text, `leaf_hash` is
 * SHA-256(0x00 ‖ its UTF-8 bytes). `idx` is dense from 0 per society.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    orgId: orgIdColumn(),
    idx: bigint('idx', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    entry: text('entry').notNull(),
    leafHash: bytea('leaf_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.idx] }),
    index('ledger_entries_ref_idx').on(t.ref),
    index('ledger_entries_org_kind_idx').on(t.orgId, t.kind, t.idx),
  ],
);

/**
 * Every complete subtree of every log (level 0 = the leaf hashes; a node at level L, index i covers
 * leaves [i·2^L, (i+1)·2^L)), append-only: any inclusion or consistency proof is O(log n) of these
 * rows, read in one query.
 */
export const ledgerNodes = pgTable(
  'ledger_nodes',
  {
    orgId: orgIdColumn(),
    level: smallint('level').notNull(),
    idx: bigint('idx', { mode: 'number' }).notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.level, t.idx] })],
);

/** Signed checkpoints (C2SP tlog-checkpoint notes, with the witness's cosignature lines), append-only. */
export const ledgerCheckpoints = pgTable(
  'ledger_checkpoints',
  {
    orgId: orgIdColumn(),
    size: bigint('size', { mode: 'number' }).notNull(),
    rootHash: bytea('root_hash').notNull(),
    note: text('note').notNull(),
    /** Whether the witness (the parent society) co-signed it. */
    cosigned: boolean('cosigned').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.size] })],
);

/**
 * A witness's memory: the last checkpoint the witnessing society co-signed for a log. Kept apart from
 * the log's own tables so that a society rewriting its log cannot also rewrite what its witness saw.
 * `org_id` is the witness.
 */
export const ledgerWitnessState = pgTable(
  'ledger_witness_state',
  {
    orgId: orgIdColumn(),
    logOrgId: integer('log_org_id').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    rootHash: bytea('root_hash').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.logOrgId] })],
);

/** Results of `POST /api/ledger/verifications` (the console's 校验): which logs, what was found. */
export const ledgerVerifications = pgTable(
  'ledger_verifications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** The actor's home society (whose staff see the result). */
    orgId: orgIdColumn(),
    orgIds: integer('org_ids').array().notNull(),
    byName: text('by_name'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
    entriesChecked: integer('entries_checked').notNull(),
    checkpointsChecked: integer('checkpoints_checked').notNull(),
    ok: boolean('ok').notNull(),
    findings: jsonb('findings').notNull(),
  },
  (t) => [
    index('ledger_verifications_org_idx').on(t.orgId, t.id),
    check('ledger_verifications_counts_ck', sql`${t.entriesChecked} >= 0 and ${t.checkpointsChecked} >= 0`),
  ],
);
