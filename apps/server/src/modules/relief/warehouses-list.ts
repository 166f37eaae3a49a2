import type { ListWarehousesQuery, Warehouse } from '@boai/contracts';
import { asc, count, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { presentWarehouses, warehouseFilter } from './warehouses-repository.ts';
import { warehouses } from './schema.ts';

/** Warehouses of the societies the actor may see, each with its locations and what it holds. */
export async function listWarehouses(q: Queryable, actor: Actor, query: ListWarehousesQuery) {
  const where = warehouseFilter(actor, query);
  const [{ total }] = (await q.select({ total: count() }).from(warehouses).where(where)) as [
    { total: number },
  ];
  const rows = await q
    .select()
    .from(warehouses)
    .where(where)
    .orderBy(asc(warehouses.orgId), asc(warehouses.code))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentWarehouses(q, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getWarehouse(q: Queryable, actor: Actor, id: number): Promise<Warehouse> {
  const t = warehouses;
  await requireAccess(q, actor, 'relief:read', t, t.id, t.orgId, [id]);
  const rows = await q.select().from(t).where(eq(t.id, id));
  return (await presentWarehouses(q, rows))[0]!;
}
