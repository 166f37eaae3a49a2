import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../testing/factories.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { batch, expectCardBalanced, newItem, poster, stock, warehouseOf } from './allocation-fixtures.ts';

/**
 * Stock never goes negative nor is promised twice, whatever runs at once. Meant for PostgreSQL
 * (TEST_DATABASE_URL): there the app's pool runs these requests on ten connections in parallel
 * transactions; on PGlite (one connection) they serialise and the same invariants must hold.
 */
let h: Harness;
let post: ReturnType<typeof poster>;
let wx: string;
let wx2: string;
let wuxiWh: number;
let liangxiWh: number;
const STOCK = 500;
const REQUESTS = 60;

beforeAll(async () => {
  h = await startHarness();
  post = poster(h);
  await makeUser(h.ctx, 'wx_second', h.seed.orgs.wuxi!, 'admin');
  wx = await h.login('wx_admin');
  wx2 = await h.login('wx_second');
  wuxiWh = (await warehouseOf(h, 'wuxi')).id;
  liangxiWh = (await warehouseOf(h, 'liangxi')).id;
});
afterAll(() => h?.close());

describe('concurrent allocations of one batch', () => {
  it(`accepts no more than the stock of ${REQUESTS} concurrent requests, and ships exactly what it accepted`, async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: STOCK }]);
    // Deterministic sizes 1–20 (Σ ≈ 630 > 500), half naming the batch, half leaving it to FEFO.
    const sizes = Array.from({ length: REQUESTS }, (_, i) => ((i * 7) % 20) + 1);
    const answers = await Promise.all(
      sizes.map((quantity, i) =>
        post('/api/relief/allocations', wx, {
          fromWarehouseId: wuxiWh,
          destination: 'warehouse',
          toWarehouseId: liangxiWh,
          purpose: `并发调拨 ${i}`,
          lines: [{ itemId: item.id, quantity, ...(i % 2 ? { batchId: b!.id } : {}) }],
        }),
      ),
    );
    const accepted = answers.filter((r) => r.statusCode === 200).map((r) => r.json());
    const refused = answers.filter((r) => r.statusCode !== 200);
    for (const r of refused) {
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().fields[0].code).toBe('STOCK_INSUFFICIENT');
    }
    const taken = accepted.reduce((s, a) => s + a.totalQty, 0);
    expect(taken).toBeLessThanOrEqual(STOCK);
    const afterRequests = await expectCardBalanced(h, b!.id);
    expect(afterRequests.reserved).toBe(taken);
    // Every refusal asked for more than was left when it was decided, and what is left only shrank.
    const free = afterRequests.onHand - afterRequests.reserved;
    sizes.forEach((q, i) => {
      if (answers[i]!.statusCode !== 200) expect(q).toBeGreaterThan(free);
    });

    const step = (path: string, cookie: string, body: (a: { id: number }) => unknown) =>
      Promise.all(accepted.map((a) => post(`/api/relief/allocations/${a.id}/${path}`, cookie, body(a))));
    expect((await step('approve', wx2, () => ({}))).map((r) => r.statusCode)).toEqual(
      accepted.map(() => 200),
    );
    const picked = await step('scans', wx, () => ({ task: 'pick', items: [{ code: b!.code }] }));
    expect(picked.every((r) => r.json().allocation?.pickedQty === r.json().allocation?.totalQty)).toBe(true);
    const shipped = await step('ship', wx, () => ({ carrier: '并发承运' }));
    expect(shipped.map((r) => r.statusCode)).toEqual(accepted.map(() => 200));
    const end = await expectCardBalanced(h, b!.id);
    expect(end).toMatchObject({ onHand: STOCK - taken, reserved: 0 });
  });

  it('ends a concurrently approved and cancelled request cancelled, with nothing left reserved', async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 100 }]);
    for (let i = 0; i < 8; i++) {
      const a = (
        await post('/api/relief/allocations', wx, {
          fromWarehouseId: wuxiWh,
          destination: 'warehouse',
          toWarehouseId: liangxiWh,
          purpose: '并发审批',
          lines: [{ itemId: item.id, quantity: 5 }],
        })
      ).json();
      const [approve, cancel] = await Promise.all([
        post(`/api/relief/allocations/${a.id}/approve`, wx2),
        post(`/api/relief/allocations/${a.id}/cancel`, wx, { reason: '撤回' }),
      ]);
      // Cancel may follow an approval (not yet shipped); an approval never follows a cancel.
      if (approve.statusCode === 200) expect(cancel.statusCode).toBe(200);
      else expect(approve.json().code).toBe('ALLOCATION_WRONG_STATUS');
    }
    expect((await batch(h, b!.id)).reserved).toBe(0);
  });
});
