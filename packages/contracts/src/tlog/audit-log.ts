import type { z } from 'zod';
import {
  ledgerCheckpointListSchema,
  ledgerConsistencyProofSchema,
  ledgerEntryListSchema,
  ledgerInclusionProofSchema,
  ledgerLogListSchema,
  type LedgerFinding,
  type LedgerLog,
} from '../ledger.ts';
import { equalBytes, fromBase64, toBase64 } from './bytes.ts';
import { canonicalJson, entryBytes } from './canonical-json.ts';
import { leafHash, MerkleFrontier, verifyConsistency, verifyInclusion } from './merkle.ts';
import { openCheckpoint, type OpenedCheckpoint } from './note.ts';

/**
 * The standalone auditor: everything it believes comes from the public API and the keys published
 * there, so anyone can run it without our database. Per log it checks the latest checkpoint's
 * signatures (and the witness's cosignature), fetches every entry up to that size, checks each leaf
 * hash and that the entry is canonical, recomputes the root of every checkpoint ever issued while
 * streaming, checks a few inclusion proofs, and proves with consistency proofs that the log only
 * grew since the checkpoints remembered in `state` (what an earlier run saw).
 */

/** The subset of fetch the auditor uses, so a test (or the CLI) can pass its own. */
export type AuditFetch = (url: string) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

/** What an earlier run saw, per log: keep it and pass it back to detect a rewritten history. */
export interface AuditState {
  version: 1;
  logs: Record<string, { origin: string; size: number; rootHash: string; note: string; seenAt: string }>;
}

export interface AuditLogResult {
  orgId: number;
  origin: string;
  size: number;
  entriesChecked: number;
  checkpointsChecked: number;
  ok: boolean;
  findings: LedgerFinding[];
}

export interface AuditResult {
  logs: AuditLogResult[];
  state: AuditState;
}

const PAGE = 1000;

class AuditFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export async function auditLog(
  baseUrl: string,
  opts: { fetch: AuditFetch; state?: AuditState | null; orgId?: number; now?: () => Date },
): Promise<AuditResult> {
  const api = `${baseUrl.replace(/\/+$/, '')}/api/public/ledger`;
  const now = opts.now ?? (() => new Date());
  const get = async <T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> => {
    const text = await getText(path);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AuditFailure(`${path} 返回的不是 JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new AuditFailure(`${path} 的响应格式不符合公开接口约定`);
    return parsed.data;
  };
  const getText = async (path: string): Promise<string> => {
    let res: Awaited<ReturnType<AuditFetch>>;
    try {
      res = await opts.fetch(`${api}${path}`);
    } catch (e) {
      throw new AuditFailure(`无法访问 ${path}：${(e as Error).message}`);
    }
    if (!res.ok) throw new AuditFailure(`${path} 返回 HTTP ${res.status}`, res.status);
    return res.text();
  };

  const list = await get('/logs', ledgerLogListSchema).catch((e: unknown) => {
    throw e instanceof AuditFailure ? new Error(e.message) : e;
  });
  const previous = opts.state?.version === 1 ? opts.state.logs : {};
  const state: AuditState = { version: 1, logs: { ...previous } };
  const logs: AuditLogResult[] = [];
  for (const log of list.items) {
    if (opts.orgId !== undefined && log.orgId !== opts.orgId) continue;
    const result = await auditOne(log, previous[String(log.orgId)], get, getText);
    logs.push(result.summary);
    // A log that failed keeps what was seen before, so the next run still compares against it.
    if (result.summary.ok && result.seen) {
      state.logs[String(log.orgId)] = { ...result.seen, origin: log.origin, seenAt: now().toISOString() };
    }
  }
  return { logs, state };
}

type Get = <T extends z.ZodType>(path: string, schema: T) => Promise<z.infer<T>>;

async function auditOne(
  log: LedgerLog,
  before: AuditState['logs'][string] | undefined,
  get: Get,
  getText: (path: string) => Promise<string>,
): Promise<{ summary: AuditLogResult; seen: { size: number; rootHash: string; note: string } | null }> {
  const findings: LedgerFinding[] = [];
  const finding = (
    what: LedgerFinding['what'],
    message: string,
    extra: Partial<Pick<LedgerFinding, 'index' | 'kind' | 'ref' | 'expected' | 'actual'>> = {},
  ) => {
    findings.push({
      orgId: log.orgId,
      what,
      index: null,
      kind: null,
      ref: null,
      expected: null,
      actual: null,
      message,
      ...extra,
    });
  };
  const summary: AuditLogResult = {
    orgId: log.orgId,
    origin: log.origin,
    size: 0,
    entriesChecked: 0,
    checkpointsChecked: 0,
    ok: false,
    findings,
  };
  const base = `/logs/${log.orgId}`;
  const witnessKeys = log.witness?.keys ?? [];
  const open = (note: string): OpenedCheckpoint =>
    openCheckpoint(note, { logKeys: log.keys, witnessKeys, origin: log.origin });

  let seen: { size: number; rootHash: string; note: string } | null = null;
  try {
    // 1. The latest checkpoint, signed by a published key of this log and co-signed by its witness.
    if (log.keys.length === 0) finding('checkpoint', '该日志没有公布签名公钥');
    let latest: OpenedCheckpoint | null = null;
    let latestNote = '';
    try {
      latestNote = await getText(`${base}/checkpoint`);
    } catch (e) {
      // No checkpoint yet (a new log, or entries younger than the checkpointer's second): nothing to hold it to.
      if (!(e instanceof AuditFailure) || e.status !== 404) throw e;
    }
    if (latestNote !== '') {
      try {
        latest = open(latestNote);
      } catch (e) {
        finding('checkpoint', `最新检查点无法验证：${(e as Error).message}`);
      }
    }
    if (!latest) {
      if (before) finding('checkpoint', `上次审计见到大小 ${before.size} 的检查点，现在没有可验证的检查点`);
      summary.ok = findings.length === 0;
      return { summary, seen: null };
    }
    const size = latest.checkpoint.size;
    const root = latest.checkpoint.rootHash;
    summary.size = size;
    summary.checkpointsChecked++;
    if (log.witness && !latest.cosignedBy.some((c) => c.name === log.witness!.name)) {
      finding('checkpoint', `最新检查点（大小 ${size}）缺少见证方 ${log.witness.name} 的联署`);
    }

    // 2. Earlier checkpoints, to recompute each root while the entries stream past.
    const history = new Map<number, { rootHash: Uint8Array; note: string }>();
    let after: number | undefined;
    for (;;) {
      const q = after === undefined ? `limit=${PAGE}` : `after=${after}&limit=${PAGE}`;
      const page = await get(`${base}/checkpoints?${q}`, ledgerCheckpointListSchema);
      let last = after ?? -1;
      for (const cp of page.items) {
        if (cp.size > size) continue;
        last = Math.max(last, cp.size);
        try {
          const opened = open(cp.note);
          if (opened.checkpoint.size !== cp.size || toBase64(opened.checkpoint.rootHash) !== cp.rootHash) {
            finding('checkpoint', `检查点 ${cp.size} 的列表字段与签名内容不一致`, {
              expected: `${opened.checkpoint.size} ${toBase64(opened.checkpoint.rootHash)}`,
              actual: `${cp.size} ${cp.rootHash}`,
            });
          }
          history.set(opened.checkpoint.size, { rootHash: opened.checkpoint.rootHash, note: cp.note });
          summary.checkpointsChecked++;
        } catch (e) {
          finding('checkpoint', `历史检查点 ${cp.size} 无法验证：${(e as Error).message}`);
        }
      }
      if (page.items.length < PAGE || last === (after ?? -1)) break;
      after = last;
    }
    history.set(size, { rootHash: root, note: latestNote });

    // 3. Every entry: index in order, leaf hash of the text, canonical text naming this log.
    const frontier = new MerkleFrontier();
    const leaves: Uint8Array[] = [];
    const checkRoot = () => {
      const cp = history.get(frontier.size);
      if (cp && !equalBytes(cp.rootHash, frontier.root())) {
        finding('checkpoint', `检查点 ${frontier.size} 的根哈希与由条目重算的不一致`, {
          expected: toBase64(frontier.root()),
          actual: toBase64(cp.rootHash),
        });
      }
    };
    checkRoot();
    while (frontier.size < size) {
      const start = frontier.size;
      const limit = Math.min(PAGE, size - start);
      const page = await get(`${base}/entries?start=${start}&limit=${limit}`, ledgerEntryListSchema);
      if (page.items.length === 0) throw new AuditFailure(`条目 ${start} 起取不到数据（检查点大小 ${size}）`);
      for (const item of page.items.slice(0, limit)) {
        const index = frontier.size;
        const at = { index, kind: item.kind, ref: item.ref };
        if (item.index !== index || item.orgId !== log.orgId) {
          finding('entry', `条目序号或日志不符`, {
            ...at,
            expected: `${log.orgId}/${index}`,
            actual: `${item.orgId}/${item.index}`,
          });
        }
        const computed = leafHash(entryBytes(item.entry));
        let served: Uint8Array | null = null;
        try {
          served = fromBase64(item.leafHash);
        } catch {
          served = null;
        }
        if (!served || !equalBytes(served, computed)) {
          finding('entry', '叶哈希与条目文本不符', {
            ...at,
            expected: toBase64(computed),
            actual: item.leafHash,
          });
        }
        checkEntryText(item.entry, log.orgId, item.kind, item.ref, (message, expected, actual) =>
          finding('entry', message, { ...at, expected, actual }),
        );
        // The tree is built from the text as served: a wrong leaf hash field cannot hide a changed text.
        frontier.append(computed);
        leaves.push(computed);
        summary.entriesChecked++;
        checkRoot();
      }
    }

    // 4. A few inclusion proofs against the latest checkpoint: first, middle and last entry.
    for (const index of [...new Set([0, Math.floor(size / 2), size - 1])].filter((i) => i >= 0 && i < size)) {
      const proof = await get(
        `${base}/proofs/inclusion?index=${index}&size=${size}`,
        ledgerInclusionProofSchema,
      );
      if (!verifyInclusion(leaves[index]!, index, size, decodeAll(proof.hashes), root)) {
        finding('checkpoint', `条目 ${index} 的包含证明不能对检查点 ${size} 验证通过`, { index });
      }
    }

    // 5. The log only grew since the last run: consistency proof from the remembered checkpoint.
    if (before) {
      const oldRoot = fromBase64(before.rootHash);
      if (before.origin !== log.origin) {
        finding('checkpoint', '日志来源与上次审计记录的不一致', {
          expected: before.origin,
          actual: log.origin,
        });
      } else if (before.size > size) {
        finding('checkpoint', `日志变短了：上次审计见到大小 ${before.size}，现在检查点只有 ${size}`, {
          expected: `≥ ${before.size}`,
          actual: String(size),
        });
      } else {
        const proof = await get(
          `${base}/proofs/consistency?first=${before.size}&second=${size}`,
          ledgerConsistencyProofSchema,
        );
        if (!verifyConsistency(before.size, size, decodeAll(proof.hashes), oldRoot, root)) {
          finding(
            'checkpoint',
            `上次审计见到的检查点 ${before.size} 与现在的检查点 ${size} 不一致（历史被改写）`,
            {
              expected: before.rootHash,
            },
          );
        }
      }
    }
    seen = { size, rootHash: toBase64(root), note: latestNote };
  } catch (e) {
    if (!(e instanceof AuditFailure)) throw e;
    finding('checkpoint', e.message);
  }
  summary.ok = findings.length === 0;
  return { summary, seen };
}

function decodeAll(hashes: string[]): Uint8Array[] {
  try {
    return hashes.map(fromBase64);
  } catch {
    // Undecodable elements make the proof fail verification rather than the audit stop.
    return [new Uint8Array(0)];
  }
}

/** An entry must be the canonical text of an object that names this log, its kind and ref. */
function checkEntryText(
  text: string,
  orgId: number,
  kind: string,
  ref: string,
  report: (message: string, expected: string | null, actual: string | null) => void,
): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    report('条目不是 JSON', null, text.slice(0, 200));
    return;
  }
  let canonical: string | null = null;
  try {
    canonical = canonicalJson(value);
  } catch {
    canonical = null;
  }
  if (canonical !== text) report('条目不是规范 JSON 文本', canonical, text.slice(0, 200));
  const entry = (value ?? {}) as Record<string, unknown>;
  if (entry.org !== orgId || entry.kind !== kind || entry.ref !== ref) {
    report(
      '条目内容的 org/kind/ref 与接口字段不符',
      `${orgId} ${kind} ${ref}`,
      `${String(entry.org)} ${String(entry.kind)} ${String(entry.ref)}`,
    );
  }
}
