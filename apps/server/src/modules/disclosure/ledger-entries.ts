import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { refIds, type LedgerEntryBuilder, type LedgerEntryObject } from '../../platform/ledger/index.ts';
import { disclosureBatches, disclosureLines } from './schema.ts';

/**
 * 公示发布 in the transparency log: the batch's totals and every line as published (public name as
 * consented, amount, receipt number), so the log fixes what the public was shown that day. Batches and
 * lines never change (trigger), so the entry always rebuilds the same.
 */
const disclosurePublished: LedgerEntryBuilder = {
  kind: 'disclosure.published',
  async build(q, refs) {
    const ids = refIds(refs, 'disclosure-batch');
    const out = new Map<string, LedgerEntryObject>();
    if (!ids.length) return out;
    const batches = await q.select().from(disclosureBatches).where(inArray(disclosureBatches.id, ids));
    const lines = await q
      .select()
      .from(disclosureLines)
      .where(inArray(disclosureLines.batchId, ids))
      .orderBy(asc(disclosureLines.batchId), asc(disclosureLines.lineNo));
    for (const b of batches) {
      out.set(`disclosure-batch:${b.id}`, {
        v: 1,
        kind: 'disclosure.published',
        org: b.orgId,
        ref: `disclosure-batch:${b.id}`,
        at: b.publishedAt.toISOString(),
        day: b.day,
        giftCount: b.giftCount,
        giftFen: b.giftFen,
        disbursementCount: b.disbursementCount,
        disbursementFen: b.disbursementFen,
        reversalCount: b.reversalCount,
        lines: lines
          .filter((l) => l.batchId === b.id)
          .map((l) => ({
            n: l.lineNo,
            kind: l.kind,
            ref: l.giftId ? `gift:${l.giftId}` : l.disbursementId ? `disbursement:${l.disbursementId}` : null,
            // A reversal names the line it reverses by id (that line may be in an earlier batch).
            reverses: l.reversesLineId ? `disclosure-line:${l.reversesLineId}` : null,
            name: l.publicName,
            form: l.form,
            amountFen: l.amountFen,
            receiptNo: l.receiptNo,
          })),
      });
    }
    return out;
  },
};

export const disclosureLedgerEntries: LedgerEntryBuilder[] = [disclosurePublished];

/** The published batch each gift's line is in (gifts not yet published are absent). */
export async function publishedBatchOfGifts(
  q: Queryable,
  giftIds: readonly number[],
): Promise<Map<number, number>> {
  if (!giftIds.length) return new Map();
  const rows = await q
    .select({ giftId: disclosureLines.giftId, batchId: disclosureLines.batchId })
    .from(disclosureLines)
    .where(and(inArray(disclosureLines.giftId, [...giftIds]), eq(disclosureLines.kind, 'gift')));
  return new Map(rows.map((r) => [r.giftId!, r.batchId]));
}
