import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPiiVault } from '../../platform/pii/index.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { rotateStaffPii } from './rotate-pii.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const mobiles = async () =>
  (
    (await h.ctx.db.execute(
      sql`select id, mobile_enc, mobile_hash from users where mobile_enc is not null order by id`,
    )) as unknown as {
      rows: { id: number; mobile_enc: string; mobile_hash: string }[];
    }
  ).rows;

describe('personal-data key rotation', () => {
  it('re-encrypts staff mobiles under a new key, keeps them readable and findable, and is idempotent', async () => {
    const before = await mobiles();
    expect(before.length).toBeGreaterThan(3);
    const oldKey = Buffer.alloc(32, 7);
    const newKey = Buffer.alloc(32, 8);
    const rotated = createPiiVault({
      keys: { t1: oldKey, t2: newKey },
      activeKeyId: 't2',
      lookupKey: Buffer.alloc(32, 9),
    });
    const plain = before.map((r) => h.ctx.pii.decrypt(r.mobile_enc));

    const changed = await h.ctx.db.transaction((tx) => rotateStaffPii(tx, rotated));
    expect(changed).toBe(before.length);
    const after = await mobiles();
    after.forEach((r, i) => {
      expect(r.mobile_enc).not.toBe(before[i]!.mobile_enc);
      expect(rotated.needsRotation(r.mobile_enc)).toBe(false);
      expect(rotated.decrypt(r.mobile_enc)).toBe(plain[i]);
      expect(r.mobile_hash).toBe(before[i]!.mobile_hash);
    });
    // the old key alone can no longer read them: the rotation really moved the data
    expect(() => h.ctx.pii.decrypt(after[0]!.mobile_enc)).toThrow();
    expect(await h.ctx.db.transaction((tx) => rotateStaffPii(tx, rotated))).toBe(0);
  });
});
