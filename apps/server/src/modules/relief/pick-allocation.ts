import type { ReliefBatch } from '@boai/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { destinationFacts, isExpired, labelledBatches, type AllocationRow } from './allocation-repository.ts';
import { findBatchByCode } from './batches-repository.ts';
import { checkBatchFor } from './request-allocation.ts';
import { allocationLines, allocationPicks, allocations, stockBatches, warehouses } from './schema.ts';
import { releaseStock, reserveStock } from './stock.ts';

/**
 * 拣货 by scanning one label, for an approved allocation the caller has locked (and checked the actor
 * may pick for). A batch the allocation reserved is confirmed: picked = all it should give, or the
 * typed partial quantity (set, not added: scanning a label twice changes nothing). Another batch of
 * the same item in the same warehouse swaps the reservation — the new batch is reserved (not expired,
 * designation allowing the destination) and as much is given back from the line's unpicked
 * reservations — so the picker may take what is at hand and the books follow.
 */
export async function pickBatch(
  tx: Tx,
  actor: Actor,
  alloc: AllocationRow,
  code: string,
  quantity: number | undefined,
  now = new Date(),
): Promise<{ batch: ReliefBatch; message: string }> {
  const batch = await findBatchByCode(tx, actor, code);
  if (batch.warehouseId !== alloc.fromWarehouseId) {
    const [w] = await tx
      .select({ name: warehouses.name })
      .from(warehouses)
      .where(eq(warehouses.id, alloc.fromWarehouseId));
    throw invalid('ALLOCATION_SCAN_WRONG_WAREHOUSE', 'code', { warehouse: w!.name });
  }
  const [line] = await tx
    .select()
    .from(allocationLines)
    .where(and(eq(allocationLines.allocationId, alloc.id), eq(allocationLines.itemId, batch.itemId)));
  if (!line) throw invalid('ALLOCATION_SCAN_WRONG_ITEM', 'code', { item: batch.itemName });
  if (isExpired(batch, now))
    throw invalid('ALLOCATION_BATCH_EXPIRED', 'code', { code: batch.code, date: batch.expiresOn! });
  const picks = await tx
    .select()
    .from(allocationPicks)
    .where(eq(allocationPicks.lineId, line.id))
    .orderBy(asc(allocationPicks.id));
  const who = { pickedAt: now, pickedBy: actorName(actor) };

  const own = picks.find((p) => p.batchId === batch.id);
  if (own) {
    const qty = quantity ?? own.quantity;
    if (qty > own.quantity) throw invalid('ALLOCATION_PICK_QTY_EXCEEDS', 'quantity', { max: own.quantity });
    await tx
      .update(allocationPicks)
      .set({ pickedQty: qty, ...who })
      .where(eq(allocationPicks.id, own.id));
    await audit(tx, actor, alloc, { batchId: batch.id, pickedQty: qty });
    return { batch, message: `已拣 ${qty}/${own.quantity} ${batch.unit}` };
  }

  const lineIndex = (
    await tx
      .select({ id: allocationLines.id })
      .from(allocationLines)
      .where(eq(allocationLines.allocationId, alloc.id))
      .orderBy(asc(allocationLines.id))
  ).findIndex((l) => l.id === line.id);
  const [row] = await labelledBatches(tx, eq(stockBatches.id, batch.id));
  checkBatchFor(row!, destinationFacts(alloc), lineIndex, now, 'code');
  const remainder = picks.reduce((s, p) => s + p.quantity - p.pickedQty, 0);
  if (remainder === 0) throw invalid('ALLOCATION_LINE_PICKED', 'code', { item: batch.itemName });
  if (quantity !== undefined && quantity > remainder)
    throw invalid('ALLOCATION_PICK_QTY_EXCEEDS', 'quantity', { max: remainder });
  // Lock every batch involved in id order (as requests do), then read the new batch's free stock.
  await tx
    .select({ id: stockBatches.id })
    .from(stockBatches)
    .where(inArray(stockBatches.id, [batch.id, ...picks.map((p) => p.batchId)]))
    .orderBy(asc(stockBatches.id))
    .for('no key update');
  const [fresh] = await tx.select().from(stockBatches).where(eq(stockBatches.id, batch.id));
  const qty = quantity ?? Math.min(remainder, fresh!.onHand - fresh!.reserved);
  if (qty <= 0) throw conflict('STOCK_INSUFFICIENT', 'code');
  await reserveStock(tx, batch.id, qty, 'code');
  // Give back from the reservations nobody has picked from yet first, the newest first.
  let left = qty;
  const released: { batchId: number; quantity: number }[] = [];
  const giveBack = [...picks].sort(
    (x, y) => Number(x.pickedQty > 0) - Number(y.pickedQty > 0) || y.id - x.id,
  );
  for (const p of giveBack) {
    const t = Math.min(p.quantity - p.pickedQty, left);
    if (t <= 0) continue;
    await releaseStock(tx, p.batchId, t);
    released.push({ batchId: p.batchId, quantity: t });
    if (p.quantity === t) await tx.delete(allocationPicks).where(eq(allocationPicks.id, p.id));
    else
      await tx
        .update(allocationPicks)
        .set({ quantity: p.quantity - t })
        .where(eq(allocationPicks.id, p.id));
    left -= t;
    if (left === 0) break;
  }
  await tx.insert(allocationPicks).values({
    orgId: alloc.orgId,
    allocationId: alloc.id,
    lineId: line.id,
    batchId: batch.id,
    quantity: qty,
    pickedQty: qty,
    ...who,
  });
  // The value follows the batches actually taken (their unit values may differ).
  await tx
    .update(allocations)
    .set({
      valueFen: sql`(select coalesce(sum(p.quantity * b.unit_value_fen), 0) from ${allocationPicks} p join ${stockBatches} b on b.id = p.batch_id where p.allocation_id = ${alloc.id})`,
    })
    .where(eq(allocations.id, alloc.id));
  await audit(tx, actor, alloc, { batchId: batch.id, pickedQty: qty, released });
  return { batch, message: `已改拣本批次 ${qty} ${batch.unit}` };
}

const audit = (tx: Tx, actor: Actor, alloc: AllocationRow, after: Record<string, unknown>) =>
  recordAudit(tx, actor, {
    action: 'relief.allocation_pick',
    orgId: alloc.orgId,
    entityType: 'allocation',
    entityId: alloc.id,
    after,
  });
