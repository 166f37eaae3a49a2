import type { RecordStocktakeCountsInput, StocktakeDetail } from '@boai/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { normalizeBatchCode } from './repository.ts';
import { lockStocktake, presentStocktakeDetail, type StocktakeRow } from './stocktake-repository.ts';
import { stockBatches, stockMovements, stocktakeLines } from './schema.ts';

/**
 * Records counted quantities, by line (typed on the screen) or by batch code (scanned, pasted or read
 * from the count sheet). A later entry for the same line replaces an earlier one: a recount corrects,
 * it does not add. A variance reason may wait until submission; a counted quantity is all that counting needs.
 *
 * A batch of this warehouse found on the shelf but not on the sheet (it held nothing when counting
 * started) gets a line, with its book quantity as of the start read from its stock card, so the
 * variance is still measured against the moment of the snapshot.
 */
export async function recordStocktakeCounts(
  tx: Tx,
  actor: Actor,
  id: number,
  input: RecordStocktakeCountsInput,
  fieldOf: (index: number, field: 'lineId' | 'batchCode') => string = (i, f) => `counts.${i}.${f}`,
): Promise<StocktakeDetail> {
  const st = await lockStocktake(tx, actor, 'relief:manage', id);
  if (st.status !== 'counting') throw conflict('STOCKTAKE_NOT_COUNTING');
  const lines = await tx
    .select({ id: stocktakeLines.id, batchId: stocktakeLines.batchId, code: stockBatches.code })
    .from(stocktakeLines)
    .innerJoin(stockBatches, eq(stockBatches.id, stocktakeLines.batchId))
    .where(eq(stocktakeLines.stocktakeId, id));
  const lineIds = new Set(lines.map((l) => l.id));
  const lineByCode = new Map(lines.map((l) => [l.code, l.id]));
  const newCodes = [
    ...new Set(
      input.counts
        .map((c) => (c.batchCode === undefined ? undefined : normalizeBatchCode(c.batchCode)))
        .filter((c): c is string => c !== undefined && !lineByCode.has(c)),
    ),
  ];
  for (const [code, lineId] of await addFoundBatches(tx, st, newCodes)) lineByCode.set(code, lineId);

  const updates = new Map<number, { counted: number; reason: string | null | undefined }>();
  input.counts.forEach((c, i) => {
    let lineId: number | undefined;
    if (c.lineId !== undefined) {
      if (!lineIds.has(c.lineId)) throw invalid('STOCKTAKE_LINE_NOT_FOUND', fieldOf(i, 'lineId'));
      lineId = c.lineId;
    } else {
      const code = normalizeBatchCode(c.batchCode!);
      lineId = lineByCode.get(code);
      if (lineId === undefined)
        throw invalid('STOCKTAKE_BATCH_OTHER_WAREHOUSE', fieldOf(i, 'batchCode'), { code: c.batchCode! });
    }
    updates.set(lineId, { counted: c.countedQty, reason: c.varianceReason });
  });
  const rows = [...updates].map(([lineId, u]) => ({
    id: lineId,
    counted: u.counted,
    keep_reason: u.reason === undefined,
    reason: u.reason ?? null,
  }));
  const l = stocktakeLines;
  await tx.execute(sql`update ${l} set counted_qty = v.counted,
      variance_reason = case when v.keep_reason then ${l.varianceReason} else v.reason end
    from ${rowsOf({ id: 'int', counted: 'int', keep_reason: 'boolean', reason: 'text' }, rows)} as v
    where ${l.id} = v.id`);
  const detail = await presentStocktakeDetail(tx, st);
  const changed = new Set(updates.keys());
  await recordAudit(tx, actor, {
    action: 'relief.stocktake_count',
    orgId: st.orgId,
    entityType: 'stocktake',
    entityId: id,
    after: {
      counts: detail.lines
        .filter((ln) => changed.has(ln.id))
        .map((ln) => ({ batch: ln.batchCode, counted: ln.countedQty, reason: ln.varianceReason })),
    },
  });
  return detail;
}

/** Lines for batches of the warehouse that were empty at the start; returns code → new line id. */
async function addFoundBatches(tx: Tx, st: StocktakeRow, codes: string[]): Promise<Map<string, number>> {
  const added = new Map<string, number>();
  if (!codes.length) return added;
  const b = stockBatches;
  const m = stockMovements;
  const found = await tx
    .select({
      id: b.id,
      orgId: b.orgId,
      code: b.code,
      // The book quantity when counting started: the stock card up to that moment.
      // (Qualified by hand: a one-table select renders its columns unqualified, and the subquery's
      // own batch_id would capture them.)
      bookQty: sql<number>`coalesce((select sum(sm.quantity) from ${m} sm
        where sm.batch_id = ${b}.id and sm.at <= ${st.startedAt}), 0)::int`,
    })
    .from(b)
    .where(and(eq(b.warehouseId, st.warehouseId), inArray(b.code, codes)));
  if (!found.length) return added;
  const inserted = await tx
    .insert(stocktakeLines)
    .values(found.map((f) => ({ orgId: f.orgId, stocktakeId: st.id, batchId: f.id, systemQty: f.bookQty })))
    .returning({ id: stocktakeLines.id, batchId: stocktakeLines.batchId });
  const codeOf = new Map(found.map((f) => [f.id, f.code]));
  for (const r of inserted) added.set(codeOf.get(r.batchId)!, r.id);
  return added;
}
