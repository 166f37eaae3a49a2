import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../testing/factories.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { batchIn, itemAt, warehouseAt, type WarehouseRow } from './report-fixtures.ts';
import { stockBatches, stockMovements } from './schema.ts';
import { moveStock, reserveStock } from './stock.ts';

let h: Harness;
let lx: string;
let lx2: string;
let xs: string;
let liangxi: number;
let n = 0;
const get = (url: string, cookie = lx) => h.req('GET', url, { cookie });
const post = (url: string, body: unknown = {}, cookie = lx) => h.req('POST', url, { cookie, body });

/** A fresh warehouse of 梁溪区 with batches of the given quantities (0 = a batch that was emptied). */
async function warehouseWith(quantities: number[], orgId = liangxi) {
  return h.ctx.db.transaction(async (tx) => {
    const wh = await warehouseAt(tx, orgId, `ST${++n}`, `盘点测试仓库 ${n}`);
    const item = await itemAt(tx, orgId, `ST-ITEM-${n}`, '棉被', { unit: '床', category: 'bedding' });
    const batches = [];
    for (const qty of quantities) {
      const b = await batchIn(tx, {
        warehouse: wh,
        itemId: item.id,
        quantity: Math.max(qty, 1),
        unitValueFen: 12_000,
      });
      if (qty === 0)
        await moveStock(tx, {
          batchId: b.id,
          kind: 'ship_out',
          quantity: 1,
          ref: 'test:empty',
          actor: '测试',
        });
      batches.push(b);
    }
    return { wh, batches };
  });
}

async function batch(id: number) {
  const [b] = await h.ctx.db.select().from(stockBatches).where(eq(stockBatches.id, id));
  return b!;
}

/** The stock card's sum for a batch: always equal to its on_hand. */
async function cardSum(id: number) {
  const [r] = await h.ctx.db
    .select({ s: sql<number>`coalesce(sum(${stockMovements.quantity}), 0)::int` })
    .from(stockMovements)
    .where(eq(stockMovements.batchId, id));
  return r!.s;
}

const start = (wh: WarehouseRow, cookie = lx) =>
  post('/api/relief/stocktakes', { warehouseId: wh.id }, cookie);

beforeAll(async () => {
  h = await startHarness();
  liangxi = h.seed.orgs.liangxi!;
  await makeUser(h.ctx, 'lx_approver', liangxi, 'admin');
  lx = await h.login('lx_admin');
  lx2 = await h.login('lx_approver');
  xs = await h.login('xs_admin');
});
afterAll(() => h?.close());

