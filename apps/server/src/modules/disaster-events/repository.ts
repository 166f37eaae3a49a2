import type {
  DisasterEvent,
  DisasterEventStatus,
  DisasterType,
  ListDisasterEventsQuery,
  Permission,
  ResponseLevel,
} from '@boai/contracts';
import { and, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { orgNamesById } from '../orgs/index.ts';
import { disasterEventAppeals, disasterEventNeeds, disasterEvents } from './schema.ts';

export type EventRow = typeof disasterEvents.$inferSelect;
const t = disasterEvents;

/** Society ids on a materialised path ('/1/4/17/' → 1, 4, 17). */
const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

/**
 * Which events the actor sees. Unlike most rows, an event is seen UP the tree as well as down: a
 * county responding to its city's typhoon must see the city's event to ask for goods under it, so
 * besides `inScope` (its own society and, with a subtree grant, everything below) the actor sees
 * events of every ancestor of a society where it holds `permission`. A sibling society is neither
 * above nor below, so it sees nothing. Built on `inScope`, fails closed the same way.
 */
export function eventVisibleTo(actor: Actor, permission: Permission): SQL {
  const below = inScope(actor, permission, t.orgId);
  if (actor.kind === 'system') return below;
  const above = new Set<number>();
  for (const g of actor.grants)
    if (g.permissions.has(permission)) for (const id of pathIds(g.orgPath)) above.add(id);
  return above.size ? or(below, inArray(t.orgId, [...above]))! : below;
}

/** Changing an event (its fields, needs, appeals) belongs to its own society and those above it. */
export const eventManagedBy = (actor: Actor): SQL => inScope(actor, 'relief:manage', t.orgId);

/** The list's filters over the events the actor sees. */
export function eventFilter(actor: Actor, query: Omit<ListDisasterEventsQuery, 'page' | 'pageSize'>): SQL {
  return and(
    eventVisibleTo(actor, 'relief:read'),
    query.orgId ? inOrgSubtree(t.orgId, query.orgId) : undefined,
    query.type ? eq(t.type, query.type) : undefined,
    query.status ? eq(t.status, query.status) : undefined,
    // Under way at some time in the year: started by its end and not ended before it began.
    query.year
      ? and(
          sql`${t.startsOn} <= ${`${query.year}-12-31`}`,
          sql`(${t.endsOn} is null or ${t.endsOn} >= ${`${query.year}-01-01`})`,
        )
      : undefined,
    query.q
      ? or(ilike(t.name, containsPattern(query.q)), ilike(t.area, containsPattern(query.q)))
      : undefined,
  )!;
}

/** Event columns plus what the list shows beside them, in the same query (counts and the actor's right to manage). */
export const eventListColumns = (actor: Actor) => ({
  row: t,
  // Correlated on the outer table by name: a single-table select renders its own columns unqualified.
  needCount: sql<number>`(select count(*)::int from ${disasterEventNeeds} as n where n.event_id = ${t}.id)`,
  appealCount: sql<number>`(select count(*)::int from ${disasterEventAppeals} as l where l.event_id = ${t}.id)`,
  canManage: sql<boolean>`${eventManagedBy(actor)}`,
});

export type EventListRow = { row: EventRow; needCount: number; appealCount: number; canManage: boolean };

export async function presentEvents(q: Queryable, rows: EventListRow[]): Promise<DisasterEvent[]> {
  const names = await orgNamesById(
    q,
    rows.map((r) => r.row.orgId),
  );
  return rows.map(({ row: r, needCount, appealCount, canManage }) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    name: r.name,
    type: r.type as DisasterType,
    area: r.area,
    responseLevel: r.responseLevel as ResponseLevel,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    status: r.status as DisasterEventStatus,
    summary: r.summary,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    needCount: Number(needCount),
    appealCount: Number(appealCount),
    canManage: Boolean(canManage),
  }));
}

/** One event as the list shows it, if the actor sees it (NOT_FOUND otherwise, as for a missing one). */
export async function loadVisibleEvent(q: Queryable, actor: Actor, id: number): Promise<DisasterEvent> {
  const rows = await q
    .select(eventListColumns(actor))
    .from(t)
    .where(and(eq(t.id, id), eventVisibleTo(actor, 'relief:read')));
  if (!rows.length) throw notFound();
  return (await presentEvents(q, rows))[0]!;
}

/**
 * Locks an event the actor is about to change (its row, its needs or its appeals): concurrent
 * changes of one event queue on this row lock, so duplicate checks of its needs hold. An event the
 * actor only sees from below is refused as FORBIDDEN; one it does not see at all as NOT_FOUND; a
 * closed event as DISASTER_EVENT_CLOSED.
 */
export async function lockEventForChange(tx: Tx, actor: Actor, id: number): Promise<EventRow> {
  const [found] = await tx
    .select({ manage: sql<boolean>`${eventManagedBy(actor)}` })
    .from(t)
    .where(and(eq(t.id, id), eventVisibleTo(actor, 'relief:read')));
  if (!found) throw notFound();
  if (!found.manage) throw forbidden();
  const [row] = await tx.select().from(t).where(eq(t.id, id)).for('update');
  if (row!.status === 'closed') throw new AppError('DISASTER_EVENT_CLOSED', 409);
  return row!;
}
