import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { receipts, receiptSeries } from './schema.ts';

/** 14 digits: year, issuing society (4), sequence (6) — e.g. 20260003000042. Sortable and dense per series. */
export const receiptNumber = (year: number, orgId: number, seq: number) =>
  `${year}${String(orgId).padStart(4, '0')}${String(seq).padStart(6, '0')}`;

/**
 * Takes the next number of the society's series for the year and issues the receipt — inside the
 * caller's transaction. The UPDATE locks the series row until commit: concurrent gifts to the same
 * society queue here, and a gift that rolls back returns its number, so the series has no gaps.
 */
export async function issueReceipt(
  tx: Tx,
  gift: { id: number; orgId: number; amountFen: number },
  year: number,
): Promise<typeof receipts.$inferSelect> {
  await tx.insert(receiptSeries).values({ orgId: gift.orgId, year }).onConflictDoNothing();
  const [series] = await tx
    .update(receiptSeries)
    .set({ lastSeq: sql`${receiptSeries.lastSeq} + 1` })
    .where(sql`${receiptSeries.orgId} = ${gift.orgId} and ${receiptSeries.year} = ${year}`)
    .returning({ seq: receiptSeries.lastSeq });
  const seq = series!.seq;
  const [receipt] = await tx
    .insert(receipts)
    .values({
      orgId: gift.orgId,
      year,
      seq,
      number: receiptNumber(year, gift.orgId, seq),
      giftId: gift.id,
      amountFen: gift.amountFen,
    })
    .returning();
  return receipt!;
}
