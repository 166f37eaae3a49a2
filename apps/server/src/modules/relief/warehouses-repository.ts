import type { ListWarehousesQuery, Warehouse, WarehouseLocation } from '@boai/contracts';
import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { orgNamesById } from '../orgs/index.ts';
import { stockBatches, warehouseLocations, warehouses } from './schema.ts';

export type WarehouseRow = typeof warehouses.$inferSelect;

export function warehouseFilter(actor: Actor, query: Omit<ListWarehousesQuery, 'page' | 'pageSize'>): SQL {
  const t = warehouses;
  return and(
    inScope(actor, 'relief:read', t.orgId),
    query.orgId ? inOrgSubtree(t.orgId, query.orgId) : undefined,
    query.active ? eq(t.active, query.active === 'true') : undefined,
    query.q
      ? or(
          ilike(t.code, containsPattern(query.q)),
          ilike(t.name, containsPattern(query.q)),
          ilike(t.address, containsPattern(query.q)),
        )
      : undefined,
  )!;
}

/** What each warehouse holds now: batches with stock, their quantity and value. */
export async function stockTotals(q: Queryable, ids: number[]) {
  if (!ids.length) return new Map<number, { batches: number; qty: number; valueFen: number }>();
  const b = stockBatches;
  const rows = await q
    .select({
      id: b.warehouseId,
      batches: sql<number>`count(*)::int`,
      qty: sql<number>`coalesce(sum(${b.onHand}), 0)::bigint`,
      valueFen: sql<number>`coalesce(sum(${b.onHand}::bigint * ${b.unitValueFen}), 0)::bigint`,
    })
    .from(b)
    .where(and(inArray(b.warehouseId, ids), gt(b.onHand, 0)))
    .groupBy(b.warehouseId);
  return new Map(
    rows.map((r) => [r.id, { batches: r.batches, qty: Number(r.qty), valueFen: Number(r.valueFen) }]),
  );
}

/** Warehouse rows with their society, locations and what they hold, in three queries per page. */
export async function presentWarehouses(q: Queryable, rows: WarehouseRow[]): Promise<Warehouse[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  const locations = new Map<number, WarehouseLocation[]>();
  for (const l of await q
    .select()
    .from(warehouseLocations)
    .where(inArray(warehouseLocations.warehouseId, ids))
    .orderBy(asc(warehouseLocations.code))) {
    const list = locations.get(l.warehouseId) ?? [];
    list.push({ id: l.id, code: l.code, name: l.name });
    locations.set(l.warehouseId, list);
  }
  const totals = await stockTotals(q, ids);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    code: r.code,
    name: r.name,
    address: r.address,
    keeperName: r.keeperName,
    active: r.active,
    locations: locations.get(r.id) ?? [],
    batchCount: totals.get(r.id)?.batches ?? 0,
    onHandQty: totals.get(r.id)?.qty ?? 0,
    valueFen: totals.get(r.id)?.valueFen ?? 0,
    createdAt: r.createdAt.toISOString(),
  }));
}

export const auditWarehouse = (r: WarehouseRow) => ({
  code: r.code,
  name: r.name,
  address: r.address,
  keeperName: r.keeperName,
  active: r.active,
});
