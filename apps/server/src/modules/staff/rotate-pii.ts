import { eq, isNotNull, or } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { rotateFields, type PiiVault } from '../../platform/pii/index.ts';
import { users } from './schema.ts';

/**
 * Key rotation for staff accounts: re-encrypts every mobile number and TOTP secret that is not
 * under the active key. Idempotent (rows already rotated are skipped), so an interrupted run is
 * simply started again. The lookup hash does not change: it uses its own, unrotated key.
 */
export async function rotateStaffPii(tx: Tx, pii: PiiVault): Promise<number> {
  const rows = await tx
    .select({ id: users.id, mobileEnc: users.mobileEnc, totpSecretEnc: users.totpSecretEnc })
    .from(users)
    .where(or(isNotNull(users.mobileEnc), isNotNull(users.totpSecretEnc)))
    .for('update');
  let changed = 0;
  for (const { id, ...fields } of rows) {
    const rotated = rotateFields(pii, fields);
    if (!rotated) continue;
    await tx.update(users).set(rotated).where(eq(users.id, id));
    changed++;
  }
  return changed;
}
