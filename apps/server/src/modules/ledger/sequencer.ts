import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { ledgerOutbox } from '../../platform/ledger/index.ts';
import { buildEntries, builtFor, type BuilderSet } from './build-entries.ts';
import { ledgerEntries, ledgerNodes } from './schema.ts';
import { GrowingTree, loadFrontier } from './tree.ts';

/** Events appended per transaction: bounded so a backlog drains in steps that each commit quickly. */
export const SEQUENCE_BATCH = 1000;

interface BatchResult {
  appended: number;
  fetched: number;
  lastId: number;
}

/**
 * Appends one batch of a society's waiting events to its log, in one transaction: entries, the new
 * complete subtrees, the log's size, and the deletion of the events from the outbox commit together,
 * so a crash between batches loses nothing and logs nothing twice.
 *
 * The log's head row is locked FOR UPDATE SKIP LOCKED: while one process appends to a log, another
 * skips that log instead of waiting, and indices can never interleave. Events are taken in id order;
 * one that cannot be built stays in the outbox (it shows as backlog, and the verifier names it) and
 * the batch goes on past it (`after` is the caller's cursor), so it cannot block the log.
 */
async function appendBatch(
  tx: Tx,
  builders: BuilderSet,
  orgId: number,
  after: number,
): Promise<BatchResult | null> {
  await tx.execute(sql`insert into ledger_logs (org_id) values (${orgId}) on conflict do nothing`);
  const [log] = await queryRows<{ size: number | string }>(
    tx,
    sql`select size from ledger_logs where org_id = ${orgId} for update skip locked`,
  );
  if (!log) return null;
  const events = (
    await queryRows<{ id: number | string; kind: string; ref: string }>(
      tx,
      sql`select id, kind, ref from ledger_outbox where org_id = ${orgId} and id > ${after}
          order by id limit ${SEQUENCE_BATCH}`,
    )
  ).map((e) => ({ id: Number(e.id), orgId, kind: e.kind, ref: e.ref }));
  if (!events.length) return { appended: 0, fetched: 0, lastId: after };

  const built = await buildEntries(tx, builders, events);
  const size = Number(log.size);
  const tree = new GrowingTree(await loadFrontier(tx, orgId, size), size);
  const entryRows: { idx: number; kind: string; ref: string; entry: string; leaf: string }[] = [];
  const nodeRows: { level: number; idx: number; hash: string }[] = [];
  const done: number[] = [];
  for (const e of events) {
    const entry = builtFor(built, e);
    if (!entry) continue;
    const leaf = Buffer.from(entry.leafHash).toString('hex');
    entryRows.push({ idx: tree.size, kind: e.kind, ref: e.ref, entry: entry.text, leaf });
    for (const n of tree.append(entry.leafHash)) {
      // level 0 is the entry's own leaf_hash
      if (n.level > 0)
        nodeRows.push({ level: n.level, idx: n.index, hash: Buffer.from(n.hash).toString('hex') });
    }
    done.push(e.id);
  }
  const lastId = events.at(-1)!.id;
  if (!done.length) return { appended: 0, fetched: events.length, lastId };
  // One array parameter per column (rowsOf), hashes as hex: building a VALUES list of thousands of
  // parameters cost the server more CPU than PostgreSQL spent on the insert.
  await tx.execute(sql`
    insert into ${ledgerEntries} (org_id, idx, kind, ref, entry, leaf_hash)
    select ${orgId}, idx, kind, ref, entry, decode(leaf, 'hex')
    from ${rowsOf({ idx: 'bigint', kind: 'text', ref: 'text', entry: 'text', leaf: 'text' }, entryRows)} as r`);
  if (nodeRows.length)
    await tx.execute(sql`
      insert into ${ledgerNodes} (org_id, level, idx, hash)
      select ${orgId}, level, idx, decode(hash, 'hex')
      from ${rowsOf({ level: 'smallint', idx: 'bigint', hash: 'text' }, nodeRows)} as r`);
  await tx.execute(sql`delete from ${ledgerOutbox} where id = any(${sql.param(done)}::bigint[])`);
  await tx.execute(
    sql`update ledger_logs set size = ${tree.size}, updated_at = now() where org_id = ${orgId}`,
  );
  return { appended: done.length, fetched: events.length, lastId };
}

/** Appends everything waiting for one society's log (in batches); 0 if another process holds it. */
export async function sequenceLog(db: Db, builders: BuilderSet, orgId: number): Promise<number> {
  let after = 0;
  let appended = 0;
  for (;;) {
    const r = await db.transaction((tx) => appendBatch(tx, builders, orgId, after));
    if (!r) return appended;
    appended += r.appended;
    after = r.lastId;
    if (r.fetched < SEQUENCE_BATCH) return appended;
  }
}

/** One sweep: every society with waiting events. Returns how many entries were appended. */
export async function sequenceOnce(db: Db, builders: BuilderSet): Promise<number> {
  const orgs = await queryRows<{ org_id: number }>(db, sql`select distinct org_id from ledger_outbox`);
  let appended = 0;
  for (const { org_id } of orgs) appended += await sequenceLog(db, builders, Number(org_id));
  return appended;
}
