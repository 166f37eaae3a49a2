import { sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/client.ts';
import { ledgerOutbox } from './schema.ts';

/** Kinds of public event. Relief adds goods.stocked / allocation.shipped / allocation.signed; aid adds aid.given. */
export type LedgerEventKind =
  | 'gift.received'
  | 'receipt.issued'
  | 'receipt.voided'
  | 'gift.cancelled'
  | 'disbursement.made'
  | 'disclosure.published'
  | 'goods.stocked'
  | 'allocation.shipped'
  | 'allocation.signed'
  | 'aid.given';

export interface PublicEvent {
  /** The society whose log records the event: the one that owns the business row. */
  orgId: number;
  kind: LedgerEventKind;
  /** `gift:123`, `receipt:456`, `disbursement:7`, `disclosure-batch:9` … */
  ref: string;
}

/**
 * Records public events for the transparency log in the caller's business transaction: one
 * multi-row INSERT. The log entry itself is built and appended after commit by the ledger's
 * sequencer, from the row `ref` names — so call this in the same transaction that writes that row.
 */
export async function recordPublicEvents(tx: Tx, events: readonly PublicEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(ledgerOutbox).values(events.map((e) => ({ orgId: e.orgId, kind: e.kind, ref: e.ref })));
}

/**
 * `recordPublicEvents` as a clause of a bigger statement: the INSERT of the events that `events`
 * selects as `(org_id, kind, ref)`, in its order — for a batch write that makes its rows and their
 * events in one round trip (a CTE), where the refs' ids exist only inside that statement.
 */
export const publicEventsInsert = (events: SQL): SQL =>
  sql`insert into ${ledgerOutbox} (org_id, kind, ref) ${events}`;

/**
 * Makes the log entry of one kind of event. `build` is called with a batch of refs (one query for
 * the whole batch) and returns each ref's entry object; a ref it cannot find is left out of the map.
 * The same function makes the entry when it is appended and again when `boai ledger verify`
 * recomputes it, so an entry may only hold facts that never legitimately change after the event,
 * and only what may be public (never an ID number, a phone, or an aid recipient's identity).
 * Every entry has `{ v: 1, kind, org, ref, at }` (`at`: ISO time of the event) plus its facts;
 * values are strings, safe integers, booleans, null, arrays and objects (canonical JSON).
 */
export interface LedgerEntryBuilder {
  kind: LedgerEventKind;
  build(q: Queryable, refs: readonly string[]): Promise<Map<string, LedgerEntryObject>>;
}

export type LedgerValue = string | number | boolean | null | LedgerValue[] | { [key: string]: LedgerValue };
export interface LedgerEntryObject {
  v: 1;
  kind: LedgerEventKind;
  org: number;
  ref: string;
  at: string;
  [fact: string]: LedgerValue;
}

/** The numeric ids of refs of one type (`gift:12` → 12), for a builder's `where id = any(…)`. */
export function refIds(refs: readonly string[], type: string): number[] {
  const prefix = `${type}:`;
  const ids: number[] = [];
  for (const ref of refs) {
    if (!ref.startsWith(prefix)) continue;
    const n = Number(ref.slice(prefix.length));
    if (Number.isSafeInteger(n) && n > 0) ids.push(n);
  }
  return ids;
}
