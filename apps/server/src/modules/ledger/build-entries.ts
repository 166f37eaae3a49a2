import { tlog } from '@boai/contracts';
import type { Queryable } from '../../platform/db/client.ts';
import type { LedgerEntryBuilder, LedgerEntryObject } from '../../platform/ledger/index.ts';

export interface PublicEventRow {
  orgId: number;
  kind: string;
  ref: string;
}

export interface BuiltEntry {
  text: string;
  leafHash: Uint8Array;
  object: LedgerEntryObject;
}

export type BuilderSet = ReadonlyMap<string, LedgerEntryBuilder>;

export const builderSet = (builders: readonly LedgerEntryBuilder[]): BuilderSet =>
  new Map(builders.map((b) => [b.kind, b]));

const eventKey = (e: PublicEventRow) => `${e.orgId}\n${e.kind}\n${e.ref}`;

/**
 * Builds the entries of a batch of events: one builder call (one query) per kind. The same function
 * serves the sequencer and the verifier, so an entry is rebuilt exactly as it was first made. An
 * event gets no entry when no builder knows its kind, the row is not found, or the built entry does
 * not name the same society, kind and ref or is not canonical JSON (a builder bug must neither log the
 * wrong thing nor stop the log).
 */
export async function buildEntries(
  q: Queryable,
  builders: BuilderSet,
  events: readonly PublicEventRow[],
): Promise<Map<string, BuiltEntry>> {
  const byKind = new Map<string, Set<string>>();
  for (const e of events) {
    let refs = byKind.get(e.kind);
    if (!refs) byKind.set(e.kind, (refs = new Set()));
    refs.add(e.ref);
  }
  const objects = new Map<string, LedgerEntryObject>();
  for (const [kind, refs] of byKind) {
    const builder = builders.get(kind);
    if (!builder) continue;
    for (const [ref, object] of await builder.build(q, [...refs])) objects.set(`${kind}\n${ref}`, object);
  }
  const out = new Map<string, BuiltEntry>();
  for (const e of events) {
    const object = objects.get(`${e.kind}\n${e.ref}`);
    if (!object || object.org !== e.orgId || object.kind !== e.kind || object.ref !== e.ref) continue;
    let text: string;
    try {
      text = tlog.canonicalJson(object);
    } catch {
      // A value canonical JSON refuses (a fraction, a Date): like a missing row, it stays unlogged and shows.
      continue;
    }
    out.set(eventKey(e), { text, leafHash: tlog.leafHash(tlog.entryBytes(text)), object });
  }
  return out;
}

export const builtFor = (built: Map<string, BuiltEntry>, e: PublicEventRow) => built.get(eventKey(e));
