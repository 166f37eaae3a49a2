import type { DisasterEvent, UpdateDisasterEventInput } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { checkEventDates } from './create-event.ts';
import { loadVisibleEvent, lockEventForChange } from './repository.ts';
import { disasterEvents } from './schema.ts';

/** Edits an active event: its name, type, area, level (响应升级/降级), dates or summary. */
export async function updateEvent(
  tx: Tx,
  actor: Actor,
  id: number,
  input: UpdateDisasterEventInput,
): Promise<DisasterEvent> {
  const before = await lockEventForChange(tx, actor, id);
  checkEventDates({
    startsOn: input.startsOn ?? before.startsOn,
    endsOn: input.endsOn === undefined ? before.endsOn : input.endsOn,
  });
  await tx.update(disasterEvents).set(input).where(eq(disasterEvents.id, id));
  await recordAudit(tx, actor, {
    action: 'disaster_events.update',
    orgId: before.orgId,
    entityType: 'disaster_event',
    entityId: id,
    before: Object.fromEntries(Object.keys(input).map((k) => [k, before[k as keyof typeof before]])),
    after: input,
  });
  return loadVisibleEvent(tx, actor, id);
}
