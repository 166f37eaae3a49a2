import { isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPiiVault } from '../../platform/pii/index.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { rotatePaymentPii } from './rotate-pii.ts';
import { paymentOrders } from './schema.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const mobiles = () =>
  h.ctx.db
    .select({ id: paymentOrders.id, enc: paymentOrders.mobileEnc, hash: paymentOrders.mobileHash })
    .from(paymentOrders)
    .where(isNotNull(paymentOrders.mobileEnc))
    .orderBy(paymentOrders.id);

describe('personal-data key rotation of scan orders', () => {
  it('re-encrypts the mobiles donors left on scan orders, keeps them readable and findable, once', async () => {
    const before = await mobiles();
    expect(before.length).toBeGreaterThanOrEqual(2); // the demo's scan donors who left a phone
    const plain = before.map((r) => h.ctx.pii.decrypt(r.enc!));
    const rotated = createPiiVault({
      keys: { t1: Buffer.alloc(32, 7), t2: Buffer.alloc(32, 8) },
      activeKeyId: 't2',
      lookupKey: Buffer.alloc(32, 9),
    });
    expect(await h.ctx.db.transaction((tx) => rotatePaymentPii(tx, rotated))).toBe(before.length);
    const after = await mobiles();
    after.forEach((r, i) => {
      expect(r.enc).not.toBe(before[i]!.enc);
      expect(rotated.decrypt(r.enc!)).toBe(plain[i]);
      expect(r.hash).toBe(before[i]!.hash);
    });
    expect(() => h.ctx.pii.decrypt(after[0]!.enc!)).toThrow();
    expect(await h.ctx.db.transaction((tx) => rotatePaymentPii(tx, rotated))).toBe(0);
  });
});
