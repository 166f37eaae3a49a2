import type { AllocationDetail } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { lockForDecision } from './allocation-decide.ts';
import { loadAllocationDetail } from './allocation-detail.ts';
import { auditAllocation, releaseAll } from './allocation-repository.ts';
import { allocationApprovals, allocations } from './schema.ts';

/** 驳回 at any level: the allocation ends and every reservation it held is given back at once. */
export async function rejectAllocation(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { comment: string },
  now = new Date(),
): Promise<AllocationDetail> {
  const { alloc, level, levelOrgId } = await lockForDecision(tx, actor, id, '驳回');
  await tx.insert(allocationApprovals).values({
    orgId: levelOrgId,
    allocationId: id,
    level,
    decision: 'rejected',
    comment: input.comment,
    decidedBy: actorName(actor),
    decidedAt: now,
  });
  await releaseAll(tx, id);
  const [after] = await tx
    .update(allocations)
    .set({ status: 'rejected', closedReason: input.comment })
    .where(eq(allocations.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'relief.allocation_reject',
    orgId: alloc.orgId,
    entityType: 'allocation',
    entityId: id,
    before: auditAllocation(alloc),
    after: { ...auditAllocation(after!), level },
  });
  return loadAllocationDetail(tx, actor, id);
}
