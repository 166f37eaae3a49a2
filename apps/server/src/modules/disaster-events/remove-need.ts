import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { lockEventForChange } from './repository.ts';
import { disasterEventNeeds } from './schema.ts';

/**
 * Removes a needs line while the event is active. Nothing points at a line (relief matches what it
 * sent to needs by item), so removing it loses only the line itself, which the audit row keeps.
 */
export async function removeNeed(
  tx: Tx,
  actor: Actor,
  eventId: number,
  needId: number,
): Promise<{ id: number }> {
  const event = await lockEventForChange(tx, actor, eventId);
  const n = disasterEventNeeds;
  const [row] = await tx
    .delete(n)
    .where(and(eq(n.id, needId), eq(n.eventId, eventId)))
    .returning();
  if (!row) throw notFound();
  await recordAudit(tx, actor, {
    action: 'disaster_events.need_remove',
    orgId: event.orgId,
    entityType: 'disaster_event',
    entityId: eventId,
    before: {
      needId,
      itemId: row.itemId,
      name: row.name,
      unit: row.unit,
      quantity: row.quantity,
      note: row.note,
    },
  });
  return { id: needId };
}
