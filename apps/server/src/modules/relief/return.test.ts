import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { batchIn, itemAt, warehouseAt, type WarehouseRow } from './report-fixtures.ts';
import { allocationLines, allocationPicks, allocations, stockBatches, stockMovements } from './schema.ts';
import { moveStock, reserveStock } from './stock.ts';

let h: Harness;
let wx: string;
let lx: string;
let xs: string;
let cityWh: WarehouseRow;
let countyWh: WarehouseRow;
let tentId: number;
const get = (url: string, cookie = wx) => h.req('GET', url, { cookie });
const post = (url: string, body: unknown = {}, cookie = wx) => h.req('POST', url, { cookie, body });
const batch = async (id: number) =>
  (await h.ctx.db.select().from(stockBatches).where(eq(stockBatches.id, id)))[0]!;
const cardSum = async (id: number) =>
  (
    await h.ctx.db
      .select({ s: sql<number>`sum(${stockMovements.quantity})::int` })
      .from(stockMovements)
      .where(eq(stockMovements.batchId, id))
  )[0]!.s;

/**
 * An allocation of 无锡市 to 梁溪区 that was shipped and signed for, written straight into the tables
 * (the allocation part's own tests drive its use cases): `shipped` tents left the city's batch; at a
 * warehouse destination `received` of them arrived as a transfer batch there.
 */
async function signedAllocation(
  destination: 'org' | 'warehouse',
  shipped: number,
  received = shipped,
  status = 'signed',
) {
  return h.ctx.db.transaction(async (tx) => {
    const src = await batchIn(tx, { warehouse: cityWh, itemId: tentId, quantity: 500, unitValueFen: 80_000 });
    const liangxi = h.seed.orgs.liangxi!;
    const [alloc] = await tx
      .insert(allocations)
      .values({
        orgId: cityWh.orgId,
        fromWarehouseId: cityWh.id,
        destination,
        toWarehouseId: destination === 'warehouse' ? countyWh.id : null,
        toOrgId: liangxi,
        purpose: '台风“梅花”转移安置',
        status,
        valueFen: shipped * 80_000,
        requestedByOrgId: liangxi,
        requestedBy: 'lx_admin',
      })
      .returning();
    const [line] = await tx
      .insert(allocationLines)
      .values({ orgId: cityWh.orgId, allocationId: alloc!.id, itemId: tentId, quantity: shipped })
      .returning();
    await reserveStock(tx, src.id, shipped);
    await moveStock(tx, {
      batchId: src.id,
      kind: 'ship_out',
      quantity: shipped,
      ref: `allocation:${alloc!.id}`,
      actor: 'wx_admin',
      fromReserved: true,
    });
    const dest =
      destination === 'warehouse'
        ? await batchIn(tx, {
            warehouse: countyWh,
            itemId: tentId,
            quantity: received,
            unitValueFen: 80_000,
            source: 'transfer',
            parentBatchId: src.id,
            ref: `allocation-signed:${alloc!.id}`,
          })
        : null;
    const [pick] = await tx
      .insert(allocationPicks)
      .values({
        orgId: cityWh.orgId,
        allocationId: alloc!.id,
        lineId: line!.id,
        batchId: src.id,
        quantity: shipped,
        pickedQty: shipped,
        receivedQty: status === 'signed' ? received : null,
        destBatchId: dest?.id ?? null,
      })
      .returning();
    return { alloc: alloc!, pick: pick!, src, dest };
  });
}

beforeAll(async () => {
  h = await startHarness();
  wx = await h.login('wx_admin');
  lx = await h.login('lx_admin');
  xs = await h.login('xs_admin');
  await h.ctx.db.transaction(async (tx) => {
    cityWh = await warehouseAt(tx, h.seed.orgs.wuxi!, 'RT-CITY', '无锡市备灾仓库');
    countyWh = await warehouseAt(tx, h.seed.orgs.liangxi!, 'RT-COUNTY', '梁溪区应急物资库');
    tentId = (
      await itemAt(tx, h.seed.orgs.wuxi!, 'RT-TENT', '12 平方米单帐篷', { unit: '顶', category: 'shelter' })
    ).id;
  });
});
afterAll(() => h?.close());

