import type { Aed, UpdateAedInput } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { checkDates } from './create-aed.ts';
import { presentAeds, toE6 } from './repository.ts';
import { aedDevices } from './schema.ts';

/** Edits a device: place, people, dates or status (停用/维修 take it off the public map). */
export async function updateAed(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  id: number,
  input: UpdateAedInput,
): Promise<Aed> {
  const t = aedDevices;
  await requireAccess(tx, actor, 'training:manage', t, t.id, t.orgId, [id]);
  const [before] = await tx.select().from(t).where(eq(t.id, id)).for('update');
  const { lat, lng, responsibleMobile, ...rest } = input;
  checkDates({
    installedOn: input.installedOn ?? before!.installedOn,
    batteryExpiresOn: input.batteryExpiresOn ?? before!.batteryExpiresOn,
    padsExpiresOn: input.padsExpiresOn ?? before!.padsExpiresOn,
  });
  const [row] = await tx
    .update(t)
    .set({
      ...rest,
      ...(lat !== undefined ? { latE6: toE6(lat) } : {}),
      ...(lng !== undefined ? { lngE6: toE6(lng) } : {}),
      ...(responsibleMobile ? { responsibleMobileEnc: pii.encrypt(responsibleMobile) } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(t.id, id))
    .returning();
  const { responsibleMobileEnc: _enc, ...shown } = before!;
  await recordAudit(tx, actor, {
    action: 'aed.update',
    orgId: row!.orgId,
    entityType: 'aed_device',
    entityId: id,
    before: Object.fromEntries(Object.keys(input).map((k) => [k, (shown as Record<string, unknown>)[k]])),
    after: { ...rest, lat, lng, mobileChanged: responsibleMobile !== undefined },
  });
  return (await presentAeds(tx, pii, [row!]))[0]!;
}
