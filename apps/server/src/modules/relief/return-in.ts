import type { Adjustment, CreateReturnInInput } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.ts';
import { presentAdjustments } from './adjustment-repository.ts';
import { holdsAt, lockAllocation, type AllocationRow } from './allocation-repository.ts';
import { returnablePicks } from './return-limits.ts';
import { stockAdjustments, stockBatches } from './schema.ts';
import { moveStock, type Movement } from './stock.ts';

/**
 * 退回入库: goods an allocation delivered come back (tents unused after the event) into the very batch
 * they were picked from, so the batch keeps its gift, donor and designation and the gift's journey
 * reads "sent, then returned". Each pick may return at most what arrived, less earlier returns.
 *
 * From a warehouse destination the goods first leave the destination batch (return_out, free stock
 * only) and enter the source batch (return_in) in the same transaction, so the two stock cards can
 * never disagree. The recorder must be allowed to move stock at both ends. The allocation row is
 * locked, so two returns against one allocation are checked one after the other.
 */
export async function returnIn(tx: Tx, actor: Actor, input: CreateReturnInInput): Promise<Adjustment[]> {
  let alloc: AllocationRow;
  try {
    alloc = await lockAllocation(tx, actor, input.allocationId);
  } catch {
    throw invalid('NOT_FOUND', 'allocationId');
  }
  if (!(await holdsAt(tx, actor, 'relief:manage', alloc.orgId))) throw forbidden();
  if (alloc.status !== 'signed') throw conflict('RETURN_ALLOCATION_NOT_SIGNED', 'allocationId');
  const picks = new Map((await returnablePicks(tx, alloc)).map((p) => [p.pickId, p]));
  const who = actorName(actor);
  const moves: { m: Movement; field: string; destOf?: { code: string; free: number } }[] = [];
  const rows = [];
  for (const [i, line] of input.lines.entries()) {
    const pick = picks.get(line.pickId);
    if (!pick) throw invalid('RETURN_PICK_NOT_FOUND', `lines.${i}.pickId`);
    const max = pick.receivedQty - pick.returnedQty;
    if (line.quantity > max)
      throw new AppError(
        'RETURN_EXCEEDS_RECEIVED',
        400,
        [{ field: `lines.${i}.quantity`, code: 'RETURN_EXCEEDS_RECEIVED' }],
        { code: pick.batchCode, max, received: pick.receivedQty, returned: pick.returnedQty },
      );
    const [src] = await tx
      .select({ orgId: stockBatches.orgId, warehouseId: stockBatches.warehouseId })
      .from(stockBatches)
      .where(eq(stockBatches.id, pick.batchId));
    const [row] = await tx
      .insert(stockAdjustments)
      .values({
        orgId: src!.orgId,
        kind: 'return_in',
        warehouseId: src!.warehouseId,
        batchId: pick.batchId,
        allocationId: alloc.id,
        quantity: line.quantity,
        reason: input.reason,
        note: input.note ?? null,
        status: 'done',
        requestedBy: who,
      })
      .returning();
    rows.push(row!);
    const ref = `adjustment:${row!.id}`;
    const field = `lines.${i}.quantity`;
    if (pick.destBatchId !== null) {
      try {
        await requireAccess(tx, actor, 'relief:manage', stockBatches, stockBatches.id, stockBatches.orgId, [
          pick.destBatchId,
        ]);
      } catch {
        throw forbidden();
      }
      moves.push({
        m: {
          batchId: pick.destBatchId,
          kind: 'return_out',
          quantity: line.quantity,
          ref,
          actor: who,
          note: input.reason,
        },
        field,
        destOf: { code: pick.destBatchCode ?? '', free: pick.destFree ?? 0 },
      });
    }
    moves.push({
      m: {
        batchId: pick.batchId,
        kind: 'return_in',
        quantity: line.quantity,
        ref,
        actor: who,
        note: input.reason,
      },
      field,
    });
  }
  // Batches in id order, as every multi-batch document moves them, so none can deadlock another.
  moves.sort((x, y) => x.m.batchId - y.m.batchId);
  for (const { m, field, destOf } of moves) {
    try {
      await moveStock(tx, m, field);
    } catch (e) {
      if (!destOf || !(e instanceof AppError) || e.code !== 'STOCK_INSUFFICIENT') throw e;
      throw new AppError(
        'RETURN_DEST_STOCK_INSUFFICIENT',
        409,
        [{ field, code: 'RETURN_DEST_STOCK_INSUFFICIENT' }],
        { code: destOf.code, free: destOf.free, qty: m.quantity },
      );
    }
  }
  await recordAudit(tx, actor, {
    action: 'relief.return_in',
    orgId: alloc.orgId,
    entityType: 'allocation',
    entityId: alloc.id,
    after: {
      reason: input.reason,
      lines: rows.map((r) => ({ adjustmentId: r.id, batchId: r.batchId, quantity: r.quantity })),
    },
  });
  return presentAdjustments(tx, rows);
}
