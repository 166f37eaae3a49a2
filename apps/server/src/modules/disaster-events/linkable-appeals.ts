import type { LinkableAppeal } from '@boai/contracts';
import { and, asc, desc, eq, notExists } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { forbidden } from '../../platform/errors.ts';
import { appeals } from '../donations/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { loadVisibleEvent } from './repository.ts';
import { disasterEventAppeals } from './schema.ts';

/**
 * The appeals an event could take (for the console's picker): of its society or below, serving no
 * event yet, open ones first. Only for someone who may change the event.
 */
export async function linkableAppeals(
  q: Queryable,
  actor: Actor,
  eventId: number,
): Promise<LinkableAppeal[]> {
  const event = await loadVisibleEvent(q, actor, eventId);
  if (!event.canManage) throw forbidden();
  const rows = await q
    .select({ id: appeals.id, orgId: appeals.orgId, name: appeals.name, open: appeals.open })
    .from(appeals)
    .where(
      and(
        inOrgSubtree(appeals.orgId, event.orgId),
        notExists(
          q
            .select({ one: disasterEventAppeals.eventId })
            .from(disasterEventAppeals)
            .where(eq(disasterEventAppeals.appealId, appeals.id)),
        ),
      ),
    )
    .orderBy(desc(appeals.open), asc(appeals.id))
    .limit(200);
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({ id: r.id, orgName: names.get(r.orgId) ?? '', name: r.name, open: r.open }));
}
