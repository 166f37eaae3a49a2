import type { DisasterAppeal } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { appeals } from '../donations/index.ts';
import { eventAppeals } from './get-event.ts';
import { lockEventForChange } from './repository.ts';
import { disasterEventAppeals, disasterEvents } from './schema.ts';

/**
 * Links an appeal (募捐项目) to an event, so its money and goods count for the event. Only an appeal
 * of the event's society or one below it: a sibling's appeal is that society's to give. An appeal
 * serves at most one event; the unique index on appeal_id decides a race between two events.
 */
export async function linkAppeal(
  tx: Tx,
  actor: Actor,
  eventId: number,
  appealId: number,
): Promise<DisasterAppeal> {
  const event = await lockEventForChange(tx, actor, eventId);
  const [appeal] = await tx
    .select({ id: appeals.id, inside: inOrgSubtree(appeals.orgId, event.orgId) })
    .from(appeals)
    .where(eq(appeals.id, appealId));
  if (!appeal) throw invalid('NOT_FOUND', 'appealId');
  if (!appeal.inside) throw invalid('DISASTER_APPEAL_OUTSIDE', 'appealId');
  const linked = await tx
    .insert(disasterEventAppeals)
    .values({ eventId, appealId, orgId: event.orgId })
    .onConflictDoNothing()
    .returning();
  if (!linked.length) {
    const [holder] = await tx
      .select({ name: disasterEvents.name })
      .from(disasterEventAppeals)
      .innerJoin(disasterEvents, eq(disasterEvents.id, disasterEventAppeals.eventId))
      .where(eq(disasterEventAppeals.appealId, appealId));
    throw new AppError('DISASTER_APPEAL_TAKEN', 409, [{ field: 'appealId', code: 'DISASTER_APPEAL_TAKEN' }], {
      event: holder?.name ?? '',
    });
  }
  await recordAudit(tx, actor, {
    action: 'disaster_events.appeal_link',
    orgId: event.orgId,
    entityType: 'disaster_event',
    entityId: eventId,
    after: { appealId },
  });
  return (await eventAppeals(tx, eventId)).find((a) => a.id === appealId)!;
}

/** Unlinks an appeal from an active event (linked by mistake); its gifts stay the appeal's. */
export async function unlinkAppeal(
  tx: Tx,
  actor: Actor,
  eventId: number,
  appealId: number,
): Promise<{ appealId: number }> {
  const event = await lockEventForChange(tx, actor, eventId);
  const l = disasterEventAppeals;
  const [row] = await tx
    .delete(l)
    .where(and(eq(l.eventId, eventId), eq(l.appealId, appealId)))
    .returning();
  if (!row) throw invalid('NOT_FOUND', 'appealId');
  await recordAudit(tx, actor, {
    action: 'disaster_events.appeal_unlink',
    orgId: event.orgId,
    entityType: 'disaster_event',
    entityId: eventId,
    before: { appealId },
  });
  return { appealId };
}
