import type { DisasterEventStatus, DisasterType, Permission } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { orgsById } from '../orgs/index.ts';
import { eventVisibleTo } from './repository.ts';
import { disasterEvents } from './schema.ts';

/** What another module needs of an event it names. */
export interface EventRef {
  id: number;
  orgId: number;
  name: string;
  type: DisasterType;
  status: DisasterEventStatus;
  startsOn: string;
  endsOn: string | null;
}

async function visibleEvent(q: Queryable, actor: Actor, eventId: number, permission: Permission) {
  const t = disasterEvents;
  const [row] = await q
    .select({
      id: t.id,
      orgId: t.orgId,
      name: t.name,
      type: t.type,
      status: t.status,
      startsOn: t.startsOn,
      endsOn: t.endsOn,
    })
    .from(t)
    .where(and(eq(t.id, eventId), eventVisibleTo(actor, permission)));
  return row as EventRef | undefined;
}

/**
 * An event the actor may name on a document (an allocation to it, a donor's designation, a team's
 * deployment): one of a society where the actor holds `permission` (default relief:read), of a society
 * above it, or — with a subtree grant — below it; never a sibling's. With `orgId`, that society (the
 * allocation's shipping or receiving one) must also be the event's own, above it or below it. A closed
 * event is refused unless `allowClosed`. Every refusal names `field` (default 'eventId'), and an event
 * the actor may not see is NOT_FOUND, as a missing one.
 */
export async function findEventForOrg(
  q: Queryable,
  actor: Actor,
  eventId: number,
  opts: { orgId?: number; permission?: Permission; allowClosed?: boolean; field?: string } = {},
): Promise<EventRef> {
  const field = opts.field ?? 'eventId';
  const event = await visibleEvent(q, actor, eventId, opts.permission ?? 'relief:read');
  if (!event) throw invalid('NOT_FOUND', field);
  if (opts.orgId !== undefined && opts.orgId !== event.orgId) {
    const tree = await orgsById(q, [opts.orgId, event.orgId]);
    const a = tree.get(opts.orgId)?.path;
    const b = tree.get(event.orgId)!.path;
    if (!a || !(a.startsWith(b) || b.startsWith(a))) throw invalid('DISASTER_EVENT_OUT_OF_TREE', field);
  }
  if (event.status === 'closed' && !opts.allowClosed)
    throw new AppError('DISASTER_EVENT_CLOSED', 409, [{ field, code: 'DISASTER_EVENT_CLOSED' }]);
  return event;
}

/** An event the actor may read (a report about it, its relief flow): NOT_FOUND (404) otherwise. */
export async function requireEventVisible(q: Queryable, actor: Actor, eventId: number): Promise<EventRef> {
  const event = await visibleEvent(q, actor, eventId, 'relief:read');
  if (!event) throw notFound();
  return event;
}
