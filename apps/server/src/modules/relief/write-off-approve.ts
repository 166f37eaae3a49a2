import { WRITE_OFF_REASON_LABELS, type Adjustment, type WriteOffReason } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { auditAdjustment, lockAdjustment, presentAdjustments } from './adjustment-repository.ts';
import { stockAdjustments } from './schema.ts';
import { moveStock } from './stock.ts';

/**
 * 批准报废: the reserved quantity leaves the batch as a write_off movement (ref adjustment:N). The
 * approver is never the requester (四眼原则): one person cannot both declare goods spoilt and remove them.
 */
export async function approveWriteOff(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { note?: string },
): Promise<Adjustment> {
  const before = await lockAdjustment(tx, actor, 'relief:approve', id, 'write_off');
  if (before.status !== 'requested') throw conflict('ADJUSTMENT_NOT_PENDING');
  const who = actorName(actor);
  if (before.requestedBy === who) throw new AppError('WRITE_OFF_SELF_APPROVAL', 403);
  const reason = WRITE_OFF_REASON_LABELS[before.reason as WriteOffReason]?.zh ?? before.reason;
  await moveStock(tx, {
    batchId: before.batchId,
    kind: 'write_off',
    quantity: before.quantity,
    ref: `adjustment:${id}`,
    actor: who,
    note: before.note ? `${reason}：${before.note}` : reason,
    fromReserved: true,
  });
  const [row] = await tx
    .update(stockAdjustments)
    .set({ status: 'approved', decidedBy: who, decidedAt: sql`now()`, decisionNote: input.note ?? null })
    .where(eq(stockAdjustments.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'relief.write_off_approve',
    orgId: row!.orgId,
    entityType: 'stock_adjustment',
    entityId: id,
    before: auditAdjustment(before),
    after: auditAdjustment(row!),
  });
  return (await presentAdjustments(tx, [row!]))[0]!;
}