describe('returns into stock (退回入库)', () => {
  it('takes unused goods back into the very batch they left, never more than arrived', async () => {
    const { alloc, pick, src } = await signedAllocation('org', 100, 96);
    const view = (await get(`/api/relief/returns/allocations/${alloc.id}`)).json();
    expect(view.picks).toEqual([
      expect.objectContaining({
        pickId: pick.id,
        batchCode: src.code,
        receivedQty: 96,
        returnedQty: 0,
        returnableQty: 96,
      }),
    ]);
    const first = await post('/api/relief/returns/in', {
      allocationId: alloc.id,
      lines: [{ pickId: pick.id, quantity: 60 }],
      reason: '灾后安置点撤除，未使用帐篷退回',
    });
    expect(first.statusCode, first.body).toBe(200);
    const [adj] = first.json();
    expect(adj).toMatchObject({
      kind: 'return_in',
      status: 'done',
      allocationId: alloc.id,
      batchId: src.id,
      quantity: 60,
    });
    expect((await batch(src.id)).onHand).toBe(500 - 100 + 60);
    expect(await cardSum(src.id)).toBe(460);
    const [move] = await h.ctx.db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.ref, `adjustment:${adj.id}`));
    expect(move).toMatchObject({ kind: 'return_in', quantity: 60, batchId: src.id });

    const over = await post('/api/relief/returns/in', {
      allocationId: alloc.id,
      lines: [{ pickId: pick.id, quantity: 37 }],
      reason: '再次退回',
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().fields[0]).toMatchObject({
      field: 'lines.0.quantity',
      code: 'RETURN_EXCEEDS_RECEIVED',
    });
    expect(over.json().fields[0].message).toContain('最多还能退回 36（签收 96，已退回 60）');
    expect(
      (
        await post('/api/relief/returns/in', {
          allocationId: alloc.id,
          lines: [{ pickId: pick.id, quantity: 36 }],
          reason: '余下退回',
        })
      ).statusCode,
    ).toBe(200);
    expect((await get(`/api/relief/returns/allocations/${alloc.id}`)).json().picks[0]).toMatchObject({
      returnedQty: 96,
      returnableQty: 0,
    });
    const listed = (await get(`/api/relief/adjustments?allocationId=${alloc.id}`)).json();
    expect(listed.total).toBe(2);
  });

  it('moves goods out of a destination warehouse and into the source batch in one transaction', async () => {
    const { alloc, pick, src, dest } = await signedAllocation('warehouse', 50);
    const res = await post('/api/relief/returns/in', {
      allocationId: alloc.id,
      lines: [{ pickId: pick.id, quantity: 20 }],
      reason: '区库容量不足，退回市库',
    });
    expect(res.statusCode, res.body).toBe(200);
    const ref = `adjustment:${res.json()[0].id}`;
    const moves = await h.ctx.db.select().from(stockMovements).where(eq(stockMovements.ref, ref));
    expect(moves.map((m) => [m.batchId, m.kind, m.quantity]).sort()).toEqual(
      [
        [dest!.id, 'return_out', -20],
        [src.id, 'return_in', 20],
      ].sort(),
    );
    expect((await batch(dest!.id)).onHand).toBe(30);
    expect((await batch(src.id)).onHand).toBe(470);

    // What the county has promised onwards cannot go back: refused, and neither batch moves.
    await h.ctx.db.transaction((tx) => reserveStock(tx, dest!.id, 25));
    expect((await get(`/api/relief/returns/allocations/${alloc.id}`)).json().picks[0].returnableQty).toBe(5);
    const refused = await post('/api/relief/returns/in', {
      allocationId: alloc.id,
      lines: [{ pickId: pick.id, quantity: 10 }],
      reason: '继续退回',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fields[0]).toMatchObject({
      field: 'lines.0.quantity',
      code: 'RETURN_DEST_STOCK_INSUFFICIENT',
    });
    expect(refused.json().fields[0].message).toContain(dest!.code);
    expect((await batch(dest!.id)).onHand).toBe(30);
    expect((await batch(src.id)).onHand).toBe(470);
    for (const id of [src.id, dest!.id]) expect(await cardSum(id)).toBe((await batch(id)).onHand);
    // The county's own staff may not empty the city's books: both ends must be theirs to move.
    expect(
      (
        await post(
          '/api/relief/returns/in',
          { allocationId: alloc.id, lines: [{ pickId: pick.id, quantity: 1 }], reason: 'x' },
          lx,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('refuses returns from an allocation not yet signed, unknown picks and a sibling society', async () => {
    const shipped = await signedAllocation('org', 10, 10, 'shipped');
    const early = await post('/api/relief/returns/in', {
      allocationId: shipped.alloc.id,
      lines: [{ pickId: shipped.pick.id, quantity: 1 }],
      reason: '退回',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('RETURN_ALLOCATION_NOT_SIGNED');
    const { alloc } = await signedAllocation('org', 10);
    const wrong = await post('/api/relief/returns/in', {
      allocationId: alloc.id,
      lines: [{ pickId: shipped.pick.id, quantity: 1 }],
      reason: '退回',
    });
    expect(wrong.json().fields[0]).toMatchObject({ field: 'lines.0.pickId', code: 'RETURN_PICK_NOT_FOUND' });
    const sibling = await post(
      '/api/relief/returns/in',
      { allocationId: alloc.id, lines: [{ pickId: 1, quantity: 1 }], reason: '退回' },
      xs,
    );
    expect(sibling.statusCode).toBe(400);
    expect(sibling.json().fields[0]).toMatchObject({ field: 'allocationId', code: 'NOT_FOUND' });
    expect((await get(`/api/relief/returns/allocations/${alloc.id}`, xs)).statusCode).toBe(404);
  });
});

describe('returns to the supplier or donor (退货出库)', () => {
  it('sends back only free stock and records who it went to', async () => {
    const src = await h.ctx.db.transaction((tx) =>
      batchIn(tx, { warehouse: cityWh, itemId: tentId, quantity: 40, unitValueFen: 80_000 }),
    );
    await h.ctx.db.transaction((tx) => reserveStock(tx, src.id, 15));
    const body = {
      batchCode: src.code,
      quantity: 26,
      counterparty: '江苏某帐篷厂',
      reason: '支架批次性断裂，厂家召回',
    };
    const over = await post('/api/relief/returns/out', body);
    expect(over.statusCode).toBe(409);
    expect(over.json().fields[0]).toMatchObject({ field: 'quantity', code: 'STOCK_INSUFFICIENT' });
    const res = await post('/api/relief/returns/out', { ...body, quantity: 25 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'return_out',
      status: 'done',
      counterparty: '江苏某帐篷厂',
      quantity: 25,
    });
    expect(await batch(src.id)).toMatchObject({ onHand: 15, reserved: 15 });
    const [move] = await h.ctx.db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.ref, `adjustment:${res.json().id}`));
    expect(move).toMatchObject({ kind: 'return_out', quantity: -25 });
    expect((await post('/api/relief/returns/out', body, xs)).json().fields[0]).toMatchObject({
      field: 'batchCode',
      code: 'NOT_FOUND',
    });
    expect((await post('/api/relief/returns/out', { ...body, counterparty: '' })).statusCode).toBe(400);
  });
});
