import { eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { rotateFields, type PiiVault } from '../../platform/pii/index.ts';
import { paymentOrders } from './schema.ts';

/** Key rotation for the mobile numbers donors leave on scan orders (see staff/rotate-pii.ts for the contract). */
export async function rotatePaymentPii(tx: Tx, pii: PiiVault): Promise<number> {
  const rows = await tx
    .select({ id: paymentOrders.id, mobileEnc: paymentOrders.mobileEnc })
    .from(paymentOrders)
    .where(isNotNull(paymentOrders.mobileEnc))
    .for('update');
  let changed = 0;
  for (const { id, ...fields } of rows) {
    const rotated = rotateFields(pii, fields);
    if (!rotated) continue;
    await tx.update(paymentOrders).set(rotated).where(eq(paymentOrders.id, id));
    changed++;
  }
  return changed;
}
