import type { StocktakeDetail } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { auditStocktake, linesOf, lockStocktake, presentStocktakeDetail } from './stocktake-repository.ts';
import { stocktakes } from './schema.ts';

/**
 * 提交盘点: counting is finished when every line has a counted quantity and every variance says why.
 * From here the counts are frozen for the approver.
 */
export async function submitStocktake(tx: Tx, actor: Actor, id: number): Promise<StocktakeDetail> {
  const before = await lockStocktake(tx, actor, 'relief:manage', id);
  if (before.status !== 'counting') throw conflict('STOCKTAKE_NOT_COUNTING');
  const lines = await linesOf(tx, id);
  const uncounted = lines.filter((l) => l.countedQty === null).length;
  if (uncounted) throw invalid('STOCKTAKE_NOT_ALL_COUNTED', 'lines', { n: uncounted });
  const unexplained = lines.findIndex((l) => l.variance !== 0 && !l.varianceReason);
  if (unexplained >= 0)
    throw new AppError(
      'STOCKTAKE_REASON_REQUIRED',
      400,
      [{ field: `lines.${unexplained}.varianceReason`, code: 'STOCKTAKE_REASON_REQUIRED' }],
      { code: lines[unexplained]!.batchCode },
    );
  const [row] = await tx
    .update(stocktakes)
    .set({ status: 'submitted', submittedAt: sql`now()` })
    .where(eq(stocktakes.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'relief.stocktake_submit',
    orgId: row!.orgId,
    entityType: 'stocktake',
    entityId: id,
    before: auditStocktake(before),
    after: auditStocktake(row!),
  });
  return presentStocktakeDetail(tx, row!);
}
