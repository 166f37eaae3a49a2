import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { conflict } from '../../platform/errors.ts';
import { stockBatches, stockMovements } from './schema.ts';

export type StockBatchRow = typeof stockBatches.$inferSelect;

export const INCOMING_KINDS = [
  'gift_in',
  'purchase_in',
  'transfer_in',
  'return_in',
  'stocktake_gain',
] as const;
export const OUTGOING_KINDS = ['ship_out', 'stocktake_loss', 'write_off', 'return_out'] as const;
export type MovementKind = (typeof INCOMING_KINDS)[number] | (typeof OUTGOING_KINDS)[number];
const incoming = (kind: MovementKind) => (INCOMING_KINDS as readonly string[]).includes(kind);

export interface Movement {
  batchId: number;
  kind: MovementKind;
  /** Always positive: the kind says which way it goes. */
  quantity: number;
  /** The document that moves it: goods-in:N, allocation:N, stocktake:N, adjustment:N. */
  ref: string;
  actor: string;
  note?: string | null;
  /** Outgoing only: the quantity was reserved for this document (an allocation shipping its picks). */
  fromReserved?: boolean;
}

/**
 * Moves one batch's stock and writes its stock-card line, in the caller's transaction. Every change
 * of `on_hand` goes through here, so a batch's on_hand is always the sum of its movements.
 *
 * An outgoing movement takes only what is free (on_hand − reserved), or, with `fromReserved`, what
 * was reserved for it. The condition sits in the UPDATE itself: a concurrent transaction waits on
 * the row lock and re-checks against the committed row, so stock cannot go negative or be promised
 * twice under any interleaving. Refused as STOCK_INSUFFICIENT (409), naming `field`.
 */
export async function moveStock(tx: Tx, m: Movement, field = 'quantity'): Promise<StockBatchRow> {
  const b = stockBatches;
  const up = incoming(m.kind);
  const delta = up ? m.quantity : -m.quantity;
  const [batch] = await tx
    .update(b)
    .set({
      onHand: sql`${b.onHand} + ${delta}`,
      ...(m.fromReserved ? { reserved: sql`${b.reserved} - ${m.quantity}` } : {}),
    })
    .where(
      up
        ? eq(b.id, m.batchId)
        : m.fromReserved
          ? sql`${b.id} = ${m.batchId} and ${b.reserved} >= ${m.quantity}`
          : sql`${b.id} = ${m.batchId} and ${b.onHand} - ${b.reserved} >= ${m.quantity}`,
    )
    .returning();
  if (!batch) throw conflict('STOCK_INSUFFICIENT', field);
  await tx.insert(stockMovements).values({
    orgId: batch.orgId,
    warehouseId: batch.warehouseId,
    batchId: batch.id,
    itemId: batch.itemId,
    kind: m.kind,
    quantity: delta,
    valueFen: delta * batch.unitValueFen,
    ref: m.ref,
    actor: m.actor,
    note: m.note ?? null,
  });
  return batch;
}

/**
 * Promises `quantity` of a batch to a document (an accepted allocation) without moving it. The same
 * conditional UPDATE as `moveStock`: of many concurrent requests for one batch, exactly those that fit
 * succeed; the rest get STOCK_INSUFFICIENT.
 */
export async function reserveStock(
  tx: Tx,
  batchId: number,
  quantity: number,
  field = 'quantity',
): Promise<StockBatchRow> {
  const b = stockBatches;
  const [batch] = await tx
    .update(b)
    .set({ reserved: sql`${b.reserved} + ${quantity}` })
    .where(sql`${b.id} = ${batchId} and ${b.onHand} - ${b.reserved} >= ${quantity}`)
    .returning();
  if (!batch) throw conflict('STOCK_INSUFFICIENT', field);
  return batch;
}

/** Gives back a reservation (an allocation rejected, cancelled, or re-picked from another batch). */
export async function releaseStock(tx: Tx, batchId: number, quantity: number): Promise<void> {
  const b = stockBatches;
  await tx
    .update(b)
    .set({ reserved: sql`${b.reserved} - ${quantity}` })
    .where(eq(b.id, batchId));
}
