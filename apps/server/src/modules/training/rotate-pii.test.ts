import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPiiVault } from '../../platform/pii/index.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { rotateTrainingPii } from './rotate-pii.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const tokens = async () =>
  (
    (await h.ctx.db.execute(
      sql`select 't' || id as k, id_card_enc as v from training_trainees where id_card_enc is not null
          union all select 'm' || id, mobile_enc from training_trainees where mobile_enc is not null
          union all select 'i' || id, mobile_enc from training_instructors where mobile_enc is not null
          union all select 'r' || id, rows_enc from training_imports
          order by 1`,
    )) as unknown as { rows: { k: string; v: string }[] }
  ).rows;

describe('personal-data key rotation of training records', () => {
  it('re-encrypts trainees’ 身份证 and mobiles, instructors’ mobiles and stored rosters; readable after, idempotent', async () => {
    const before = await tokens();
    expect(before.filter((r) => r.k.startsWith('r')).length).toBeGreaterThan(3);
    const rotated = createPiiVault({
      keys: { t1: Buffer.alloc(32, 7), t2: Buffer.alloc(32, 8) },
      activeKeyId: 't2',
      lookupKey: Buffer.alloc(32, 9),
    });
    const plain = before.map((r) => h.ctx.pii.decrypt(r.v));
    const changed = await h.ctx.db.transaction((tx) => rotateTrainingPii(tx, rotated));
    expect(changed).toBeGreaterThan(0);
    const after = await tokens();
    expect(after.map((r) => r.k)).toEqual(before.map((r) => r.k));
    after.forEach((r, i) => {
      expect(rotated.needsRotation(r.v)).toBe(false);
      expect(rotated.decrypt(r.v)).toBe(plain[i]);
    });
    expect(() => h.ctx.pii.decrypt(after[0]!.v)).toThrow();
    expect(await h.ctx.db.transaction((tx) => rotateTrainingPii(tx, rotated))).toBe(0);
  });
});
