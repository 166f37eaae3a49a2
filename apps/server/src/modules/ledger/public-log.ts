import { tlog, type LedgerCheckpoint, type LedgerEntry, type LedgerLog } from '@boai/contracts';
import { and, asc, desc, eq, gt, gte, inArray, lt } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { orgs } from '../orgs/index.ts';
import { logKeysOf, witnessKeysOf } from './log-keys.ts';
import { ledgerCheckpoints, ledgerEntries, ledgerLogs } from './schema.ts';
import { loadNodesAndSize, nodeGetter } from './tree.ts';

/**
 * The public face of the logs: no login, and nothing here that is not already public — entries hold
 * only what the disclosure shows. Every answer can be checked against a signed checkpoint.
 */

type LedgerConfig = Pick<Config, 'ledgerKeys' | 'ledgerActiveKeys' | 'publicUrl'>;

const b64 = (b: Uint8Array) => tlog.toBase64(new Uint8Array(b));

/** Every society's log with the keys to verify it (published even before the first entry). */
export async function listLogs(q: Queryable, config: LedgerConfig): Promise<LedgerLog[]> {
  const rows = await q
    .select({ id: orgs.id, name: orgs.name, parentId: orgs.parentId, size: ledgerLogs.size })
    .from(orgs)
    .leftJoin(ledgerLogs, eq(ledgerLogs.orgId, orgs.id))
    .orderBy(asc(orgs.path));
  return rows.map((r) => {
    const log = logKeysOf(config, r.id);
    const witness = r.parentId === null ? null : witnessKeysOf(config, r.parentId);
    return {
      orgId: r.id,
      orgName: r.name,
      origin: log.origin,
      size: r.size ?? 0,
      keys: log.verifierKeys,
      witness: witness ? { name: witness.name, keys: witness.verifierKeys } : null,
    };
  });
}

/** The committed size of a society's log; NOT_FOUND for a society that does not exist. */
export async function logSize(q: Queryable, orgId: number): Promise<number> {
  const [row] = await q
    .select({ size: ledgerLogs.size, org: orgs.id })
    .from(orgs)
    .leftJoin(ledgerLogs, eq(ledgerLogs.orgId, orgs.id))
    .where(eq(orgs.id, orgId));
  if (!row) throw notFound();
  return row.size ?? 0;
}

export async function latestCheckpoint(q: Queryable, orgId: number): Promise<LedgerCheckpoint> {
  await logSize(q, orgId);
  const [cp] = await q
    .select()
    .from(ledgerCheckpoints)
    .where(eq(ledgerCheckpoints.orgId, orgId))
    .orderBy(desc(ledgerCheckpoints.size))
    .limit(1);
  if (!cp) throw new AppError('LEDGER_NO_CHECKPOINT', 404);
  return presentCheckpoint(cp);
}

const presentCheckpoint = (cp: typeof ledgerCheckpoints.$inferSelect): LedgerCheckpoint => ({
  size: cp.size,
  rootHash: b64(cp.rootHash),
  note: cp.note,
  createdAt: cp.createdAt.toISOString(),
});

/** Checkpoints in increasing size, after `after` (a client catching up from the last one it saw). */
export async function listCheckpoints(
  q: Queryable,
  orgId: number,
  query: { after?: number; limit: number },
): Promise<LedgerCheckpoint[]> {
  await logSize(q, orgId);
  const rows = await q
    .select()
    .from(ledgerCheckpoints)
    .where(and(eq(ledgerCheckpoints.orgId, orgId), gt(ledgerCheckpoints.size, query.after ?? -1)))
    .orderBy(asc(ledgerCheckpoints.size))
    .limit(query.limit);
  return rows.map(presentCheckpoint);
}

export const presentEntry = (e: typeof ledgerEntries.$inferSelect): LedgerEntry => ({
  orgId: e.orgId,
  index: e.idx,
  kind: e.kind,
  ref: e.ref,
  entry: e.entry,
  leafHash: b64(e.leafHash),
  createdAt: e.createdAt.toISOString(),
});

export async function getEntry(q: Queryable, orgId: number, index: number): Promise<LedgerEntry> {
  await logSize(q, orgId);
  const [e] = await q
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, orgId), eq(ledgerEntries.idx, index)));
  if (!e)
    throw new AppError('LEDGER_ENTRY_NOT_FOUND', 404, [{ field: 'index', code: 'LEDGER_ENTRY_NOT_FOUND' }]);
  return presentEntry(e);
}

export async function listEntries(
  q: Queryable,
  orgId: number,
  query: { start: number; limit: number },
): Promise<LedgerEntry[]> {
  await logSize(q, orgId);
  const rows = await q
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.orgId, orgId),
        gte(ledgerEntries.idx, query.start),
        lt(ledgerEntries.idx, query.start + query.limit),
      ),
    )
    .orderBy(asc(ledgerEntries.idx));
  return rows.map(presentEntry);
}

/**
 * A proof for the sizes asked, checked against the log's committed size read in the same query as
 * the proof's subtrees (one round trip: the proof endpoints are what a verifier calls most).
 */
async function proofOf(
  q: Queryable,
  orgId: number,
  ranges: tlog.LeafRange[],
  size: number,
  sizeField: string,
): Promise<string[]> {
  const loaded = await loadNodesAndSize(q, orgId, tlog.nodesOfRanges(ranges));
  const current = loaded.size ?? (await logSize(q, orgId));
  if (size > current) throw invalid('LEDGER_SIZE_TOO_LARGE', sizeField, { size: current });
  const get = nodeGetter(orgId, loaded.nodes);
  return ranges.map(([start, end]) => b64(tlog.rangeHash(start, end, get)));
}

export async function getInclusionProof(q: Queryable, orgId: number, index: number, size: number) {
  if (index >= size) throw invalid('LEDGER_INDEX_OUT_OF_RANGE', 'index');
  const hashes = await proofOf(q, orgId, tlog.inclusionRanges(index, size), size, 'size');
  return { index, size, hashes };
}

export async function getConsistencyProof(q: Queryable, orgId: number, first: number, second: number) {
  if (first > second) throw invalid('LEDGER_SIZES_OUT_OF_ORDER', 'first');
  const hashes = await proofOf(q, orgId, tlog.consistencyRanges(first, second), second, 'second');
  return { first, second, hashes };
}

/** Entries about named business rows (`gift:12`, `receipt:34` …), oldest first. */
export async function entriesByRefs(q: Queryable, refs: readonly string[]): Promise<LedgerEntry[]> {
  if (!refs.length) return [];
  const rows = await q
    .select()
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.ref, [...refs]))
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.orgId), asc(ledgerEntries.idx))
    .limit(1000);
  return rows.map(presentEntry);
}
