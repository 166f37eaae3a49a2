import { tlog, type LedgerFinding } from '@boai/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import { queryRows, type Queryable } from '../../platform/db/client.ts';
import { buildEntries, builtFor, type BuilderSet } from './build-entries.ts';
import { logKeysOf, witnessKeysOf } from './log-keys.ts';
import { GrowingTree } from './tree.ts';

type LedgerConfig = Pick<Config, 'ledgerKeys' | 'ledgerActiveKeys' | 'publicUrl'>;

const BATCH = 1000;
/** An event still in the outbox after this long is reported: the sequencer could not build it. */
const STUCK_AFTER_SECONDS = 60;

export interface VerificationResult {
  orgIds: number[];
  entriesChecked: number;
  checkpointsChecked: number;
  findings: LedgerFinding[];
}

interface EntryRow {
  idx: number | string;
  kind: string;
  ref: string;
  entry: string;
  leaf_hash: Uint8Array;
}

const b64 = (b: Uint8Array) => tlog.toBase64(b);

/** What differs between a stored entry and its rebuild, field by field, in words. */
function describeDifference(stored: string, rebuilt: string): string {
  let a: Record<string, unknown>;
  try {
    a = JSON.parse(stored) as Record<string, unknown>;
  } catch {
    return '存储的条目不是合法的 JSON';
  }
  const b = JSON.parse(rebuilt) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const diffs = keys
    .filter((k) => tlog.canonicalJson(a[k] ?? null) !== tlog.canonicalJson(b[k] ?? null))
    .map(
      (k) => `${k}：账本中为 ${JSON.stringify(a[k] ?? null)}，业务数据现为 ${JSON.stringify(b[k] ?? null)}`,
    );
  return diffs.length ? diffs.join('；') : '条目文本的写法与规范 JSON 不同';
}

/**
 * The stored subtrees above the leaves completed by leaves [start, end): for each level from 1, the
 * nodes whose last leaf is in it (the leaves themselves are the entries' hashes, checked on their own).
 */
async function storedNodesFor(q: Queryable, orgId: number, start: number, end: number) {
  const ranges: SQL[] = [];
  for (let level = 1, width = 2; width <= end; level++, width *= 2) {
    const first = Math.ceil((start + 1) / width) - 1;
    const last = Math.floor(end / width) - 1;
    if (last >= first) ranges.push(sql`(level = ${level} and idx between ${first} and ${last})`);
  }
  if (!ranges.length) return new Map<string, Uint8Array>();
  const rows = await queryRows<{ level: number; idx: number | string; hash: Uint8Array }>(
    q,
    sql`select level, idx, hash from ledger_nodes where org_id = ${orgId} and (${sql.join(ranges, sql` or `)})`,
  );
  return new Map(rows.map((r) => [`${r.level}:${Number(r.idx)}`, new Uint8Array(r.hash)]));
}

/**
 * Checks one society's log against the database and itself: every entry is rebuilt from the business
 * rows with the same builders that made it and compared with the stored text and leaf hash; every
 * subtree is recomputed from the leaves; every checkpoint's root is recomputed at its size (so each
 * is a prefix of today's tree) and its signatures — the log's and the witness's — are checked.
 */
