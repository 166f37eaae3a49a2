import type { Aed, CreateAedInput } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { presentAeds, toE6 } from './repository.ts';
import { aedDevices } from './schema.ts';

/** Expiry dates come after installation: a device cannot be installed with pads already past. */
export function checkDates(v: { installedOn?: string; batteryExpiresOn?: string; padsExpiresOn?: string }) {
  if (!v.installedOn) return;
  if (v.batteryExpiresOn && v.batteryExpiresOn < v.installedOn)
    throw invalid('AED_DATE_BEFORE_INSTALL', 'batteryExpiresOn');
  if (v.padsExpiresOn && v.padsExpiresOn < v.installedOn)
    throw invalid('AED_DATE_BEFORE_INSTALL', 'padsExpiresOn');
}

export const serialTaken = (serial: string) =>
  new AppError('AED_SERIAL_TAKEN', 409, [{ field: 'serial', code: 'AED_SERIAL_TAKEN' }], { serial });

/** Registers a device. The (society, serial) unique index decides a race between two registrations. */
export async function createAed(tx: Tx, pii: PiiVault, actor: Actor, input: CreateAedInput): Promise<Aed> {
  await requireWritableOrg(tx, actor, 'training:manage', input.orgId);
  checkDates(input);
  const [row] = await tx
    .insert(aedDevices)
    .values({
      orgId: input.orgId,
      serial: input.serial,
      model: input.model,
      venueType: input.venueType,
      venueName: input.venueName,
      address: input.address,
      latE6: toE6(input.lat),
      lngE6: toE6(input.lng),
      ownerUnit: input.ownerUnit,
      responsibleName: input.responsibleName,
      responsibleMobileEnc: pii.encrypt(input.responsibleMobile),
      installedOn: input.installedOn,
      batteryExpiresOn: input.batteryExpiresOn,
      padsExpiresOn: input.padsExpiresOn,
      status: input.status,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw serialTaken(input.serial);
  await recordAudit(tx, actor, {
    action: 'aed.create',
    orgId: row.orgId,
    entityType: 'aed_device',
    entityId: row.id,
    after: { serial: row.serial, venueName: row.venueName, address: row.address, status: row.status },
  });
  return (await presentAeds(tx, pii, [row]))[0]!;
}
