import { shanghaiDate, type CloseDisasterEventInput, type DisasterEvent } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { checkEventDates } from './create-event.ts';
import { loadVisibleEvent, lockEventForChange } from './repository.ts';
import { disasterEvents } from './schema.ts';

/**
 * 结束响应: the event keeps its needs, appeals and the relief sent to it, but nothing more is
 * changed or named under it (relief refuses closed events through `findEventForOrg`).
 */
export async function closeEvent(
  tx: Tx,
  actor: Actor,
  id: number,
  input: CloseDisasterEventInput,
  now = new Date(),
): Promise<DisasterEvent> {
  const before = await lockEventForChange(tx, actor, id);
  checkEventDates({ startsOn: before.startsOn, endsOn: input.endsOn });
  if (input.endsOn > shanghaiDate(now)) throw invalid('DISASTER_EVENT_END_IN_FUTURE', 'endsOn');
  const summary = input.summary === undefined ? before.summary : input.summary;
  await tx
    .update(disasterEvents)
    .set({ status: 'closed', endsOn: input.endsOn, summary })
    .where(eq(disasterEvents.id, id));
  await recordAudit(tx, actor, {
    action: 'disaster_events.close',
    orgId: before.orgId,
    entityType: 'disaster_event',
    entityId: id,
    before: { status: before.status, endsOn: before.endsOn },
    after: { status: 'closed', endsOn: input.endsOn, summary },
  });
  return loadVisibleEvent(tx, actor, id);
}
