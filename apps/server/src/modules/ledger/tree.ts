import { tlog } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../platform/db/client.ts';

/**
 * Reading a log's Merkle tree from its stored complete subtrees: a root, an inclusion or a consistency
 * proof is O(log n) rows fetched in ONE query, whatever the log's size. Level 0 (the leaves) is the
 * `leaf_hash` of `ledger_entries`; `ledger_nodes` holds levels 1 and up — storing the leaves twice
 * would add a row to every append.
 */

const key = (level: number, index: number) => `${level}:${index}`;

/**
 * The stored subtrees `ids` of a log, by "level:index", and the log's committed size read in the same
 * statement (null when the society has no log yet) — a public proof is one round trip.
 */
export async function loadNodesAndSize(
  q: Queryable,
  orgId: number,
  ids: readonly tlog.SubtreeId[],
): Promise<{ size: number | null; nodes: Map<string, Uint8Array> }> {
  const nodes = new Map<string, Uint8Array>();
  const leaves = ids.filter((n) => n.level === 0).map((n) => sql`${n.index}::bigint`);
  const inner = ids.filter((n) => n.level > 0).map((n) => sql`(${n.level}::smallint, ${n.index}::bigint)`);
  const rows = await queryRows<{ level: number; idx: number | string; hash: Uint8Array | null }>(
    q,
    sql`select -1 as level, size as idx, null::bytea as hash from ledger_logs where org_id = ${orgId}
        ${
          leaves.length
            ? sql`union all select 0, idx, leaf_hash from ledger_entries
                  where org_id = ${orgId} and idx in (${sql.join(leaves, sql`, `)})`
            : sql``
        }
        ${
          inner.length
            ? sql`union all select level, idx, hash from ledger_nodes
                  where org_id = ${orgId} and (level, idx) in (${sql.join(inner, sql`, `)})`
            : sql``
        }`,
  );
  let size: number | null = null;
  for (const r of rows) {
    if (Number(r.level) === -1) size = Number(r.idx);
    else nodes.set(key(Number(r.level), Number(r.idx)), new Uint8Array(r.hash!));
  }
  return { size, nodes };
}

export const loadNodes = async (q: Queryable, orgId: number, ids: readonly tlog.SubtreeId[]) =>
  (await loadNodesAndSize(q, orgId, ids)).nodes;

/** A getter over loaded nodes that fails loudly: a missing subtree means the stored tree is broken. */
export function nodeGetter(orgId: number, nodes: Map<string, Uint8Array>) {
  return (level: number, index: number): Uint8Array => {
    const h = nodes.get(key(level, index));
    if (!h) throw new Error(`ledger ${orgId}: stored subtree ${level}:${index} is missing`);
    return h;
  };
}

/** Hashes of the given leaf ranges (proof elements or a root), in one query. */
export async function rangeHashes(
  q: Queryable,
  orgId: number,
  ranges: readonly tlog.LeafRange[],
): Promise<Uint8Array[]> {
  const nodes = await loadNodes(q, orgId, tlog.nodesOfRanges(ranges));
  const get = nodeGetter(orgId, nodes);
  return ranges.map(([start, end]) => tlog.rangeHash(start, end, get));
}

export async function rootAt(q: Queryable, orgId: number, size: number): Promise<Uint8Array> {
  return (await rangeHashes(q, orgId, [[0, size]]))[0]!;
}

export const inclusionProof = (q: Queryable, orgId: number, index: number, size: number) =>
  rangeHashes(q, orgId, tlog.inclusionRanges(index, size));

export const consistencyProof = (q: Queryable, orgId: number, first: number, second: number) =>
  rangeHashes(q, orgId, tlog.consistencyRanges(first, second));

/** The right edge of a tree of `size` leaves: its maximal complete subtrees, left to right. */
export async function loadFrontier(q: Queryable, orgId: number, size: number): Promise<FrontierNode[]> {
  const ids = tlog.subtreesOf(0, size);
  const nodes = await loadNodes(q, orgId, ids);
  const get = nodeGetter(orgId, nodes);
  return ids.map((n) => ({ level: n.level, index: n.index, hash: get(n.level, n.index) }));
}

export interface FrontierNode {
  level: number;
  index: number;
  hash: Uint8Array;
}

/**
 * A log's tree being extended leaf by leaf: the frontier is kept in memory, and each append returns
 * the complete subtrees it creates (the leaf itself, then every parent it completes) — the leaf is
 * the entry's hash, the parents are the rows `ledger_nodes` gains. The sequencer appends with it; the verifier rebuilds a whole log with it.
 */
export class GrowingTree {
  private readonly frontier: FrontierNode[];
  constructor(
    frontier: readonly FrontierNode[],
    public size: number,
  ) {
    this.frontier = [...frontier];
  }

  append(leaf: Uint8Array): FrontierNode[] {
    let node: FrontierNode = { level: 0, index: this.size, hash: leaf };
    const made = [node];
    this.size++;
    while (this.frontier.length && this.frontier.at(-1)!.level === node.level) {
      const left = this.frontier.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: tlog.nodeHash(left.hash, node.hash) };
      made.push(node);
    }
    this.frontier.push(node);
    return made;
  }

  root(): Uint8Array {
    if (!this.frontier.length) return tlog.emptyRoot();
    let hash = this.frontier.at(-1)!.hash;
    for (let i = this.frontier.length - 2; i >= 0; i--) hash = tlog.nodeHash(this.frontier[i]!.hash, hash);
    return hash;
  }
}
