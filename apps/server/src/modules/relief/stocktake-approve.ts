import type { StocktakeDecisionInput, StocktakeDetail } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { moveStock } from './stock.ts';
import { auditStocktake, linesOf, lockStocktake, presentStocktakeDetail } from './stocktake-repository.ts';
import { stockBatches, stocktakes } from './schema.ts';

/**
 * 审批盘点: applies each variance to its batch as a stocktake_gain / stocktake_loss movement, measured
 * against the snapshot — stock that left or arrived by other documents during the count stays as
 * they moved it. The approver is never the person who started the count (四眼原则).
 *
 * A loss takes only what is free (on hand − reserved): goods promised to an accepted allocation are
 * not written away under it. moveStock's conditional UPDATE makes that hold against a concurrent
 * reservation too; a refused line is named, and the whole approval rolls back. Batches are moved in
 * id order so two documents locking several batches cannot deadlock each other.
 */
export async function approveStocktake(
  tx: Tx,
  actor: Actor,
  id: number,
  input: StocktakeDecisionInput,
): Promise<StocktakeDetail> {
  const before = await lockStocktake(tx, actor, 'relief:approve', id);
  if (before.status !== 'submitted') throw conflict('STOCKTAKE_NOT_SUBMITTED');
  if (before.startedBy === actorName(actor)) throw new AppError('STOCKTAKE_SELF_APPROVAL', 403);
  const lines = (await linesOf(tx, id)).map((line, index) => ({ line, index }));
  const variances = lines.filter(({ line }) => line.variance).sort((a, b) => a.line.batchId - b.line.batchId);
  const ref = `stocktake:${id}`;
  const who = actorName(actor);
  for (const { line, index } of variances) {
    const v = line.variance!;
    try {
      await moveStock(tx, {
        batchId: line.batchId,
        kind: v > 0 ? 'stocktake_gain' : 'stocktake_loss',
        quantity: Math.abs(v),
        ref,
        actor: who,
        note: line.varianceReason,
      });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'STOCK_INSUFFICIENT') throw e;
      const [b] = await tx
        .select({ free: sql<number>`(${stockBatches.onHand} - ${stockBatches.reserved})::int` })
        .from(stockBatches)
        .where(eq(stockBatches.id, line.batchId));
      throw new AppError(
        'STOCKTAKE_LOSS_EXCEEDS_FREE',
        409,
        [{ field: `lines.${index}.countedQty`, code: 'STOCKTAKE_LOSS_EXCEEDS_FREE' }],
        { code: line.batchCode, loss: -v, free: b?.free ?? 0 },
      );
    }
  }
  const [row] = await tx
    .update(stocktakes)
    .set({ status: 'approved', decidedBy: who, decidedAt: sql`now()`, comment: input.comment ?? null })
    .where(eq(stocktakes.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'relief.stocktake_approve',
    orgId: row!.orgId,
    entityType: 'stocktake',
    entityId: id,
    before: auditStocktake(before),
    after: {
      ...auditStocktake(row!),
      variances: variances.map(({ line }) => ({
        batch: line.batchCode,
        system: line.systemQty,
        counted: line.countedQty,
        reason: line.varianceReason,
      })),
    },
  });
  return presentStocktakeDetail(tx, row!);
}
