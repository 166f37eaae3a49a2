import { eq, isNotNull, or } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { donors } from './schema.ts';

/** Key rotation for donors' 身份证 and mobile (see staff/rotate-pii.ts for the contract). */
export async function rotateDonorPii(tx: Tx, pii: PiiVault): Promise<number> {
  const rows = await tx
    .select({ id: donors.id, idCardEnc: donors.idCardEnc, mobileEnc: donors.mobileEnc })
    .from(donors)
    .where(or(isNotNull(donors.idCardEnc), isNotNull(donors.mobileEnc)))
    .for('update');
  let changed = 0;
  for (const r of rows) {
    const idCardEnc =
      r.idCardEnc && pii.needsRotation(r.idCardEnc) ? pii.reencrypt(r.idCardEnc) : r.idCardEnc;
    const mobileEnc =
      r.mobileEnc && pii.needsRotation(r.mobileEnc) ? pii.reencrypt(r.mobileEnc) : r.mobileEnc;
    if (idCardEnc === r.idCardEnc && mobileEnc === r.mobileEnc) continue;
    await tx.update(donors).set({ idCardEnc, mobileEnc }).where(eq(donors.id, r.id));
    changed++;
  }
  return changed;
}
