import type {
  KitComponent,
  ListReliefItemsQuery,
  ReliefItem,
  ReliefItemCategory,
  ReliefValuation,
} from '@boai/contracts';
import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { orgNamesById } from '../orgs/index.ts';
import { catalogueScope, usableBy } from './repository.ts';
import { goodsInLines, reliefItems, reliefKitComponents, stockBatches } from './schema.ts';

export type ItemRow = typeof reliefItems.$inferSelect;

/** The catalogue list's filters over the items the actor may read (its own, above and below). */
export function itemFilter(actor: Actor, query: Omit<ListReliefItemsQuery, 'page' | 'pageSize'>): SQL {
  const t = reliefItems;
  return and(
    catalogueScope(actor, 'relief:read', t.orgId),
    query.orgId ? inOrgSubtree(t.orgId, query.orgId) : undefined,
    query.usableBy ? usableBy(t.orgId, query.usableBy) : undefined,
    query.category ? eq(t.category, query.category) : undefined,
    query.kind ? eq(t.isKit, query.kind === 'kit') : undefined,
    query.active ? eq(t.active, query.active === 'true') : undefined,
    query.q
      ? or(
          ilike(t.code, containsPattern(query.q)),
          ilike(t.name, containsPattern(query.q)),
          ilike(t.spec, containsPattern(query.q)),
        )
      : undefined,
  )!;
}

/** Items that have been taken into stock (a batch, or a goods-in line even if wholly rejected). */
export async function itemsInUse(q: Queryable, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await q
    .selectDistinct({ id: stockBatches.itemId })
    .from(stockBatches)
    .where(inArray(stockBatches.itemId, ids))
    .union(
      q
        .selectDistinct({ id: goodsInLines.itemId })
        .from(goodsInLines)
        .where(inArray(goodsInLines.itemId, ids)),
    );
  return new Set(rows.map((r) => r.id));
}

/** Item rows as the console shows them: society names, kit components and "in use" in three queries. */
export async function presentItems(q: Queryable, rows: ItemRow[]): Promise<ReliefItem[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  const kitIds = rows.filter((r) => r.isKit).map((r) => r.id);
  const components = new Map<number, KitComponent[]>();
  if (kitIds.length) {
    const parts = await q
      .select({
        kitId: reliefKitComponents.kitItemId,
        quantity: reliefKitComponents.quantity,
        i: reliefItems,
      })
      .from(reliefKitComponents)
      .innerJoin(reliefItems, eq(reliefItems.id, reliefKitComponents.componentItemId))
      .where(inArray(reliefKitComponents.kitItemId, kitIds))
      .orderBy(asc(reliefItems.code));
    for (const p of parts) {
      const list = components.get(p.kitId) ?? [];
      list.push({
        itemId: p.i.id,
        code: p.i.code,
        name: p.i.name,
        spec: p.i.spec,
        unit: p.i.unit,
        quantity: p.quantity,
      });
      components.set(p.kitId, list);
    }
  }
  const inUse = await itemsInUse(q, ids);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    category: r.category as ReliefItemCategory,
    isKit: r.isKit,
    valuation: r.valuation as ReliefValuation,
    standardValueFen: r.standardValueFen,
    shelfLifeMonths: r.shelfLifeMonths,
    active: r.active,
    inUse: inUse.has(r.id),
    components: components.get(r.id) ?? [],
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Item rows by id, unscoped: for use after the caller has checked access. */
export async function unsafeItemsById(q: Queryable, ids: number[]): Promise<Map<number, ItemRow>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await q.select().from(reliefItems).where(inArray(reliefItems.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The ids among `ids` that society `orgId` may stock (its own or an ancestor's item). */
export async function usableItemIds(q: Queryable, orgId: number, ids: number[]): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set();
  const rows = await q
    .select({ id: reliefItems.id })
    .from(reliefItems)
    .where(and(inArray(reliefItems.id, unique), usableBy(reliefItems.orgId, orgId)));
  return new Set(rows.map((r) => r.id));
}

export const auditItem = (r: ItemRow) => ({
  code: r.code,
  name: r.name,
  spec: r.spec,
  unit: r.unit,
  category: r.category,
  isKit: r.isKit,
  valuation: r.valuation,
  standardValueFen: r.standardValueFen,
  shelfLifeMonths: r.shelfLifeMonths,
  active: r.active,
});
