import type { AllocationDetail } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { lockForDecision } from './allocation-decide.ts';
import { loadAllocationDetail } from './allocation-detail.ts';
import { auditAllocation } from './allocation-repository.ts';
import { allocationApprovals, allocations } from './schema.ts';

/**
 * 审批通过 one level. The stock was reserved when the request was accepted, so approval checks no
 * stock; the allocation becomes approved (ready to pick) when its last level approves.
 */
export async function approveAllocation(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { comment?: string },
  now = new Date(),
): Promise<AllocationDetail> {
  const { alloc, level, levelOrgId } = await lockForDecision(tx, actor, id, '审批');
  await tx.insert(allocationApprovals).values({
    orgId: levelOrgId,
    allocationId: id,
    level,
    decision: 'approved',
    comment: input.comment ?? null,
    decidedBy: actorName(actor),
    decidedAt: now,
  });
  const done = level >= alloc.approvalsNeeded;
  const [after] = done
    ? await tx.update(allocations).set({ status: 'approved' }).where(eq(allocations.id, id)).returning()
    : [alloc];
  await recordAudit(tx, actor, {
    action: 'relief.allocation_approve',
    orgId: alloc.orgId,
    entityType: 'allocation',
    entityId: id,
    before: auditAllocation(alloc),
    after: { ...auditAllocation(after!), level, comment: input.comment ?? null },
  });
  return loadAllocationDetail(tx, actor, id);
}
