import type { AedImportInput, AedImportResult } from '@boai/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { readAedSheet } from './aed-sheet.ts';
import { toE6 } from './repository.ts';
import { aedDevices } from './schema.ts';

const SAMPLE = 200;

async function existingSerials(q: Queryable, orgId: number, serials: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < serials.length; i += 1000) {
    const hit = await q
      .select({ s: aedDevices.serial })
      .from(aedDevices)
      .where(and(eq(aedDevices.orgId, orgId), inArray(aedDevices.serial, serials.slice(i, i + 1000))));
    for (const h of hit) found.add(h.s);
  }
  return found;
}

/**
 * Checks an AED sheet (preview: nothing written) or imports its valid rows (commit). The file is
 * sent again to commit — it holds nothing the preview did not show, and no parked copy of the
 * responsible people's phones is kept between the two. Serials the society already has are skipped,
 * and `ON CONFLICT DO NOTHING` on (society, serial) is the last guard when two imports race, so
 * importing the same file twice creates nothing twice.
 */
export async function importAeds(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  input: AedImportInput,
  commit: boolean,
): Promise<AedImportResult> {
  await requireWritableOrg(tx, actor, 'training:manage', input.orgId);
  const sheet = await readAedSheet(Buffer.from(input.contentBase64, 'base64'), input.orgId);
  const existing = await existingSerials(
    tx,
    input.orgId,
    sheet.rows.map((r) => r.input.serial),
  );
  const fresh = sheet.rows.filter((r) => !existing.has(r.input.serial));
  let created = 0;
  if (commit) {
    for (let i = 0; i < fresh.length; i += 500) {
      const inserted = await tx
        .insert(aedDevices)
        .values(
          fresh.slice(i, i + 500).map(({ input: d }) => ({
            orgId: input.orgId,
            serial: d.serial,
            model: d.model,
            venueType: d.venueType,
            venueName: d.venueName,
            address: d.address,
            latE6: toE6(d.lat),
            lngE6: toE6(d.lng),
            ownerUnit: d.ownerUnit,
            responsibleName: d.responsibleName,
            responsibleMobileEnc: pii.encrypt(d.responsibleMobile),
            installedOn: d.installedOn,
            batteryExpiresOn: d.batteryExpiresOn,
            padsExpiresOn: d.padsExpiresOn,
            status: d.status,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: aedDevices.id });
      created += inserted.length;
    }
    await recordAudit(tx, actor, {
      action: 'aed.import',
      orgId: input.orgId,
      entityType: 'aed_device',
      after: {
        fileName: input.fileName,
        totalRows: sheet.total,
        created,
        skipped: sheet.rows.length - created,
        errorRows: new Set(sheet.errors.map((e) => e.row)).size,
      },
    });
  }
  return {
    totalRows: sheet.total,
    validRows: sheet.rows.length,
    errorRows: new Set(sheet.errors.map((e) => e.row)).size,
    existing: sheet.rows.length - fresh.length,
    created,
    committed: commit,
    errors: sheet.errors,
    sample: sheet.rows.slice(0, SAMPLE).map((r) => ({
      row: r.row,
      serial: r.input.serial,
      venueName: r.input.venueName,
      address: r.input.address,
      existing: existing.has(r.input.serial),
    })),
  };
}
