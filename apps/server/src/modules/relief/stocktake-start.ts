import type { StartStocktakeInput, StocktakeDetail } from '@boai/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { presentStocktakeDetail } from './stocktake-repository.ts';
import { stockBatches, stocktakeLines, stocktakes, warehouses } from './schema.ts';

/**
 * 开始盘点: opens a count of one warehouse and snapshots every batch holding stock as its book
 * quantity. One open count per warehouse: the partial unique index decides a race between two
 * clerks starting at once, and the loser is told which count is already open.
 */
export async function startStocktake(
  tx: Tx,
  actor: Actor,
  input: StartStocktakeInput,
): Promise<StocktakeDetail> {
  try {
    await requireAccess(tx, actor, 'relief:manage', warehouses, warehouses.id, warehouses.orgId, [
      input.warehouseId,
    ]);
  } catch {
    throw invalid('NOT_FOUND', 'warehouseId');
  }
  const [wh] = await tx.select().from(warehouses).where(eq(warehouses.id, input.warehouseId));
  const [row] = await tx
    .insert(stocktakes)
    .values({ orgId: wh!.orgId, warehouseId: wh!.id, startedBy: actorName(actor) })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    const [open] = await tx
      .select({ id: stocktakes.id })
      .from(stocktakes)
      .where(and(eq(stocktakes.warehouseId, wh!.id), inArray(stocktakes.status, ['counting', 'submitted'])));
    throw new AppError(
      'STOCKTAKE_OPEN_EXISTS',
      409,
      [{ field: 'warehouseId', code: 'STOCKTAKE_OPEN_EXISTS' }],
      { id: open?.id ?? '' },
    );
  }
  const b = stockBatches;
  const l = stocktakeLines;
  await tx.execute(sql`insert into ${l} (org_id, stocktake_id, batch_id, system_qty)
    select ${b.orgId}, ${row.id}::int, ${b.id}, ${b.onHand} from ${b}
    where ${b.warehouseId} = ${wh!.id} and ${b.onHand} > 0`);
  const detail = await presentStocktakeDetail(tx, row);
  await recordAudit(tx, actor, {
    action: 'relief.stocktake_start',
    orgId: row.orgId,
    entityType: 'stocktake',
    entityId: row.id,
    after: { warehouseId: wh!.id, warehouse: wh!.name, lines: detail.lineCount },
  });
  return detail;
}