describe('stock-taking (盘点)', () => {
  it('snapshots the stock, counts, submits, and applies the approved variances to the stock card', async () => {
    const { wh, batches } = await warehouseWith([100, 40, 0, 25]);
    const [a, b, empty, c] = batches as [
      (typeof batches)[0],
      (typeof batches)[0],
      (typeof batches)[0],
      (typeof batches)[0],
    ];
    const res = await start(wh);
    expect(res.statusCode, res.body).toBe(200);
    const st = res.json();
    expect(st).toMatchObject({ status: 'counting', lineCount: 3, countedCount: 0, startedBy: 'lx_admin' });
    expect(st.lines.map((l: { batchId: number }) => l.batchId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(st.lines.find((l: { batchId: number }) => l.batchId === empty.id)).toBeUndefined();

    const again = await start(wh);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'STOCKTAKE_OPEN_EXISTS', fields: [{ field: 'warehouseId' }] });
    expect(again.json().message).toContain(String(st.id));

    const lineOf = (batchId: number) => st.lines.find((l: { batchId: number }) => l.batchId === batchId).id;
    // Typed by line; scanned by code, in any case.
    let counted = await post(`/api/relief/stocktakes/${st.id}/counts`, {
      counts: [
        { lineId: lineOf(a.id), countedQty: 97 },
        { batchCode: b.code.toLowerCase(), countedQty: 40 },
      ],
    });
    expect(counted.statusCode, counted.body).toBe(200);
    expect(counted.json()).toMatchObject({ countedCount: 2, varianceCount: 1, lossQty: 3 });

    const early = await post(`/api/relief/stocktakes/${st.id}/submit`);
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      code: 'STOCKTAKE_NOT_ALL_COUNTED',
      fields: [{ field: 'lines', code: 'STOCKTAKE_NOT_ALL_COUNTED' }],
    });
    expect(early.json().fields[0].message).toContain('1 个批次');

    counted = await post(`/api/relief/stocktakes/${st.id}/counts`, {
      counts: [{ batchCode: c.code, countedQty: 27 }],
    });
    const unexplained = await post(`/api/relief/stocktakes/${st.id}/submit`);
    expect(unexplained.statusCode).toBe(400);
    const field = unexplained.json().fields[0];
    expect(field.code).toBe('STOCKTAKE_REASON_REQUIRED');
    const index = Number(/^lines\.(\d+)\.varianceReason$/.exec(field.field)![1]);
    expect(counted.json().lines[index].variance).not.toBe(0);
    expect(field.message).toContain(counted.json().lines[index].batchCode);

    // A recount corrects (replaces) rather than adds.
    counted = await post(`/api/relief/stocktakes/${st.id}/counts`, {
      counts: [
        { lineId: lineOf(a.id), countedQty: 96, varianceReason: '4 床受潮霉变，已另行堆放' },
        { lineId: lineOf(c.id), countedQty: 27, varianceReason: '上次入库漏记 2 床' },
      ],
    });
    expect(counted.json()).toMatchObject({ gainQty: 2, lossQty: 4, varianceValueFen: -2 * 12_000 });
    const submitted = await post(`/api/relief/stocktakes/${st.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');

    const late = await post(`/api/relief/stocktakes/${st.id}/counts`, {
      counts: [{ lineId: lineOf(b.id), countedQty: 1 }],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('STOCKTAKE_NOT_COUNTING');

    const self = await post(`/api/relief/stocktakes/${st.id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('STOCKTAKE_SELF_APPROVAL');

    const approved = await post(`/api/relief/stocktakes/${st.id}/approve`, { comment: '同意' }, lx2);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'lx_approver', comment: '同意' });
    expect((await batch(a.id)).onHand).toBe(96);
    expect((await batch(b.id)).onHand).toBe(40);
    expect((await batch(c.id)).onHand).toBe(27);
    for (const x of [a, b, c]) expect(await cardSum(x.id)).toBe((await batch(x.id)).onHand);
    const moves = await h.ctx.db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.ref, `stocktake:${st.id}`));
    expect(moves.map((m) => [m.batchId, m.kind, m.quantity, m.note]).sort()).toEqual(
      [
        [a.id, 'stocktake_loss', -4, '4 床受潮霉变，已另行堆放'],
        [c.id, 'stocktake_gain', 2, '上次入库漏记 2 床'],
      ].sort(),
    );

    const twice = await post(`/api/relief/stocktakes/${st.id}/approve`, {}, lx2);
    expect(twice.json().code).toBe('STOCKTAKE_NOT_SUBMITTED');
    // The warehouse is free for the next count.
    expect((await start(wh)).statusCode).toBe(200);
  });

  it('measures variances against the snapshot: stock shipped during the count is not undone', async () => {
    const { wh, batches } = await warehouseWith([50]);
    const b = batches[0]!;
    const st = (await start(wh)).json();
    // The counters counted 50 in the morning; an allocation shipped 10 in the afternoon.
    await h.ctx.db.transaction((tx) =>
      moveStock(tx, { batchId: b.id, kind: 'ship_out', quantity: 10, ref: 'allocation:test', actor: '测试' }),
    );
    await post(`/api/relief/stocktakes/${st.id}/counts`, { counts: [{ batchCode: b.code, countedQty: 50 }] });
    expect((await post(`/api/relief/stocktakes/${st.id}/submit`)).statusCode).toBe(200);
    const approved = await post(`/api/relief/stocktakes/${st.id}/approve`, {}, lx2);
    expect(approved.json()).toMatchObject({ status: 'approved', varianceCount: 0 });
    expect((await batch(b.id)).onHand).toBe(40);
    expect(await cardSum(b.id)).toBe(40);
  });

  it('refuses at approval a loss larger than the free stock, naming the line, and moves nothing', async () => {
    const { wh, batches } = await warehouseWith([50, 10]);
    const [b, other] = batches as [(typeof batches)[0], (typeof batches)[0]];
    const st = (await start(wh)).json();
    await post(`/api/relief/stocktakes/${st.id}/counts`, {
      counts: [
        { batchCode: other.code, countedQty: 12, varianceReason: '找到 2 床' },
        { batchCode: b.code, countedQty: 20, varianceReason: '30 床去向不明' },
      ],
    });
    expect((await post(`/api/relief/stocktakes/${st.id}/submit`)).statusCode).toBe(200);
    // An allocation accepted meanwhile promised 45 of the 50.
    await h.ctx.db.transaction((tx) => reserveStock(tx, b.id, 45));
    const refused = await post(`/api/relief/stocktakes/${st.id}/approve`, {}, lx2);
    expect(refused.statusCode).toBe(409);
    const body = refused.json();
    expect(body.code).toBe('STOCKTAKE_LOSS_EXCEEDS_FREE');
    expect(body.message).toContain(b.code);
    expect(body.message).toContain('盘亏 30');
    expect(body.message).toContain('可用库存 5');
    const i = st.lines.findIndex((l: { batchId: number }) => l.batchId === b.id);
    expect(body.fields[0].field).toBe(`lines.${i}.countedQty`);
    // The gain of the other line rolled back with it.
    expect((await batch(other.id)).onHand).toBe(10);
    expect((await batch(b.id)).onHand).toBe(50);
    expect((await get(`/api/relief/stocktakes/${st.id}`)).json().status).toBe('submitted');

    const rejectSelf = await post(`/api/relief/stocktakes/${st.id}/reject`, { comment: '重盘' });
    expect(rejectSelf.json().code).toBe('STOCKTAKE_SELF_APPROVAL');
    const rejected = await post(
      `/api/relief/stocktakes/${st.id}/reject`,
      { comment: '与调拨冲突，待发运后重盘' },
      lx2,
    );
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', comment: '与调拨冲突，待发运后重盘' });
    expect((await batch(b.id)).onHand).toBe(50);
    expect((await post(`/api/relief/stocktakes/${st.id}/reject`, { comment: 'x' }, lx2)).json().code).toBe(
      'STOCKTAKE_ALREADY_CLOSED',
    );
  });

  it('adds a line for a batch found on the shelf that held nothing at the start, and refuses other warehouses’ codes', async () => {
    const { wh, batches } = await warehouseWith([5, 0]);
    const found = batches[1]!;
    const elsewhere = (await warehouseWith([3])).batches[0]!;
    const st = (await start(wh)).json();
    expect(st.lineCount).toBe(1);
    const res = await post(`/api/relief/stocktakes/${st.id}/counts`, {
      counts: [
        { batchCode: batches[0]!.code, countedQty: 5 },
        { batchCode: found.code, countedQty: 2, varianceReason: '退库未登记' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lines.find((l: { batchId: number }) => l.batchId === found.id)).toMatchObject({
      systemQty: 0,
      countedQty: 2,
      variance: 2,
    });
    const foreign = await post(`/api/relief/stocktakes/${st.id}/counts`, {
      counts: [{ batchCode: elsewhere.code, countedQty: 1 }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields[0]).toMatchObject({
      field: 'counts.0.batchCode',
      code: 'STOCKTAKE_BATCH_OTHER_WAREHOUSE',
    });
    const bad = await post(`/api/relief/stocktakes/${st.id}/counts`, {
      counts: [{ lineId: 999_999, countedQty: 1 }],
    });
    expect(bad.json().fields[0]).toMatchObject({
      field: 'counts.0.lineId',
      code: 'STOCKTAKE_LINE_NOT_FOUND',
    });
    expect((await post(`/api/relief/stocktakes/${st.id}/submit`)).statusCode).toBe(200);
    expect((await post(`/api/relief/stocktakes/${st.id}/approve`, {}, lx2)).statusCode).toBe(200);
    expect((await batch(found.id)).onHand).toBe(2);
    expect(await cardSum(found.id)).toBe(2);
  });

  it('refuses bad counts by field, in Chinese', async () => {
    const { wh } = await warehouseWith([5]);
    const st = (await start(wh)).json();
    const res = await post(`/api/relief/stocktakes/${st.id}/counts`, {
      counts: [{ lineId: st.lines[0].id, countedQty: -1 }, { countedQty: 3 }],
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['body.counts.0.countedQty', 'body.counts.1.lineId']);
    expect(res.json().fields[0].message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('the count sheet (盘点表)', () => {
  async function fill(
    file: Buffer,
    counts: Record<string, string | number>,
    reasons: Record<string, string> = {},
  ) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(3).values as unknown[]).map(String);
    const codeCol = header.indexOf('批次码');
    const countCol = header.indexOf('实盘数量');
    const reasonCol = header.indexOf('差异原因');
    ws.eachRow((row) => {
      const code = String(row.getCell(codeCol).value ?? '');
      if (code in counts) row.getCell(countCol).value = counts[code]!;
      if (code in reasons) row.getCell(reasonCol).value = reasons[code]!;
    });
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }

  it('prints every line in walking order, blind on request, and reads the filled-in sheet back', async () => {
    const { wh, batches } = await warehouseWith([30, 8]);
    const [a, b] = batches as [(typeof batches)[0], (typeof batches)[0]];
    const st = (await start(wh)).json();
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/relief/stocktakes/${st.id}/sheet.xlsx`,
      headers: { cookie: lx },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain(`盘点单 ${st.id} 号`);
    expect(ws.getRow(3).values).toContain('账面数量');
    expect(ws.pageSetup.orientation).toBe('landscape');
    const blind = await h.app.inject({
      method: 'GET',
      url: `/api/relief/stocktakes/${st.id}/sheet.xlsx?blind=1`,
      headers: { cookie: lx },
    });
    const bw = new ExcelJS.Workbook();
    await bw.xlsx.load(blind.rawPayload as unknown as ArrayBuffer);
    expect(bw.worksheets[0]!.getRow(3).values).not.toContain('账面数量');

    // A sheet with an error row writes nothing and says which row and column.
    const wrong = await post(`/api/relief/stocktakes/${st.id}/sheet`, {
      fileName: '盘点表.xlsx',
      contentBase64: await fill(res.rawPayload, { [a.code]: '二十九', [b.code]: 8 }),
    });
    expect(wrong.statusCode, wrong.body).toBe(200);
    expect(wrong.json()).toMatchObject({ applied: 0 });
    expect(wrong.json().errors[0].text).toMatch(/^第 \d+ 行「实盘数量」/);
    expect((await get(`/api/relief/stocktakes/${st.id}`)).json().countedCount).toBe(0);

    const ok = await post(`/api/relief/stocktakes/${st.id}/sheet`, {
      fileName: '盘点表.xlsx',
      contentBase64: await fill(res.rawPayload, { [a.code]: 29, [b.code]: 8 }, { [a.code]: '破损 1 床' }),
    });
    expect(ok.json()).toEqual({ rows: 2, applied: 2, errors: [] });
    const after = (await get(`/api/relief/stocktakes/${st.id}`)).json();
    expect(after).toMatchObject({ countedCount: 2, lossQty: 1 });
    expect(after.lines.find((l: { batchId: number }) => l.batchId === a.id).varianceReason).toBe('破损 1 床');

    // The re-exported sheet carries the counts: a round trip changes nothing.
    const again = await h.app.inject({
      method: 'GET',
      url: `/api/relief/stocktakes/${st.id}/sheet.xlsx`,
      headers: { cookie: lx },
    });
    const same = await post(`/api/relief/stocktakes/${st.id}/sheet`, {
      fileName: 'again.xlsx',
      contentBase64: again.rawPayload.toString('base64'),
    });
    expect(same.json().applied).toBe(2);
    expect((await get(`/api/relief/stocktakes/${st.id}`)).json().lines).toEqual(after.lines);

    const junk = await post(`/api/relief/stocktakes/${st.id}/sheet`, {
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('not a workbook').toString('base64'),
    });
    expect(junk.json().fields[0]).toMatchObject({
      field: 'contentBase64',
      code: 'STOCKTAKE_SHEET_UNREADABLE',
    });
  });
});

describe('scope', () => {
  it('shows a sibling society nothing of a count and lets it change nothing', async () => {
    const { wh } = await warehouseWith([5]);
    const st = (await start(wh)).json();
    expect((await get(`/api/relief/stocktakes/${st.id}`, xs)).statusCode).toBe(404);
    expect((await get(`/api/relief/stocktakes/${st.id}/sheet.xlsx`, xs)).statusCode).toBe(404);
    const list = (await get('/api/relief/stocktakes?pageSize=200', xs)).json();
    expect(list.items.map((s: { id: number }) => s.id)).not.toContain(st.id);
    expect(
      (
        await post(
          `/api/relief/stocktakes/${st.id}/counts`,
          { counts: [{ lineId: st.lines[0].id, countedQty: 1 }] },
          xs,
        )
      ).statusCode,
    ).toBe(404);
    expect((await post(`/api/relief/stocktakes/${st.id}/reject`, { comment: '越权' }, xs)).statusCode).toBe(
      404,
    );
    const foreign = await start(wh, xs);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields[0]).toMatchObject({ field: 'warehouseId', code: 'NOT_FOUND' });
    // The city above sees it.
    const wx = await h.login('wx_admin');
    expect((await get(`/api/relief/stocktakes/${st.id}`, wx)).statusCode).toBe(200);
    const exported = await get('/api/relief/stocktakes/export.xlsx', wx);
    expect(exported.statusCode).toBe(200);
  });
});

describe('the demo', () => {
  it('shows an approved count with a variance, a count under way, expired masks to write off and returned tents', async () => {
    const wx = await h.login('wx_admin');
    const counts = (await get('/api/relief/stocktakes?pageSize=200', wx)).json().items as {
      status: string;
      varianceCount: number;
      warehouseName: string;
    }[];
    expect(
      counts.some(
        (s) =>
          s.status === 'approved' && s.varianceCount === 1 && s.warehouseName === '无锡市红十字会备灾仓库',
      ),
    ).toBe(true);
    expect(
      counts.some((s) => s.status === 'counting' && s.warehouseName === '梁溪区红十字会应急物资储备点'),
    ).toBe(true);
    const pending = (await get('/api/relief/adjustments?kind=write_off&status=requested', lx)).json().items;
    expect(
      pending.some(
        (a: { itemName: string; reason: string }) => a.itemName === '医用外科口罩' && a.reason === 'expired',
      ),
    ).toBe(true);
    const js = await h.login('js_admin');
    const returns = (await get('/api/relief/adjustments?kind=return_in', js)).json().items;
    expect(
      returns.some(
        (a: { itemName: string; quantity: number }) => a.itemName === '单帐篷' && a.quantity === 12,
      ),
    ).toBe(true);
    const expired = (await get('/api/relief/expiry?state=expired', lx)).json().items;
    expect(
      expired.some(
        (e: { itemName: string; pendingWriteOffQty: number }) =>
          e.itemName === '医用外科口罩' && e.pendingWriteOffQty === 40,
      ),
    ).toBe(true);
  });
});
