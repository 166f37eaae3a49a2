import type { LedgerEntry } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { receipts } from '../donations/index.ts';
import { entriesByRefs } from './public-log.ts';

/**
 * 按票据或引用查条目: a receipt number finds the entries of that receipt and of its gift; a ref
 * (`gift:12`, `disbursement:3` …) finds the entries about that row. Unknown numbers find nothing.
 */
export async function entriesForLookup(
  q: Queryable,
  query: { receipt?: string; ref?: string },
): Promise<LedgerEntry[]> {
  if (query.ref) return entriesByRefs(q, [query.ref]);
  return entriesByRefs(q, await refsOfReceipt(q, query.receipt!));
}

/** The refs a receipt's entries are under: the receipt's and its gift's (none for an unknown number). */
export async function refsOfReceipt(q: Queryable, number: string): Promise<string[]> {
  const [r] = await q
    .select({ id: receipts.id, giftId: receipts.giftId })
    .from(receipts)
    .where(eq(receipts.number, number));
  return r ? [`receipt:${r.id}`, `gift:${r.giftId}`] : [];
}
