import { shanghaiDate, type AllocationDestinations, type FreeStockItem } from '@boai/contracts';
import { and, asc, eq, gt, ne, or, sql, type AnyColumn } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { disasterEvents } from '../disaster-events/index.ts';
import { orgs } from '../orgs/index.ts';
import { designatedEvent, designatedOrg, designationLabel, holdsAt } from './allocation-repository.ts';
import { catalogueScope } from './repository.ts';
import { reliefItems, stockBatches, warehouses } from './schema.ts';

/**
 * Warehouses the actor may ask goods from: those of societies it manages, and those of every society
 * above them (a county asks its city). The same "own and above" reading as the catalogue's.
 */
export const askable = (actor: Actor) => catalogueScope(actor, 'relief:manage', warehouses.orgId);

export async function allocationSources(q: Queryable, actor: Actor) {
  const rows = await q
    .select({
      id: warehouses.id,
      code: warehouses.code,
      name: warehouses.name,
      orgId: warehouses.orgId,
      orgName: orgs.name,
      own: sql<boolean>`${inScope(actor, 'relief:manage', warehouses.orgId)}`,
    })
    .from(warehouses)
    .innerJoin(orgs, eq(orgs.id, warehouses.orgId))
    .where(and(eq(warehouses.active, true), askable(actor)))
    .orderBy(asc(orgs.path), asc(warehouses.code));
  return { items: rows.map((r) => ({ ...r, own: Boolean(r.own) })) };
}

async function requireSource(q: Queryable, actor: Actor, warehouseId: number) {
  const [w] = await q
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.id, warehouseId), askable(actor)));
  if (!w) throw notFound();
  return w;
}

/**
 * What a warehouse can give now, per item: free stock (on hand − reserved) of batches not past their
 * expiry, with the batches in FEFO order and their designations (the form says which are designated).
 */
export async function freeStock(
  q: Queryable,
  actor: Actor,
  warehouseId: number,
  now = new Date(),
): Promise<{ items: FreeStockItem[] }> {
  await requireSource(q, actor, warehouseId);
  const b = stockBatches;
  const rows = await q
    .select({
      b,
      code: reliefItems.code,
      name: reliefItems.name,
      spec: reliefItems.spec,
      unit: reliefItems.unit,
      designatedEvent: designatedEvent.name,
      designatedOrg: designatedOrg.name,
    })
    .from(b)
    .innerJoin(reliefItems, eq(reliefItems.id, b.itemId))
    .leftJoin(designatedEvent, eq(designatedEvent.id, b.designatedEventId))
    .leftJoin(designatedOrg, eq(designatedOrg.id, b.designatedOrgId))
    .where(
      and(
        eq(b.warehouseId, warehouseId),
        gt(b.onHand, 0),
        sql`(${b.expiresOn} is null or ${b.expiresOn} >= ${shanghaiDate(now)})`,
      ),
    )
    .orderBy(asc(reliefItems.name), sql`${b.expiresOn} asc nulls last`, asc(b.receivedAt), asc(b.id));
  const items = new Map<number, FreeStockItem>();
  for (const r of rows) {
    const item = items.get(r.b.itemId) ?? {
      itemId: r.b.itemId,
      code: r.code,
      name: r.name,
      spec: r.spec,
      unit: r.unit,
      free: 0,
      onHand: 0,
      reserved: 0,
      batches: [],
    };
    const free = r.b.onHand - r.b.reserved;
    item.free += free;
    item.onHand += r.b.onHand;
    item.reserved += r.b.reserved;
    item.batches.push({
      id: r.b.id,
      code: r.b.code,
      lotNo: r.b.lotNo,
      expiresOn: r.b.expiresOn,
      free,
      unitValueFen: r.b.unitValueFen,
      designation: designationLabel(r.b, r.designatedEvent, r.designatedOrg),
      designatedOrgId: r.b.designatedOrgId,
      designatedEventId: r.b.designatedEventId,
    });
    items.set(r.b.itemId, item);
  }
  return { items: [...items.values()] };
}

/**
 * Where goods from this warehouse may be sent, as the form offers it. The shipping society's staff:
 * anywhere under its parent (what the two approval levels cover; under itself at the root). A
 * society below asking for itself: its own subtree. Events: active ones there, or of the source's
 * society and those above it (a city's typhoon event, answered by its counties).
 */
export async function allocationDestinations(
  q: Queryable,
  actor: Actor,
  fromWarehouseId: number,
): Promise<AllocationDestinations> {
  const source = await requireSource(q, actor, fromWarehouseId);
  const [org] = await q.select().from(orgs).where(eq(orgs.id, source.orgId));
  const holdsShipping = await holdsAt(q, actor, 'relief:manage', source.orgId);
  const area = (col: AnyColumn) =>
    holdsShipping ? inOrgSubtree(col, org!.parentId ?? org!.id) : inScope(actor, 'relief:manage', col);
  const whs = await q
    .select({ id: warehouses.id, name: warehouses.name, orgId: warehouses.orgId, orgName: orgs.name })
    .from(warehouses)
    .innerJoin(orgs, eq(orgs.id, warehouses.orgId))
    .where(and(eq(warehouses.active, true), ne(warehouses.id, source.id), area(warehouses.orgId)))
    .orderBy(asc(orgs.path), asc(warehouses.code));
  const orgRows = await q
    .select({ id: orgs.id, name: orgs.name, level: orgs.level })
    .from(orgs)
    .where(and(eq(orgs.active, true), area(orgs.id)))
    .orderBy(asc(orgs.path));
  const events = await q
    .select({ id: disasterEvents.id, name: disasterEvents.name, orgId: disasterEvents.orgId })
    .from(disasterEvents)
    .where(
      and(
        eq(disasterEvents.status, 'active'),
        or(
          area(disasterEvents.orgId),
          sql`${org!.path} like (select ${orgs.path} from ${orgs} where ${orgs.id} = ${disasterEvents.orgId}) || '%'`,
        ),
      ),
    )
    .orderBy(sql`${disasterEvents.startsOn} desc`);
  return { warehouses: whs, orgs: orgRows, events };
}
