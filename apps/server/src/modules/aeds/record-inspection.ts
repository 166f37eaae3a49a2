import type { AedInspection, CreateAedInspectionInput } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { checkDates } from './create-aed.ts';
import { presentInspection } from './get-aed.ts';
import { aedDevices, aedInspections } from './schema.ts';

/**
 * Records a 巡检. A battery or pads replaced at the visit carry their new dates onto the device in the
 * same transaction, so the due list and the reminders move with it.
 */
export async function recordInspection(
  tx: Tx,
  actor: Actor,
  deviceId: number,
  input: CreateAedInspectionInput,
): Promise<AedInspection> {
  const t = aedDevices;
  await requireAccess(tx, actor, 'training:manage', t, t.id, t.orgId, [deviceId]);
  const [device] = await tx.select().from(t).where(eq(t.id, deviceId)).for('update');
  checkDates({ installedOn: device!.installedOn, ...input });
  const [row] = await tx
    .insert(aedInspections)
    .values({
      orgId: device!.orgId,
      deviceId,
      inspectedOn: input.inspectedOn,
      inspector: input.inspector,
      result: input.result,
      notes: input.notes ?? null,
      recordedBy: actorName(actor),
    })
    .returning();
  if (input.batteryExpiresOn || input.padsExpiresOn)
    await tx
      .update(t)
      .set({
        ...(input.batteryExpiresOn ? { batteryExpiresOn: input.batteryExpiresOn } : {}),
        ...(input.padsExpiresOn ? { padsExpiresOn: input.padsExpiresOn } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(t.id, deviceId));
  await recordAudit(tx, actor, {
    action: 'aed.inspect',
    orgId: device!.orgId,
    entityType: 'aed_device',
    entityId: deviceId,
    before: { batteryExpiresOn: device!.batteryExpiresOn, padsExpiresOn: device!.padsExpiresOn },
    after: { ...input },
  });
  return presentInspection(row!);
}
