import type { StocktakeDetail } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { auditStocktake, lockStocktake, presentStocktakeDetail } from './stocktake-repository.ts';
import { stocktakes } from './schema.ts';

/**
 * 驳回盘点: closes a count without touching stock (a count gone wrong, or abandoned while counting);
 * the warehouse is free for a new count at once. Another person's decision, as approval is.
 */
export async function rejectStocktake(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { comment: string },
): Promise<StocktakeDetail> {
  const before = await lockStocktake(tx, actor, 'relief:approve', id);
  if (before.status !== 'counting' && before.status !== 'submitted')
    throw conflict('STOCKTAKE_ALREADY_CLOSED');
  if (before.startedBy === actorName(actor)) throw new AppError('STOCKTAKE_SELF_APPROVAL', 403);
  const [row] = await tx
    .update(stocktakes)
    .set({ status: 'rejected', decidedBy: actorName(actor), decidedAt: sql`now()`, comment: input.comment })
    .where(eq(stocktakes.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'relief.stocktake_reject',
    orgId: row!.orgId,
    entityType: 'stocktake',
    entityId: id,
    before: auditStocktake(before),
    after: auditStocktake(row!),
  });
  return presentStocktakeDetail(tx, row!);
}
