import type { AllocationDetail, ShipAllocationInput } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { recordPublicEvents } from '../../platform/ledger/index.ts';
import { loadAllocationDetail } from './allocation-detail.ts';
import {
  auditAllocation,
  lockAllocation,
  picksOf,
  requireShippingSide,
  wrongStatus,
} from './allocation-repository.ts';
import { allocations } from './schema.ts';
import { moveStock } from './stock.ts';

/**
 * 发运: only an approved allocation whose every pick is fully picked. Each pick leaves its batch as a
 * ship_out movement taken from what was reserved for it (moveStock, batches in id order like every
 * other multi-batch write), and the shipment becomes a public event of the transparency log.
 */
export async function shipAllocation(
  tx: Tx,
  actor: Actor,
  id: number,
  input: ShipAllocationInput,
  now = new Date(),
): Promise<AllocationDetail> {
  const alloc = await lockAllocation(tx, actor, id);
  if (alloc.status !== 'approved') throw wrongStatus(alloc.status, '发运');
  await requireShippingSide(tx, actor, alloc);
  const picks = await picksOf(tx, id);
  const total = picks.reduce((s, p) => s + p.quantity, 0);
  const picked = picks.reduce((s, p) => s + p.pickedQty, 0);
  if (picks.some((p) => p.pickedQty < p.quantity))
    throw new AppError('ALLOCATION_NOT_FULLY_PICKED', 409, [], { picked, total });
  const who = actorName(actor);
  for (const p of picks)
    await moveStock(tx, {
      batchId: p.batchId,
      kind: 'ship_out',
      quantity: p.quantity,
      ref: `allocation:${id}`,
      actor: who,
      note: input.note ?? null,
      fromReserved: true,
    });
  const [after] = await tx
    .update(allocations)
    .set({
      status: 'shipped',
      carrier: input.carrier,
      trackingNo: input.trackingNo ?? null,
      shippedAt: now,
      shippedBy: who,
    })
    .where(eq(allocations.id, id))
    .returning();
  await recordPublicEvents(tx, [{ orgId: alloc.orgId, kind: 'allocation.shipped', ref: `allocation:${id}` }]);
  await recordAudit(tx, actor, {
    action: 'relief.allocation_ship',
    orgId: alloc.orgId,
    entityType: 'allocation',
    entityId: id,
    before: auditAllocation(alloc),
    after: auditAllocation(after!),
  });
  return loadAllocationDetail(tx, actor, id);
}
