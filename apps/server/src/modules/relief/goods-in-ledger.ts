import { asc, eq, inArray } from 'drizzle-orm';
import {
  refIds,
  type LedgerEntryBuilder,
  type LedgerEntryObject,
  type LedgerValue,
} from '../../platform/ledger/index.ts';
import { goodsInLines, goodsInNotes, reliefItems, stockBatches } from './schema.ts';

/**
 * goods.stocked — the public record of goods taken into a warehouse (`goods-in:<id>`). Built only
 * from rows that never change after the note: the note and its lines, the batches' codes and the
 * designation they were born with, and the item's name, specification and unit (which the catalogue
 * refuses to change once an item has been in stock). The time is the note's own `created_at`. No
 * person appears: not the inspector, not the donor (the gift's own entry, `gift:N`, names them as
 * the public saw them). A purchase names its supplier, a business.
 */
export const goodsStockedEntries: LedgerEntryBuilder = {
  kind: 'goods.stocked',
  async build(q, refs) {
    const ids = refIds(refs, 'goods-in');
    const out = new Map<string, LedgerEntryObject>();
    if (!ids.length) return out;
    const notes = await q.select().from(goodsInNotes).where(inArray(goodsInNotes.id, ids));
    const lines = await q
      .select({
        l: goodsInLines,
        item: reliefItems.name,
        spec: reliefItems.spec,
        unit: reliefItems.unit,
        batch: stockBatches.code,
        designatedOrg: stockBatches.designatedOrgId,
        event: stockBatches.designatedEventId,
      })
      .from(goodsInLines)
      .innerJoin(reliefItems, eq(reliefItems.id, goodsInLines.itemId))
      .leftJoin(stockBatches, eq(stockBatches.id, goodsInLines.batchId))
      .where(inArray(goodsInLines.noteId, ids))
      .orderBy(asc(goodsInLines.noteId), asc(goodsInLines.lineNo));
    for (const n of notes) {
      let valueFen = 0;
      const entryLines: LedgerValue[] = lines
        .filter((r) => r.l.noteId === n.id)
        .map((r) => {
          const value = r.l.acceptedQty * r.l.unitValueFen;
          valueFen += value;
          return {
            item: r.item,
            spec: r.spec,
            unit: r.unit,
            acceptedQty: r.l.acceptedQty,
            rejectedQty: r.l.rejectedQty,
            unitValueFen: r.l.unitValueFen,
            valueFen: value,
            batch: r.batch,
            lotNo: r.l.lotNo,
            expiresOn: r.l.expiresOn,
            event: r.event,
            designatedOrg: r.designatedOrg,
          };
        });
      const entry: LedgerEntryObject = {
        v: 1,
        kind: 'goods.stocked',
        org: n.orgId,
        ref: `goods-in:${n.id}`,
        at: n.createdAt.toISOString(),
        warehouse: n.warehouseId,
        receivedOn: n.receivedOn,
        source: n.source,
        gift: n.giftId ? `gift:${n.giftId}` : null,
        supplier: n.supplier,
        lines: entryLines,
        valueFen,
      };
      out.set(entry.ref, entry);
    }
    return out;
  },
};
