import type { CreatePurchaseGoodsInInput, GoodsInDetail } from '@boai/contracts';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { recordPublicEvents } from '../../platform/ledger/index.ts';
import {
  checkLineTargets,
  checkReceivedOn,
  checkValue,
  expiryFor,
  stockNewBatch,
  unitValueFor,
  warehouseForGoodsIn,
} from './goods-in-lines.ts';
import { unsafeGoodsInDetail } from './goods-in-list.ts';
import { goodsInLines, goodsInNotes } from './schema.ts';

/**
 * 采购入库: goods bought from a supplier, each line one labelled batch valued at its price (or the
 * catalogue's 统一核价 for a 'standard' item). Same warehouse, item, location and expiry rules as a
 * gift; the public log records it as goods.stocked like any goods in.
 */
export async function receivePurchase(
  tx: Tx,
  actor: Actor,
  input: CreatePurchaseGoodsInInput,
  now = new Date(),
): Promise<GoodsInDetail> {
  const warehouse = await warehouseForGoodsIn(tx, actor, input.warehouseId);
  checkReceivedOn(input.receivedOn, now);
  const items = await checkLineTargets(tx, warehouse, input.lines);
  const planned = input.lines.map((l, i) => {
    const item = items.get(l.itemId)!;
    const expiresOn = expiryFor(item, l.expiresOn ?? null, input.receivedOn);
    if (expiresOn && expiresOn < input.receivedOn)
      throw invalid('GOODS_IN_LOT_EXPIRED', `lines.${i}.expiresOn`, { date: expiresOn });
    const unitValueFen = unitValueFor(item, l.unitPriceFen);
    checkValue(unitValueFen, l.quantity, `lines.${i}.quantity`);
    return { l, expiresOn, unitValueFen };
  });
  const [note] = await tx
    .insert(goodsInNotes)
    .values({
      orgId: warehouse.orgId,
      warehouseId: warehouse.id,
      source: 'purchase',
      supplier: input.supplier,
      purchaseRef: input.purchaseRef ?? null,
      receivedOn: input.receivedOn,
      inspector: input.inspector,
      note: input.note ?? null,
      createdBy: actorName(actor),
    })
    .returning();
  for (const [i, p] of planned.entries()) {
    const batchId = await stockNewBatch(tx, actor, note!.id, {
      warehouse,
      itemId: p.l.itemId,
      locationId: p.l.locationId ?? null,
      lotNo: p.l.lotNo ?? null,
      expiresOn: p.expiresOn,
      unitValueFen: p.unitValueFen,
      quantity: p.l.quantity,
      source: 'purchase',
      supplier: input.supplier,
      purchaseRef: input.purchaseRef ?? null,
    });
    await tx.insert(goodsInLines).values({
      orgId: warehouse.orgId,
      noteId: note!.id,
      lineNo: i + 1,
      itemId: p.l.itemId,
      expectedQty: p.l.quantity,
      acceptedQty: p.l.quantity,
      unitValueFen: p.unitValueFen,
      lotNo: p.l.lotNo ?? null,
      expiresOn: p.expiresOn,
      locationId: p.l.locationId ?? null,
      batchId,
    });
  }
  await recordPublicEvents(tx, [
    { orgId: warehouse.orgId, kind: 'goods.stocked', ref: `goods-in:${note!.id}` },
  ]);
  await recordAudit(tx, actor, {
    action: 'relief.goods_in_purchase',
    orgId: warehouse.orgId,
    entityType: 'goods_in',
    entityId: note!.id,
    after: input,
  });
  return unsafeGoodsInDetail(tx, note!.id);
}
