import { eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { rotateFields, type PiiVault } from '../../platform/pii/index.ts';
import { rescues } from './schema.ts';

/** Key rotation for the rescuers' phone numbers. */
export async function rotateRescuePii(tx: Tx, pii: PiiVault): Promise<number> {
  let changed = 0;
  for (const { id, ...fields } of await tx
    .select({ id: rescues.id, mobileEnc: rescues.mobileEnc })
    .from(rescues)
    .where(isNotNull(rescues.mobileEnc))
    .for('update')) {
    const rotated = rotateFields(pii, fields);
    if (!rotated) continue;
    await tx.update(rescues).set(rotated).where(eq(rescues.id, id));
    changed++;
  }
  return changed;
}