async function verifyLog(
  q: Queryable,
  config: LedgerConfig,
  builders: BuilderSet,
  log: { orgId: number; size: number; parentId: number | null },
  findings: LedgerFinding[],
): Promise<{ entries: number; checkpoints: number }> {
  const { orgId } = log;
  const keys = logKeysOf(config, orgId);
  const witness = log.parentId === null ? null : witnessKeysOf(config, log.parentId);
  const checkpoints = await queryRows<{
    size: number | string;
    root_hash: Uint8Array;
    note: string;
    cosigned: boolean;
  }>(
    q,
    sql`select size, root_hash, note, cosigned from ledger_checkpoints where org_id = ${orgId} order by size`,
  );
  const find = (f: Omit<LedgerFinding, 'orgId'>) => findings.push({ orgId, ...f });
  const tree = new GrowingTree([], 0);
  let next = 0;

  const checkCheckpoint = (cp: (typeof checkpoints)[number]) => {
    const size = Number(cp.size);
    const root = tree.root();
    const base = { what: 'checkpoint' as const, index: null, kind: null, ref: null };
    if (!tlog.equalBytes(root, new Uint8Array(cp.root_hash))) {
      find({
        ...base,
        message: `大小为 ${size} 的检查点的根哈希与由条目重算的树不符：已签名的历史被改写`,
        expected: b64(root),
        actual: b64(new Uint8Array(cp.root_hash)),
      });
    }
    try {
      const opened = tlog.openCheckpoint(cp.note, {
        logKeys: keys.verifierKeys,
        witnessKeys: witness?.verifierKeys ?? [],
        origin: keys.origin,
      });
      if (opened.checkpoint.size !== size || !tlog.equalBytes(opened.checkpoint.rootHash, root)) {
        find({
          ...base,
          message: `大小为 ${size} 的检查点所签内容（大小 ${opened.checkpoint.size}）与重算的树不符`,
          expected: b64(root),
          actual: b64(opened.checkpoint.rootHash),
        });
      }
      if (cp.cosigned && !opened.cosignedBy.length) {
        find({
          ...base,
          message: `大小为 ${size} 的检查点标记为已见证，但没有有效的见证联署`,
          expected: null,
          actual: null,
        });
      }
    } catch (e) {
      find({
        ...base,
        message: `大小为 ${size} 的检查点签名无效：${(e as Error).message}`,
        expected: null,
        actual: null,
      });
    }
  };

  let cpAt = 0;
  for (;;) {
    const rows = await queryRows<EntryRow>(
      q,
      sql`select idx, kind, ref, entry, leaf_hash from ledger_entries
          where org_id = ${orgId} and idx >= ${next} order by idx limit ${BATCH}`,
    );
    if (!rows.length) break;
    const end = Number(rows.at(-1)!.idx) + 1;
    const rebuilt = await buildEntries(
      q,
      builders,
      rows.map((r) => ({ orgId, kind: r.kind, ref: r.ref })),
    );
    const stored = await storedNodesFor(q, orgId, next, end);
    for (const r of rows) {
      const idx = Number(r.idx);
      const at = { what: 'entry' as const, index: idx, kind: r.kind, ref: r.ref };
      if (idx !== tree.size) {
        find({
          ...at,
          message: `条目序号不连续：应为 ${tree.size}`,
          expected: String(tree.size),
          actual: String(idx),
        });
        break;
      }
      const leaf = new Uint8Array(r.leaf_hash);
      const textLeaf = tlog.leafHash(tlog.entryBytes(r.entry));
      if (!tlog.equalBytes(textLeaf, leaf)) {
        find({ ...at, message: '存储的叶哈希与条目文本不符', expected: b64(textLeaf), actual: b64(leaf) });
      }
      const again = builtFor(rebuilt, { orgId, kind: r.kind, ref: r.ref });
      if (!again) {
        find({
          ...at,
          message: '无法由业务数据重建该条目：所指的记录已不存在或不再符合',
          expected: null,
          actual: r.entry,
        });
      } else if (again.text !== r.entry) {
        find({
          ...at,
          message: describeDifference(r.entry, again.text),
          expected: again.text,
          actual: r.entry,
        });
      }
      for (const n of tree.append(leaf)) {
        if (n.level === 0) continue; // the leaf: its hash was checked against the entry's text above
        const have = stored.get(`${n.level}:${n.index}`);
        if (!have || !tlog.equalBytes(have, n.hash)) {
          find({
            what: 'node',
            index: idx,
            kind: r.kind,
            ref: r.ref,
            message: have
              ? `存储的子树哈希（层 ${n.level}，序号 ${n.index}）与由叶重算的不符`
              : `缺少子树哈希（层 ${n.level}，序号 ${n.index}）`,
            expected: b64(n.hash),
            actual: have ? b64(have) : null,
          });
        }
      }
      while (cpAt < checkpoints.length && Number(checkpoints[cpAt]!.size) === tree.size) {
        checkCheckpoint(checkpoints[cpAt++]!);
      }
    }
    if (tree.size !== end) break;
    next = end;
  }
  for (; cpAt < checkpoints.length; cpAt++) {
    find({
      what: 'checkpoint',
      index: null,
      kind: null,
      ref: null,
      message: `大小为 ${Number(checkpoints[cpAt]!.size)} 的检查点超出了日志现有的 ${tree.size} 个条目：条目被删除`,
      expected: String(tree.size),
      actual: String(Number(checkpoints[cpAt]!.size)),
    });
  }
  if (tree.size !== log.size) {
    find({
      what: 'entry',
      index: null,
      kind: null,
      ref: null,
      message: `日志记录的大小为 ${log.size}，实际连续条目为 ${tree.size}`,
      expected: String(log.size),
      actual: String(tree.size),
    });
  }
  return { entries: tree.size, checkpoints: checkpoints.length };
}

/**
 * `boai ledger verify` and the console's 校验: every log of the given societies (all when `orgIds`
 * is null), plus events stuck in the outbox. Findings name the log, index, kind and ref and say what
 * differs; an empty list means every published entry still matches the database and every checkpoint
 * ever issued is consistent with today's logs.
 */
export async function verifyLedger(
  q: Queryable,
  config: LedgerConfig,
  builders: BuilderSet,
  orgIds: readonly number[] | null,
): Promise<VerificationResult> {
  const idList = (ids: readonly number[]) =>
    ids.length
      ? sql.join(
          ids.map((id) => sql`${id}::int`),
          sql`, `,
        )
      : sql`null`;
  const filter = orgIds ? sql`where l.org_id in (${idList(orgIds)})` : sql``;
  const logs = await queryRows<{ org_id: number; size: number | string; parent_id: number | null }>(
    q,
    sql`select l.org_id, l.size, o.parent_id from ledger_logs l join orgs o on o.id = l.org_id ${filter} order by l.org_id`,
  );
  const findings: LedgerFinding[] = [];
  let entries = 0;
  let checkpoints = 0;
  for (const l of logs) {
    const r = await verifyLog(
      q,
      config,
      builders,
      { orgId: Number(l.org_id), size: Number(l.size), parentId: l.parent_id },
      findings,
    );
    entries += r.entries;
    checkpoints += r.checkpoints;
  }
  const stuckFilter = orgIds ? sql`and org_id in (${idList(orgIds)})` : sql``;
  const stuck = await queryRows<{ org_id: number; kind: string; ref: string }>(
    q,
    sql`select org_id, kind, ref from ledger_outbox
        where created_at < now() - make_interval(secs => ${STUCK_AFTER_SECONDS}) ${stuckFilter}
        order by id limit 100`,
  );
  for (const s of stuck) {
    findings.push({
      orgId: Number(s.org_id),
      what: 'outbox',
      index: null,
      kind: s.kind,
      ref: s.ref,
      message: `事件已等待超过 ${STUCK_AFTER_SECONDS} 秒仍未记入账本：无法由业务数据生成条目`,
      expected: null,
      actual: null,
    });
  }
  return {
    orgIds: logs.map((l) => Number(l.org_id)),
    entriesChecked: entries,
    checkpointsChecked: checkpoints,
    findings,
  };
}
