import type { ReturnableAllocation } from '@boai/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { allocationVisible, type AllocationRow } from './allocation-repository.ts';
import { allocationPicks, allocations, reliefItems, stockAdjustments, stockBatches } from './schema.ts';

export interface ReturnablePick {
  pickId: number;
  batchId: number;
  batchCode: string;
  itemName: string;
  unit: string;
  receivedQty: number;
  returnedQty: number;
  /** received − returned, capped by what the destination batch has free when there is one. */
  returnableQty: number;
  destBatchId: number | null;
  destBatchCode: string | null;
  destFree: number | null;
}

/**
 * What each pick of a signed allocation may still send back: what arrived at the destination (the
 * signed quantity; all that was picked when signing recorded none) less the returns already recorded
 * against it. A return is recorded against the pick's source batch, so (allocation, source batch)
 * names the pick — the picks' unique index guarantees it.
 */
export async function returnablePicks(q: Queryable, alloc: AllocationRow): Promise<ReturnablePick[]> {
  const p = allocationPicks;
  const src = stockBatches;
  const rows = await q
    .select({
      pickId: p.id,
      batchId: p.batchId,
      batchCode: src.code,
      itemName: reliefItems.name,
      unit: reliefItems.unit,
      receivedQty: sql<number>`coalesce(${p.receivedQty}, ${p.pickedQty})::int`,
      destBatchId: p.destBatchId,
    })
    .from(p)
    .innerJoin(src, eq(src.id, p.batchId))
    .innerJoin(reliefItems, eq(reliefItems.id, src.itemId))
    .where(eq(p.allocationId, alloc.id))
    .orderBy(p.id);
  const a = stockAdjustments;
  const returned = await q
    .select({ batchId: a.batchId, qty: sql<number>`sum(${a.quantity})::int` })
    .from(a)
    .where(and(eq(a.allocationId, alloc.id), eq(a.kind, 'return_in'), eq(a.status, 'done')))
    .groupBy(a.batchId);
  const returnedOf = new Map(returned.map((r) => [r.batchId, r.qty]));
  const destIds = rows.map((r) => r.destBatchId).filter((id): id is number => id !== null);
  const dests = destIds.length
    ? await q
        .select({
          id: src.id,
          code: src.code,
          free: sql<number>`(${src.onHand} - ${src.reserved})::int`,
        })
        .from(src)
        .where(inArray(src.id, destIds))
    : [];
  const destOf = new Map(dests.map((d) => [d.id, d]));
  return rows.map((r) => {
    const returnedQty = returnedOf.get(r.batchId) ?? 0;
    const dest = r.destBatchId === null ? undefined : destOf.get(r.destBatchId);
    const left = Math.max(0, r.receivedQty - returnedQty);
    return {
      ...r,
      returnedQty,
      returnableQty: dest ? Math.min(left, Math.max(0, dest.free)) : left,
      destBatchCode: dest?.code ?? null,
      destFree: dest?.free ?? null,
    };
  });
}

/** The return form of one allocation: what each pick may still send back. Either end may look. */
export async function getReturnable(
  q: Queryable,
  actor: Actor,
  allocationId: number,
): Promise<ReturnableAllocation> {
  const [alloc] = await q
    .select()
    .from(allocations)
    .where(and(eq(allocations.id, allocationId), allocationVisible(actor)));
  if (!alloc) throw notFound();
  const picks = await returnablePicks(q, alloc);
  return {
    allocationId: alloc.id,
    status: alloc.status,
    destination: alloc.destination,
    picks: picks.map(({ destFree: _destFree, ...p }) => p),
  };
}
