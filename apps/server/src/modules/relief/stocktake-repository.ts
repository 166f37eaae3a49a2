import type { Permission, Stocktake, StocktakeDetail, StocktakeLine, StocktakeStatus } from '@boai/contracts';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { orgNamesById } from '../orgs/index.ts';
import {
  reliefItems,
  stockBatches,
  stocktakeLines,
  stocktakes,
  warehouseLocations,
  warehouses,
} from './schema.ts';

export type StocktakeRow = typeof stocktakes.$inferSelect;

/**
 * The stock-take a step acts on, locked for the rest of the transaction: two clerks entering counts,
 * or an approval racing a rejection, queue here and the second sees the first's outcome.
 */
export async function lockStocktake(
  tx: Tx,
  actor: Actor,
  permission: Permission,
  id: number,
): Promise<StocktakeRow> {
  await requireAccess(tx, actor, permission, stocktakes, stocktakes.id, stocktakes.orgId, [id]);
  const [row] = await tx.select().from(stocktakes).where(eq(stocktakes.id, id)).for('update');
  return row!;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Summaries of stock-takes, with their line counts and variances in one grouped query. */
export async function presentStocktakes(q: Queryable, rows: StocktakeRow[]): Promise<Stocktake[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const l = stocktakeLines;
  const diff = sql`(${l.countedQty} - ${l.systemQty})`;
  const stats = await q
    .select({
      id: l.stocktakeId,
      lines: sql<number>`count(*)::int`,
      counted: sql<number>`count(${l.countedQty})::int`,
      variances: sql<number>`(count(*) filter (where ${l.countedQty} <> ${l.systemQty}))::int`,
      gain: sql<number>`coalesce(sum(greatest(${diff}, 0)), 0)::int`,
      loss: sql<number>`coalesce(sum(greatest(-${diff}, 0)), 0)::int`,
      valueFen: sql<number>`coalesce(sum(${diff} * ${stockBatches.unitValueFen}), 0)::bigint`,
    })
    .from(l)
    .innerJoin(stockBatches, eq(stockBatches.id, l.batchId))
    .where(inArray(l.stocktakeId, ids))
    .groupBy(l.stocktakeId);
  const byId = new Map(stats.map((s) => [s.id, s]));
  const whs = await q
    .select({ id: warehouses.id, name: warehouses.name })
    .from(warehouses)
    .where(
      inArray(
        warehouses.id,
        rows.map((r) => r.warehouseId),
      ),
    );
  const whNames = new Map(whs.map((w) => [w.id, w.name]));
  const orgNames = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => {
    const s = byId.get(r.id);
    return {
      id: r.id,
      orgId: r.orgId,
      orgName: orgNames.get(r.orgId) ?? '',
      warehouseId: r.warehouseId,
      warehouseName: whNames.get(r.warehouseId) ?? '',
      status: r.status as StocktakeStatus,
      startedBy: r.startedBy,
      startedAt: r.startedAt.toISOString(),
      submittedAt: iso(r.submittedAt),
      decidedBy: r.decidedBy,
      decidedAt: iso(r.decidedAt),
      comment: r.comment,
      lineCount: s?.lines ?? 0,
      countedCount: s?.counted ?? 0,
      varianceCount: s?.variances ?? 0,
      gainQty: s?.gain ?? 0,
      lossQty: s?.loss ?? 0,
      varianceValueFen: Number(s?.valueFen ?? 0),
    };
  });
}

/**
 * A stock-take's lines in walking order (location, then item, then batch): the order of the printed
 * count sheet, and the order error fields (`lines.N`) refer to.
 */
export async function linesOf(q: Queryable, stocktakeId: number): Promise<StocktakeLine[]> {
  const l = stocktakeLines;
  const b = stockBatches;
  const rows = await q
    .select({
      id: l.id,
      batchId: l.batchId,
      batchCode: b.code,
      itemId: b.itemId,
      itemName: reliefItems.name,
      spec: reliefItems.spec,
      unit: reliefItems.unit,
      lotNo: b.lotNo,
      expiresOn: b.expiresOn,
      locationCode: warehouseLocations.code,
      unitValueFen: b.unitValueFen,
      systemQty: l.systemQty,
      countedQty: l.countedQty,
      varianceReason: l.varianceReason,
      onHandNow: b.onHand,
      reservedNow: b.reserved,
    })
    .from(l)
    .innerJoin(b, eq(b.id, l.batchId))
    .innerJoin(reliefItems, eq(reliefItems.id, b.itemId))
    .leftJoin(warehouseLocations, eq(warehouseLocations.id, b.locationId))
    .where(eq(l.stocktakeId, stocktakeId))
    .orderBy(sql`${warehouseLocations.code} asc nulls last`, asc(reliefItems.code), asc(b.id));
  return rows.map((r) => ({
    ...r,
    variance: r.countedQty === null ? null : r.countedQty - r.systemQty,
  }));
}

export async function presentStocktakeDetail(q: Queryable, row: StocktakeRow): Promise<StocktakeDetail> {
  const [summary] = await presentStocktakes(q, [row]);
  return { ...summary!, lines: await linesOf(q, row.id) };
}

/** What the audit trail keeps of a stock-take's state. */
export const auditStocktake = (r: StocktakeRow) => ({
  warehouseId: r.warehouseId,
  status: r.status,
  decidedBy: r.decidedBy,
  comment: r.comment,
});
