import type { CreateDisasterEventInput, DisasterEvent } from '@boai/contracts';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { loadVisibleEvent } from './repository.ts';
import { disasterEvents } from './schema.ts';

/** The response cannot end before it began (the table's check says the same; this names the field). */
export function checkEventDates(v: { startsOn: string; endsOn?: string | null }) {
  if (v.endsOn && v.endsOn < v.startsOn) throw invalid('DISASTER_EVENT_ENDS_BEFORE_START', 'endsOn');
}

/** 登记灾害事件: the society that opens it owns it; it starts active (响应中). */
export async function createEvent(
  tx: Tx,
  actor: Actor,
  input: CreateDisasterEventInput,
): Promise<DisasterEvent> {
  await requireWritableOrg(tx, actor, 'relief:manage', input.orgId);
  checkEventDates(input);
  const [row] = await tx
    .insert(disasterEvents)
    .values({
      orgId: input.orgId,
      name: input.name,
      type: input.type,
      area: input.area,
      responseLevel: input.responseLevel,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      summary: input.summary ?? null,
      createdBy: actorName(actor),
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'disaster_events.create',
    orgId: row!.orgId,
    entityType: 'disaster_event',
    entityId: row!.id,
    after: input,
  });
  return loadVisibleEvent(tx, actor, row!.id);
}
