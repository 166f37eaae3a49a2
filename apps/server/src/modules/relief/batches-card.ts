import type { BatchDetail, StockMovement, StockMovementKind } from '@boai/contracts';
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { unsafePresentBatchesById } from './batches-repository.ts';
import { stockBatches, stockMovements } from './schema.ts';

/**
 * One batch with its stock card (库存卡): every movement in order, with the balance after each. The
 * last balance is the batch's on_hand — moveStock writes both in one statement pair, never apart.
 */
export async function getBatch(q: Queryable, actor: Actor, id: number): Promise<BatchDetail> {
  const b = stockBatches;
  await requireAccess(q, actor, 'relief:read', b, b.id, b.orgId, [id]);
  const [batch] = await unsafePresentBatchesById(q, [id]);
  const rows = await q
    .select()
    .from(stockMovements)
    .where(eq(stockMovements.batchId, id))
    .orderBy(asc(stockMovements.id));
  let balance = 0;
  const movements: StockMovement[] = rows.map((m) => {
    balance += m.quantity;
    return {
      id: m.id,
      kind: m.kind as StockMovementKind,
      quantity: m.quantity,
      valueFen: m.valueFen,
      balance,
      ref: m.ref,
      actor: m.actor,
      note: m.note,
      at: m.at.toISOString(),
    };
  });
  return { ...batch!, movements };
}
