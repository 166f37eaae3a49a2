import type { AllocationDetail } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { loadAllocationDetail } from './allocation-detail.ts';
import { auditAllocation, heldAt, lockAllocation, releaseAll, wrongStatus } from './allocation-repository.ts';
import { allocations } from './schema.ts';

/**
 * 撤销 before shipping: by the requester, or staff managing the shipping or the requesting society.
 * Whatever was reserved (and picked: the goods go back on the shelf) is free again. Once shipped the
 * goods have left; what comes back is a return (stock-ops), not a cancellation.
 */
export async function cancelAllocation(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { reason: string },
): Promise<AllocationDetail> {
  const alloc = await lockAllocation(tx, actor, id);
  if (alloc.status !== 'requested' && alloc.status !== 'approved') throw wrongStatus(alloc.status, '撤销');
  const manage = await heldAt(tx, actor, 'relief:manage', [alloc.orgId, alloc.requestedByOrgId]);
  if (
    alloc.requestedBy !== actorName(actor) &&
    !manage.has(alloc.orgId) &&
    !manage.has(alloc.requestedByOrgId)
  )
    throw new AppError('ALLOCATION_CANCEL_NOT_ALLOWED', 403);
  await releaseAll(tx, id);
  const [after] = await tx
    .update(allocations)
    .set({ status: 'cancelled', closedReason: input.reason })
    .where(eq(allocations.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'relief.allocation_cancel',
    orgId: alloc.orgId,
    entityType: 'allocation',
    entityId: id,
    before: auditAllocation(alloc),
    after: auditAllocation(after!),
  });
  return loadAllocationDetail(tx, actor, id);
}
