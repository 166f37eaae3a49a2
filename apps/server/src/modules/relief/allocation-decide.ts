import { eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { orgNamesById } from '../orgs/index.ts';
import {
  holdsAt,
  levelOrgId,
  lockAllocation,
  wrongStatus,
  type AllocationRow,
} from './allocation-repository.ts';
import { allocationApprovals } from './schema.ts';

/**
 * The allocation a decision is about (locked) and the level being decided: the lowest one not yet
 * decided. The decider holds relief:approve over that level's society, is not the requester (四眼原则)
 * and did not decide a lower level of the same allocation — two levels mean two people.
 */
export async function lockForDecision(
  tx: Tx,
  actor: Actor,
  id: number,
  action: string,
): Promise<{ alloc: AllocationRow; level: number; levelOrgId: number }> {
  const alloc = await lockAllocation(tx, actor, id);
  if (alloc.status !== 'requested') throw wrongStatus(alloc.status, action);
  const me = actorName(actor);
  if (alloc.requestedBy === me) throw new AppError('ALLOCATION_SELF_APPROVAL', 403);
  const decided = await tx
    .select({ decidedBy: allocationApprovals.decidedBy })
    .from(allocationApprovals)
    .where(eq(allocationApprovals.allocationId, id));
  const level = decided.length + 1;
  const orgId = await levelOrgId(tx, alloc, level);
  const org = (await orgNamesById(tx, [orgId])).get(orgId) ?? '';
  if (!(await holdsAt(tx, actor, 'relief:approve', orgId)))
    throw new AppError('ALLOCATION_APPROVAL_LEVEL_NOT_YOURS', 403, [], { level, org });
  if (decided.some((d) => d.decidedBy === me))
    throw new AppError('ALLOCATION_APPROVER_TWICE', 403, [], { org });
  return { alloc, level, levelOrgId: orgId };
}
