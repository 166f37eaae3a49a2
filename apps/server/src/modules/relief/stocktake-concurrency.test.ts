import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { makeUser } from '../../testing/factories.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { batchIn, itemAt, warehouseAt } from './report-fixtures.ts';
import { stockBatches, stockMovements } from './schema.ts';
import { reserveStock } from './stock.ts';

/**
 * A stock-take's loss racing an allocation's reservation of the same batch. On PostgreSQL the app's
 * pool runs the approval and the reservation on different connections at once: whichever commits
 * first, the other must see it — free stock (on hand − reserved) never goes below zero.
 */
let h: Harness;
let lx: string;
let lx2: string;
const post = (url: string, body: unknown, cookie: string) => h.req('POST', url, { cookie, body });

beforeAll(async () => {
  h = await startHarness();
  await makeUser(h.ctx, 'lx_approver', h.seed.orgs.liangxi!, 'admin');
  lx = await h.login('lx_admin');
  lx2 = await h.login('lx_approver');
});
afterAll(() => h?.close());

describe('stock-take approval against a concurrent reservation', () => {
  it('never lets a loss and a reservation together take more than the batch holds', async () => {
    const liangxi = h.seed.orgs.liangxi!;
    const { wh, itemId } = await h.ctx.db.transaction(async (tx) => {
      const wh = await warehouseAt(tx, liangxi, 'CONC', '并发测试仓库');
      const item = await itemAt(tx, liangxi, 'CONC-TENT', '单帐篷', { unit: '顶', category: 'shelter' });
      return { wh, itemId: item.id };
    });
    const outcomes = { approval: 0, reservation: 0 };
    for (let round = 0; round < 12; round++) {
      const batch = await h.ctx.db.transaction((tx) =>
        batchIn(tx, { warehouse: wh, itemId, quantity: 100, unitValueFen: 50_000 }),
      );
      const st = (await post('/api/relief/stocktakes', { warehouseId: wh.id }, lx)).json();
      await post(
        `/api/relief/stocktakes/${st.id}/counts`,
        {
          counts: st.lines.map((l: { id: number; batchId: number; systemQty: number }) => ({
            lineId: l.id,
            countedQty: l.batchId === batch.id ? 40 : l.systemQty,
            varianceReason: '台风期间仓库进水，60 顶损毁',
          })),
        },
        lx,
      );
      expect((await post(`/api/relief/stocktakes/${st.id}/submit`, {}, lx)).statusCode).toBe(200);

      const [approval, reservation] = await Promise.all([
        post(`/api/relief/stocktakes/${st.id}/approve`, {}, lx2),
        h.ctx.db
          .transaction((tx) => reserveStock(tx, batch.id, 50))
          .then(
            () => 'reserved' as const,
            (e: unknown) => {
              if (e instanceof AppError && e.code === 'STOCK_INSUFFICIENT') return 'refused' as const;
              throw e;
            },
          ),
      ]);
      const approved = approval.statusCode === 200;
      if (!approved) expect(approval.json().code).toBe('STOCKTAKE_LOSS_EXCEEDS_FREE');
      // Exactly one of the two fits: 100 − 60 = 40 < 50, and 100 − 50 = 50 < 60.
      expect(Number(approved) + Number(reservation === 'reserved')).toBe(1);
      outcomes[approved ? 'approval' : 'reservation']++;

      const [b] = await h.ctx.db.select().from(stockBatches).where(eq(stockBatches.id, batch.id));
      expect(b!.onHand - b!.reserved).toBeGreaterThanOrEqual(0);
      expect(b!.onHand).toBe(approved ? 40 : 100);
      const [card] = await h.ctx.db
        .select({ s: sql<number>`sum(${stockMovements.quantity})::int` })
        .from(stockMovements)
        .where(eq(stockMovements.batchId, batch.id));
      expect(card!.s).toBe(b!.onHand);
      // Close a refused count so the warehouse can be counted again next round.
      if (!approved) await post(`/api/relief/stocktakes/${st.id}/reject`, { comment: '重盘' }, lx2);
    }
    expect(outcomes.approval + outcomes.reservation).toBe(12);
  });
});
