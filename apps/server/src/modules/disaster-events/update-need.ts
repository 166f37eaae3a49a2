import type { DisasterNeed, UpdateDisasterNeedInput } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { presentNeed } from './get-event.ts';
import { lockEventForChange } from './repository.ts';
import { disasterEventNeeds } from './schema.ts';

/** Changes a needs line's quantity or note while the event is active (needs grow and shrink as reports come in). */
export async function updateNeed(
  tx: Tx,
  actor: Actor,
  eventId: number,
  needId: number,
  input: UpdateDisasterNeedInput,
): Promise<DisasterNeed> {
  const event = await lockEventForChange(tx, actor, eventId);
  const n = disasterEventNeeds;
  const where = and(eq(n.id, needId), eq(n.eventId, eventId));
  const [before] = await tx.select().from(n).where(where);
  if (!before) throw notFound();
  const [row] = await tx.update(n).set(input).where(where).returning();
  await recordAudit(tx, actor, {
    action: 'disaster_events.need_update',
    orgId: event.orgId,
    entityType: 'disaster_event',
    entityId: eventId,
    before: { needId, name: before.name, quantity: before.quantity, note: before.note },
    after: { needId, ...input },
  });
  return presentNeed(row!);
}
