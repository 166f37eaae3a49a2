// Test support for the tlog tests (not exported from the package).
import type { LedgerLog } from '../ledger.ts';
import type { AuditFetch } from './audit-log.ts';
import { toBase64 } from './bytes.ts';
import { canonicalJson, entryBytes } from './canonical-json.ts';
import {
  consistencyRanges,
  inclusionRanges,
  leafHash,
  nodeHash,
  rangeHash,
  rootHash,
  type GetNode,
} from './merkle.ts';
import {
  addSignature,
  cosign,
  deriveSeed,
  formatCheckpoint,
  KEY_TYPE_COSIGNATURE_V1,
  signNote,
  verifierKeyOf,
  type NoteSigner,
} from './note.ts';

/**
 * A whole public ledger in memory, built with the real library: what the auditor sees over HTTP
 * from an honest server, and the hooks a dishonest one would use.
 */
const HOST = 'ledger.test';
const secret = new Uint8Array(32).fill(9);
export const origin = (orgId: number) => `${HOST}/boai/org/${orgId}`;
export const signer = (name: string): NoteSigner => ({ name, privateKey: deriveSeed(secret, name) });

interface FakeOrg {
  id: number;
  parentId: number | null;
  entries: { kind: string; ref: string; entry: string; leaf: Uint8Array }[];
  checkpoints: { size: number; rootHash: string; note: string }[];
}

export class FakeLedger {
  readonly orgs = new Map<number, FakeOrg>();
  /** Lets a test play a dishonest server: change an answer before it is sent. */
  tamper: (path: string, body: string) => string = (_, body) => body;
  clock = 1_764_000_000;

  addOrg(id: number, parentId: number | null): void {
    this.orgs.set(id, { id, parentId, entries: [], checkpoints: [] });
  }

  append(orgId: number, kind: string, id: number, extra: Record<string, unknown> = {}): void {
    const org = this.orgs.get(orgId)!;
    const ref = `${kind.split('.')[0]}:${id}`;
    const entry = canonicalJson({ v: 1, kind, org: orgId, ref, at: '2026-11-24T10:00:00.000Z', ...extra });
    org.entries.push({ kind, ref, entry, leaf: leafHash(entryBytes(entry)) });
  }

  /** Every complete subtree, as the server stores them. */
  nodes(orgId: number): GetNode {
    const levels = [this.orgs.get(orgId)!.entries.map((e) => e.leaf)];
    while (levels.at(-1)!.length > 1) {
      const below = levels.at(-1)!;
      levels.push(
        Array.from({ length: Math.floor(below.length / 2) }, (_, i) =>
          nodeHash(below[2 * i]!, below[2 * i + 1]!),
        ),
      );
    }
    return (level, index) => levels[level]![index]!;
  }

  checkpoint(orgId: number, opts: { witness?: boolean; signWith?: NoteSigner } = {}): void {
    const org = this.orgs.get(orgId)!;
    const size = org.entries.length;
    const root = rootHash(size, this.nodes(orgId));
    const body = formatCheckpoint({ origin: origin(orgId), size, rootHash: root });
    let note = signNote(body, opts.signWith ?? signer(origin(orgId)));
    if (org.parentId !== null && opts.witness !== false) {
      note = addSignature(note, cosign(body, signer(`${origin(org.parentId)}/witness`), this.clock++));
    }
    org.checkpoints.push({ size, rootHash: toBase64(root), note });
  }

  log(org: FakeOrg): LedgerLog {
    return {
      orgId: org.id,
      orgName: `红十字会 ${org.id}`,
      origin: origin(org.id),
      size: org.entries.length,
      keys: [verifierKeyOf(signer(origin(org.id)))],
      witness:
        org.parentId === null
          ? null
          : {
              name: `${origin(org.parentId)}/witness`,
              keys: [verifierKeyOf(signer(`${origin(org.parentId)}/witness`), KEY_TYPE_COSIGNATURE_V1)],
            },
    };
  }

  fetch: AuditFetch = async (url) => {
    const u = new URL(url);
    const path = u.pathname.replace('/api/public/ledger', '');
    const q = (k: string) => Number(u.searchParams.get(k));
    const reply = (status: number, body: string) => ({
      ok: status < 400,
      status,
      text: async () => (status < 400 ? this.tamper(path, body) : body),
    });
    const json = (value: unknown) => reply(200, JSON.stringify(value));
    if (path === '/logs') return json({ items: [...this.orgs.values()].map((o) => this.log(o)) });
    const m = /^\/logs\/(\d+)\/(.+)$/.exec(path);
    const org = m && this.orgs.get(Number(m[1]));
    if (!m || !org) return reply(404, '{}');
    const get = this.nodes(org.id);
    const hashes = (ranges: [number, number][]) => ranges.map(([s, e]) => toBase64(rangeHash(s, e, get)));
    switch (m[2]) {
      case 'checkpoint':
        return org.checkpoints.length ? reply(200, org.checkpoints.at(-1)!.note) : reply(404, '{}');
      case 'checkpoints': {
        const after = u.searchParams.has('after') ? q('after') : -1;
        const items = org.checkpoints.filter((c) => c.size > after).slice(0, q('limit'));
        return json({ items: items.map((c) => ({ ...c, createdAt: '2026-11-24T10:00:01.000Z' })) });
      }
      case 'entries': {
        const items = org.entries.slice(q('start'), q('start') + q('limit')).map((e, i) => ({
          orgId: org.id,
          index: q('start') + i,
          kind: e.kind,
          ref: e.ref,
          entry: e.entry,
          leafHash: toBase64(e.leaf),
          createdAt: '2026-11-24T10:00:00.000Z',
        }));
        return json({ items });
      }
      case 'proofs/inclusion':
        return json({
          index: q('index'),
          size: q('size'),
          hashes: hashes(inclusionRanges(q('index'), q('size'))),
        });
      case 'proofs/consistency':
        return json({
          first: q('first'),
          second: q('second'),
          hashes: hashes(consistencyRanges(q('first'), q('second'))),
        });
      default:
        return reply(404, '{}');
    }
  };
}

/** A province (1) with a city society (4) under it; gifts and receipts in both, checkpoints along the way. */
export function honestLedger(): FakeLedger {
  const ledger = new FakeLedger();
  ledger.addOrg(1, null);
  ledger.addOrg(4, 1);
  for (let i = 1; i <= 7; i++) {
    ledger.append(4, 'gift.received', i, { amountFen: 1000 * i, donor: '爱心人士' });
    ledger.append(4, 'receipt.issued', 100 + i, { number: `2026110400000${i}` });
    if (i % 3 === 0) ledger.checkpoint(4);
  }
  ledger.checkpoint(4);
  ledger.append(1, 'disclosure.published', 9, { day: '2026-11-24' });
  ledger.checkpoint(1);
  return ledger;
}
