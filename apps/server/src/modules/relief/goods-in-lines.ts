import { shanghaiDate, addMonths } from '@boai/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { unsafeItemsById, usableItemIds, type ItemRow } from './items-repository.ts';
import { batchCode, nextBatchId, valueOf } from './repository.ts';
import { stockBatches, warehouseLocations, warehouses } from './schema.ts';
import { moveStock } from './stock.ts';
import type { WarehouseRow } from './warehouses-repository.ts';

/**
 * The warehouse a goods-in note stocks: one the actor manages (else the same NOT_FOUND as a missing
 * one), active, and share-locked until commit — deactivation takes the row lock, so it cannot slip
 * in between this check and the new batches.
 */
export async function warehouseForGoodsIn(tx: Tx, actor: Actor, warehouseId: number): Promise<WarehouseRow> {
  const t = warehouses;
  try {
    await requireAccess(tx, actor, 'relief:manage', t, t.id, t.orgId, [warehouseId]);
  } catch {
    throw invalid('NOT_FOUND', 'warehouseId');
  }
  const [w] = await tx.select().from(t).where(eq(t.id, warehouseId)).for('share');
  if (!w!.active) throw invalid('WAREHOUSE_INACTIVE', 'warehouseId');
  return w!;
}

export function checkReceivedOn(receivedOn: string, now: Date): void {
  if (receivedOn > shanghaiDate(now)) throw invalid('GOODS_IN_DATE_IN_FUTURE', 'receivedOn');
}

/**
 * Every line's catalogue item must be active and one the warehouse's society may stock (its own or
 * an ancestor's), and its location a location of that warehouse. Returns the items by id.
 */
export async function checkLineTargets(
  tx: Tx,
  warehouse: WarehouseRow,
  lines: readonly { itemId: number; locationId?: number | null }[],
): Promise<Map<number, ItemRow>> {
  const ids = lines.map((l) => l.itemId);
  const items = await unsafeItemsById(tx, ids);
  const usable = await usableItemIds(tx, warehouse.orgId, ids);
  lines.forEach((l, i) => {
    if (!usable.has(l.itemId)) throw invalid('RELIEF_ITEM_NOT_USABLE', `lines.${i}.itemId`);
    if (!items.get(l.itemId)!.active) throw invalid('RELIEF_ITEM_INACTIVE', `lines.${i}.itemId`);
  });
  const locationIds = lines.flatMap((l) => (l.locationId ? [l.locationId] : []));
  if (locationIds.length) {
    const found = new Set(
      (
        await tx
          .select({ id: warehouseLocations.id })
          .from(warehouseLocations)
          .where(
            and(
              inArray(warehouseLocations.id, locationIds),
              eq(warehouseLocations.warehouseId, warehouse.id),
            ),
          )
      ).map((r) => r.id),
    );
    const bad = lines.findIndex((l) => l.locationId && !found.has(l.locationId));
    if (bad >= 0) throw invalid('GOODS_IN_LOCATION_INVALID', `lines.${bad}.locationId`);
  }
  return items;
}

/** A batch's value per unit: the catalogue's 统一核价 for a 'standard' item, else what the source states. */
export const unitValueFor = (item: ItemRow, statedFen: number): number =>
  item.valuation === 'standard' ? item.standardValueFen! : statedFen;

/** The expiry a new batch keeps: the one given, else the item's shelf life from the day of receipt. */
export const expiryFor = (item: ItemRow, given: string | null, receivedOn: string): string | null =>
  given ?? (item.shelfLifeMonths ? addMonths(receivedOn, item.shelfLifeMonths) : null);

/** Refuses an accepted quantity whose value would not fit a safe integer of fen. */
export function checkValue(unitValueFen: number, quantity: number, field: string): void {
  if (valueOf(unitValueFen, quantity) === null) throw invalid('GOODS_VALUE_TOO_LARGE', field);
}

export interface NewBatch {
  warehouse: WarehouseRow;
  itemId: number;
  locationId: number | null;
  lotNo: string | null;
  expiresOn: string | null;
  unitValueFen: number;
  quantity: number;
  source: 'gift' | 'purchase';
  giftId?: number;
  giftItemId?: number;
  supplier?: string;
  purchaseRef?: string | null;
  designatedOrgId?: number | null;
  designatedEventId?: number | null;
  designation?: string | null;
}

/**
 * Creates the batch an accepted line becomes — its label code PC + id written in the same INSERT —
 * and brings its quantity in through moveStock, so its stock card starts with the goods-in line.
 */
export async function stockNewBatch(tx: Tx, actor: Actor, noteId: number, b: NewBatch): Promise<number> {
  const id = await nextBatchId(tx);
  await tx
    .insert(stockBatches)
    .overridingSystemValue()
    .values({
      id,
      orgId: b.warehouse.orgId,
      warehouseId: b.warehouse.id,
      locationId: b.locationId,
      itemId: b.itemId,
      code: batchCode(id),
      lotNo: b.lotNo,
      expiresOn: b.expiresOn,
      source: b.source,
      giftId: b.giftId ?? null,
      giftItemId: b.giftItemId ?? null,
      supplier: b.supplier ?? null,
      purchaseRef: b.purchaseRef ?? null,
      designatedOrgId: b.designatedOrgId ?? null,
      designatedEventId: b.designatedEventId ?? null,
      designation: b.designation ?? null,
      unitValueFen: b.unitValueFen,
      receivedQty: b.quantity,
      onHand: 0,
    });
  await moveStock(tx, {
    batchId: id,
    kind: b.source === 'gift' ? 'gift_in' : 'purchase_in',
    quantity: b.quantity,
    ref: `goods-in:${noteId}`,
    actor: actorName(actor),
  });
  return id;
}
