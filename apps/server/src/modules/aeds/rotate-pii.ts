import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { rotateFields, type PiiVault } from '../../platform/pii/index.ts';
import { aedDevices } from './schema.ts';

/** Key rotation for the responsible people's phones (see staff/rotate-pii.ts for the contract). */
export async function rotateAedPii(tx: Tx, pii: PiiVault): Promise<number> {
  const rows = await tx
    .select({ id: aedDevices.id, responsibleMobileEnc: aedDevices.responsibleMobileEnc })
    .from(aedDevices)
    .for('update');
  let changed = 0;
  for (const { id, ...fields } of rows) {
    const rotated = rotateFields(pii, fields);
    if (!rotated) continue;
    await tx.update(aedDevices).set(rotated).where(eq(aedDevices.id, id));
    changed++;
  }
  return changed;
}
