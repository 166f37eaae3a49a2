/**
 * One-line builders for the report tests: warehouses, items and batches written straight into the
 * tables, every quantity brought in through moveStock so each batch's stock card sums to its on_hand.
 */
import { batchCodeOf } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { nextBatchId } from './repository.ts';
import { reliefItems, stockBatches, stockMovements, warehouses } from './schema.ts';
import { moveStock, type MovementKind } from './stock.ts';

export type WarehouseRow = typeof warehouses.$inferSelect;

export async function warehouseAt(tx: Tx, orgId: number, code: string, name = `${code} 仓库`) {
  const [w] = await tx
    .insert(warehouses)
    .values({ orgId, code, name, address: '测试路 1 号', keeperName: '测试库管' })
    .returning();
  return w!;
}

export async function itemAt(
  tx: Tx,
  orgId: number,
  code: string,
  name: string,
  opts: { unit?: string; category?: string } = {},
) {
  const [i] = await tx
    .insert(reliefItems)
    .values({ orgId, code, name, unit: opts.unit ?? '个', category: opts.category ?? 'kit' })
    .returning();
  return i!;
}

export interface BatchInput {
  warehouse: WarehouseRow;
  itemId: number;
  quantity: number;
  unitValueFen: number;
  expiresOn?: string | null;
  source?: 'gift' | 'purchase' | 'transfer';
  giftId?: number;
  giftItemId?: number;
  parentBatchId?: number;
  ref?: string;
}

/** A batch and its first movement (gift_in, purchase_in or transfer_in by its source). */
export async function batchIn(tx: Tx, b: BatchInput) {
  const id = await nextBatchId(tx);
  const source = b.source ?? (b.giftId ? 'gift' : 'purchase');
  await tx
    .insert(stockBatches)
    .overridingSystemValue()
    .values({
      id,
      orgId: b.warehouse.orgId,
      warehouseId: b.warehouse.id,
      itemId: b.itemId,
      code: batchCodeOf(id),
      expiresOn: b.expiresOn ?? null,
      source,
      giftId: b.giftId ?? null,
      giftItemId: b.giftItemId ?? null,
      parentBatchId: b.parentBatchId ?? null,
      unitValueFen: b.unitValueFen,
      receivedQty: b.quantity,
      onHand: 0,
    });
  const kind: MovementKind =
    source === 'gift' ? 'gift_in' : source === 'transfer' ? 'transfer_in' : 'purchase_in';
  return moveStock(tx, {
    batchId: id,
    kind,
    quantity: b.quantity,
    ref: b.ref ?? `test:${id}`,
    actor: '测试',
  });
}

/**
 * Dates the movements of one document: the stock card of a test is written in one instant, a real
 * one over months. Only the reports' tests do this; the card is append-only everywhere else.
 */
export async function backdate(q: Queryable, ref: string, at: Date) {
  await q.update(stockMovements).set({ at }).where(eq(stockMovements.ref, ref));
}
