import { startOfShanghaiDay } from '@boai/contracts';
import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { likeLiteral } from '../../platform/db/like.ts';
import { disasterEvents } from '../disaster-events/index.ts';
import { orgs } from '../orgs/index.ts';
import { reliefItems, warehouses } from './schema.ts';

/** What the stock reports filter by (contracts relief-reports.ts). */
export interface StockFilter {
  orgId?: number;
  warehouseId?: number;
  itemId?: number;
  category?: string;
}

/** A filter whose society has been looked up: its path, or null when there is no such society. */
export type ResolvedFilter<F extends StockFilter> = F & { subtreePath?: string | null };

/**
 * Looks up the filter's society first, so the subtree becomes `path LIKE '/1/4/%'` with a literal the
 * planner can estimate. Left as a subquery (`inOrgSubtree`) it guesses one society, and for a
 * province of a hundred it walks the batches society by society through the index — several times
 * slower than the one sequential pass it picks when it knows.
 */
export async function resolveFilter<F extends StockFilter>(q: Queryable, f: F): Promise<ResolvedFilter<F>> {
  if (!f.orgId) return f;
  const [org] = await q.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, f.orgId));
  return { ...f, subtreePath: org?.path ?? null };
}

/**
 * Rows of one stock table (batches or movements) the actor may read, narrowed to the filter. Every
 * stock row carries its warehouse's society, so a sibling society's warehouse can never appear.
 * `category` needs the item: it is tested against relief_items by id (one indexed lookup per group).
 */
export function stockWhere(
  actor: Actor,
  cols: { orgId: AnyColumn; warehouseId: AnyColumn; itemId: AnyColumn },
  f: ResolvedFilter<StockFilter>,
): SQL {
  // A filter, never a grant: inScope decides what may be seen.
  const subtree =
    f.subtreePath === undefined
      ? undefined
      : f.subtreePath === null
        ? sql`false`
        : sql`${cols.orgId} in (select ${orgs.id} from ${orgs} where ${orgs.path} like ${`${likeLiteral(f.subtreePath)}%`})`;
  return and(
    inScope(actor, 'relief:read', cols.orgId),
    subtree,
    f.warehouseId ? eq(cols.warehouseId, f.warehouseId) : undefined,
    f.itemId ? eq(cols.itemId, f.itemId) : undefined,
    f.category
      ? sql`${cols.itemId} in (select ${reliefItems.id} from ${reliefItems} where ${reliefItems.category} = ${f.category})`
      : undefined,
  )!;
}

/** The instant a Shanghai day ends (the next one begins): "as of 2026-07-31" means before this. */
export function endOfShanghaiDay(day: string): Date {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return startOfShanghaiDay(next);
}

/**
 * An allocation's destination as the office names it, in SQL over `allocations` joined as `a` with
 * the destination warehouse `tw`, its society `two`, the destination society `tgo` and the event `ev`:
 * 梁溪区红十字会 备灾仓库 (the society's name unless the warehouse's already starts with it),
 * 梁溪区红十字会, 台风“海葵”, 救助批次 JZ-2026-07; an event the goods serve is
 * added in brackets when the destination is a society or warehouse: 梁溪区红十字会（台风“海葵”）.
 */
export const destinationLabelSql = sql`(case a.destination
    when 'warehouse' then case when starts_with(tw.name, two.name) then tw.name else two.name || ' ' || tw.name end
    when 'org' then tgo.name
    when 'event' then ev.name
    else '救助批次 ' || a.aid_batch_ref end
  || case when a.destination <> 'event' and ev.name is not null then '（' || ev.name || '）' else '' end)`;

/** The joins `destinationLabelSql` reads, after `from allocations a`. */
export const destinationJoins = sql`
  left join ${warehouses} tw on tw.id = a.to_warehouse_id
  left join ${orgs} two on two.id = tw.org_id
  left join ${orgs} tgo on tgo.id = a.to_org_id
  left join ${disasterEvents} ev on ev.id = a.event_id`;

/** Raw rows give timestamps as Date (both drivers) or, cast, as text: always an ISO string out. */
export const iso = (v: Date | string | null): string | null =>
  v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString();
