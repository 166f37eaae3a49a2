import { eq, isNotNull, or } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { rotateFields, type PiiVault } from '../../platform/pii/index.ts';
import { donors } from './schema.ts';

/** Key rotation for donors' 身份证 and mobile (see staff/rotate-pii.ts for the contract). */
export async function rotateDonorPii(tx: Tx, pii: PiiVault): Promise<number> {
  const rows = await tx
    .select({ id: donors.id, idCardEnc: donors.idCardEnc, mobileEnc: donors.mobileEnc })
    .from(donors)
    .where(or(isNotNull(donors.idCardEnc), isNotNull(donors.mobileEnc)))
    .for('update');
  let changed = 0;
  for (const { id, ...fields } of rows) {
    const rotated = rotateFields(pii, fields);
    if (!rotated) continue;
    await tx.update(donors).set(rotated).where(eq(donors.id, id));
    changed++;
  }
  return changed;
}
