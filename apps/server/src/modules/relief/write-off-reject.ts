import type { Adjustment } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { auditAdjustment, lockAdjustment, presentAdjustments } from './adjustment-repository.ts';
import { stockAdjustments } from './schema.ts';
import { releaseStock } from './stock.ts';

/** 驳回报废: the reserved quantity is free again; the note tells the requester why. */
export async function rejectWriteOff(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { note: string },
): Promise<Adjustment> {
  const before = await lockAdjustment(tx, actor, 'relief:approve', id, 'write_off');
  if (before.status !== 'requested') throw conflict('ADJUSTMENT_NOT_PENDING');
  const who = actorName(actor);
  // A requester who changes their mind is not "rejecting": that stays another person's decision.
  if (before.requestedBy === who) throw new AppError('WRITE_OFF_SELF_APPROVAL', 403);
  await releaseStock(tx, before.batchId, before.quantity);
  const [row] = await tx
    .update(stockAdjustments)
    .set({ status: 'rejected', decidedBy: who, decidedAt: sql`now()`, decisionNote: input.note })
    .where(eq(stockAdjustments.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'relief.write_off_reject',
    orgId: row!.orgId,
    entityType: 'stock_adjustment',
    entityId: id,
    before: auditAdjustment(before),
    after: auditAdjustment(row!),
  });
  return (await presentAdjustments(tx, [row!]))[0]!;
}
