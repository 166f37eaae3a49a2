import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerOutbox } from '../../platform/ledger/index.ts';
import { makeUser } from '../../testing/factories.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import {
  batch,
  designate,
  expectCardBalanced,
  expire,
  newEvent,
  newItem,
  poster,
  stock,
  warehouseOf,
} from './allocation-fixtures.ts';
import { allocationLedgerEntries } from './allocation-ledger.ts';
import { stockBatches, stockMovements } from './schema.ts';

let h: Harness;
let post: ReturnType<typeof poster>;
let wx: string;
let wx2: string;
let lx: string;
let sz: string;
let wuxiWh: number;
let liangxiWh: number;

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);

beforeAll(async () => {
  h = await startHarness();
  post = poster(h);
  await makeUser(h.ctx, 'wx_second', h.seed.orgs.wuxi!, 'admin');
  wx = await h.login('wx_admin');
  wx2 = await h.login('wx_second');
  lx = await h.login('lx_admin');
  sz = await h.login('sz_admin');
  wuxiWh = (await warehouseOf(h, 'wuxi')).id;
  liangxiWh = (await warehouseOf(h, 'liangxi')).id;
});
afterAll(() => h?.close());

/** An approved allocation of `quantity` from the 无锡市 warehouse to 梁溪区's (or elsewhere). */
async function approved(itemId: number, quantity: number, body: Record<string, unknown> = {}) {
  const req = await post('/api/relief/allocations', wx, {
    fromWarehouseId: wuxiWh,
    destination: 'warehouse',
    toWarehouseId: liangxiWh,
    purpose: '测试发运',
    lines: [{ itemId, quantity }],
    ...body,
  });
  expect(req.statusCode, req.body).toBe(200);
  const ok = await post(`/api/relief/allocations/${req.json().id}/approve`, wx2);
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json();
}
const scan = (
  id: number,
  task: string,
  items: { code: string; quantity?: number }[],
  cookie = wx,
  key?: string,
) => post(`/api/relief/allocations/${id}/scans`, cookie, { task, items }, key);

describe('拣货 by scanning', () => {
  it('confirms reserved batches by label, a typed partial quantity, and twice changes nothing', async () => {
    const item = await newItem(h);
    const [a1, a2] = await stock(h, 'wuxi', item.id, [{ quantity: 10 }, { quantity: 10 }]);
    const a = await approved(item.id, 15);
    expect(a.can.pick).toBe(true);
    const first = await scan(a.id, 'pick', [
      { code: a1!.code.toLowerCase() },
      { code: ` ${a2!.code} `, quantity: 3 },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    expect(first.json().results[0].message).toBe('已拣 10/10 箱');
    expect(first.json().allocation.pickedQty).toBe(13);
    const again = await scan(a.id, 'pick', [{ code: a1!.code }, { code: a1!.code }]);
    expect(again.json().allocation.pickedQty).toBe(13);
    const over = await scan(a.id, 'pick', [{ code: a2!.code, quantity: 6 }]);
    expect(over.json().results[0]).toMatchObject({ ok: false, errorCode: 'ALLOCATION_PICK_QTY_EXCEEDS' });
    const done = await scan(a.id, 'pick', [{ code: a2!.code }]);
    expect(done.json().allocation).toMatchObject({ pickedQty: 15, can: { pick: false, ship: true } });
  });

  it('swaps the reservation to another batch of the item scanned instead, within expiry and designation', async () => {
    const item = await newItem(h);
    const [reserved, spare, old, kept] = await stock(h, 'wuxi', item.id, [
      { quantity: 10, expiresOn: null },
      { quantity: 10, expiresOn: null },
      { quantity: 10, expiresOn: null },
      { quantity: 10, expiresOn: null },
    ]);
    const a = await approved(item.id, 8, {
      lines: [{ itemId: item.id, quantity: 8, batchId: reserved!.id }],
    });
    await expire(h, old!.id);
    await designate(h, kept!.id, { designatedOrgId: h.seed.orgs.xishan!, designation: '定向锡山区' });
    const res = await scan(a.id, 'pick', [
      { code: old!.code },
      { code: kept!.code },
      { code: spare!.code, quantity: 5 },
    ]);
    expect(res.json().results.map((r: { errorCode: string | null }) => r.errorCode)).toEqual([
      'ALLOCATION_BATCH_EXPIRED',
      'ALLOCATION_DESIGNATED_ELSEWHERE',
      null,
    ]);
    const picks = res
      .json()
      .allocation.picks.map((p: { batchId: number; quantity: number; pickedQty: number }) => [
        p.batchId,
        p.quantity,
        p.pickedQty,
      ]);
    expect(picks).toContainEqual([spare!.id, 5, 5]);
    expect(picks).toContainEqual([reserved!.id, 3, 0]);
    expect((await expectCardBalanced(h, reserved!.id)).reserved).toBe(3);
    expect((await expectCardBalanced(h, spare!.id)).reserved).toBe(5);
    // Scanning the rest of the reserved batch, then the swapped one again: nothing moves.
    const rest = await scan(a.id, 'pick', [{ code: reserved!.code }, { code: spare!.code }]);
    expect(rest.json().allocation).toMatchObject({ pickedQty: 8, totalQty: 8 });
    const full = await scan(a.id, 'pick', [
      { code: (await stock(h, 'wuxi', item.id, [{ quantity: 4 }]))[0]!.code },
    ]);
    expect(full.json().results[0].errorCode).toBe('ALLOCATION_LINE_PICKED');
  });

  it('answers each bad code on its own line without undoing the good ones', async () => {
    const item = await newItem(h);
    const other = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 10 }]);
    const [otherItem] = await stock(h, 'wuxi', other.id, [{ quantity: 10 }]);
    const [otherWarehouse] = await stock(h, 'liangxi', item.id, [{ quantity: 10 }]);
    const [sibling] = await stock(h, 'suzhou', item.id, [{ quantity: 10 }]);
    const a = await approved(item.id, 4);
    const res = await scan(a.id, 'pick', [
      { code: 'PC99999999' },
      { code: otherItem!.code },
      { code: b!.code },
      { code: otherWarehouse!.code },
      { code: sibling!.code },
    ]);
    expect(res.json().results.map((r: { errorCode: string | null }) => r.errorCode)).toEqual([
      'NOT_FOUND',
      'ALLOCATION_SCAN_WRONG_ITEM',
      null,
      'ALLOCATION_SCAN_WRONG_WAREHOUSE',
      'NOT_FOUND',
    ]);
    expect(res.json().results[3].message).toContain('无锡市红十字会备灾仓库');
    expect(res.json().allocation.pickedQty).toBe(4);
    expect((await scan(a.id, 'pick', [{ code: b!.code }], lx)).json().code).toBe(
      'ALLOCATION_NOT_SHIPPING_SIDE',
    );
  });
});

describe('发运 and 签收', () => {
  it('ships only when fully picked, out of the reserved stock, and records the public event', async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 50, unitPriceFen: 2_500 }]);
    const a = await approved(item.id, 20);
    await scan(a.id, 'pick', [{ code: b!.code, quantity: 19 }]);
    const early = await post(`/api/relief/allocations/${a.id}/ship`, wx, { carrier: '顺丰速运' });
    expect(early.json()).toMatchObject({ code: 'ALLOCATION_NOT_FULLY_PICKED' });
    expect(early.json().message).toContain('19/20');
    const loading = await scan(a.id, 'ship', [{ code: b!.code }, { code: 'PC00000001' }]);
    expect(loading.json().results.map((r: { errorCode: string | null }) => r.errorCode)).toEqual([
      'ALLOCATION_SCAN_NOT_PICKED',
      'ALLOCATION_SCAN_NOT_IN_ALLOCATION',
    ]);
    await scan(a.id, 'pick', [{ code: b!.code }]);
    expect((await scan(a.id, 'ship', [{ code: b!.code }])).json().results[0].ok).toBe(true);
    const shipped = await post(`/api/relief/allocations/${a.id}/ship`, wx, {
      carrier: '顺丰速运',
      trackingNo: 'SF1234567890',
    });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json()).toMatchObject({ status: 'shipped', carrier: '顺丰速运', shippedBy: 'wx_admin' });
    const after = await expectCardBalanced(h, b!.id);
    expect([after.onHand, after.reserved]).toEqual([30, 0]);
    const moves = await h.ctx.db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.ref, `allocation:${a.id}`));
    expect(moves.map((m) => [m.kind, m.quantity, m.valueFen])).toEqual([['ship_out', -20, -50_000]]);
    const events = await h.ctx.db
      .select()
      .from(ledgerOutbox)
      .where(and(eq(ledgerOutbox.kind, 'allocation.shipped'), eq(ledgerOutbox.ref, `allocation:${a.id}`)));
    expect(events).toHaveLength(1);
    const entry = (await allocationLedgerEntries[0]!.build(h.ctx.db, [`allocation:${a.id}`])).get(
      `allocation:${a.id}`,
    )!;
    expect(entry).toMatchObject({
      kind: 'allocation.shipped',
      org: h.seed.orgs.wuxi,
      fromOrg: h.seed.orgs.wuxi,
      toOrg: h.seed.orgs.liangxi,
      toWarehouse: liangxiWh,
      valueFen: 50_000,
      lines: [{ item: item.name, unit: '箱', quantity: 20, batch: b!.code, gift: null }],
    });
    expect(JSON.stringify(entry)).not.toContain('wx_admin');
    expect((await post(`/api/relief/allocations/${a.id}/ship`, wx, { carrier: '顺丰' })).json().code).toBe(
      'ALLOCATION_WRONG_STATUS',
    );
    expect((await post(`/api/relief/allocations/${a.id}/cancel`, wx, { reason: '晚了' })).json().code).toBe(
      'ALLOCATION_WRONG_STATUS',
    );
  });

  it('is signed by the receiving side only; into a warehouse each pick becomes a new batch with its lineage', async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 40, unitPriceFen: 700 }]);
    const event = await newEvent(h, wx, 'wuxi', '测试签收事件');
    await designate(h, b!.id, { designatedEventId: event, designation: '定向用于测试签收事件' });
    const a = await approved(item.id, 12, { eventId: event });
    await scan(a.id, 'pick', [{ code: b!.code }]);
    await post(`/api/relief/allocations/${a.id}/ship`, wx, { carrier: '市红十字会车辆' });
    const url = `/api/relief/allocations/${a.id}/sign`;
    const pickId = a.picks[0].id;
    // The city covers 梁溪区, but it sent the goods: it may not sign for their arrival.
    expect((await post(url, wx, { signerName: '王丽华' })).json().code).toBe(
      'ALLOCATION_SIGN_NOT_DESTINATION',
    );
    expect((await post(url, sz, { signerName: '吴婷' })).statusCode).toBe(404);
    const short = await post(url, lx, { signerName: '钱志明', picks: [{ pickId, receivedQty: 11 }] });
    expect(short.json().fields[0]).toMatchObject({ field: 'note', code: 'ALLOCATION_SIGN_NOTE_REQUIRED' });
    const over = await post(url, lx, { signerName: '钱志明', picks: [{ pickId, receivedQty: 13 }] });
    expect(over.json().fields[0]).toMatchObject({
      field: 'picks.0.receivedQty',
      code: 'ALLOCATION_RECEIVED_EXCEEDS',
    });
    const fake = await post(url, lx, {
      signerName: '钱志明',
      photo: {
        fileName: '签收单.jpg',
        mime: 'image/jpeg',
        contentBase64: Buffer.from('<html>').toString('base64'),
      },
    });
    expect(fake.json().fields[0]).toMatchObject({
      field: 'photo.contentBase64',
      code: 'ALLOCATION_PHOTO_TYPE_MISMATCH',
    });
    const pdf = await post(url, lx, {
      signerName: '钱志明',
      photo: { fileName: '签收单.pdf', mime: 'application/pdf', contentBase64: PNG.toString('base64') },
    });
    expect(pdf.statusCode).toBe(400);
    const huge = await post(url, lx, {
      signerName: '钱志明',
      photo: {
        fileName: '签收单.png',
        mime: 'image/png',
        contentBase64: Buffer.alloc(5 * 1024 * 1024 + 10).toString('base64'),
      },
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().fields[0].field).toBe('body.photo.contentBase64');
    const unloading = await scan(a.id, 'sign', [{ code: b!.code }], lx);
    expect(unloading.json().results[0]).toMatchObject({ ok: true, message: `${item.name} 应收 12 箱` });

    const signed = await post(url, lx, {
      signerName: '钱志明',
      picks: [{ pickId, receivedQty: 11 }],
      note: '一箱外包装破损，拒收',
      photo: { fileName: '签收单.png', mime: 'image/png', contentBase64: PNG.toString('base64') },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const s = signed.json();
    expect(s).toMatchObject({ status: 'signed', signerName: '钱志明', signNote: '一箱外包装破损，拒收' });
    expect(s.timeline.map((t: { step: string }) => t.step)).toEqual([
      'requested',
      'approved',
      'picked',
      'shipped',
      'signed',
    ]);
    expect(s.lines[0]).toMatchObject({ quantity: 12, pickedQty: 12, receivedQty: 11 });
    const dest = await batch(h, s.picks[0].destBatchId);
    expect(dest).toMatchObject({
      warehouseId: liangxiWh,
      orgId: h.seed.orgs.liangxi,
      source: 'transfer',
      parentBatchId: b!.id,
      designatedEventId: event,
      designation: '定向用于测试签收事件',
      unitValueFen: 700,
      receivedQty: 11,
      onHand: 11,
      code: `PC${String(dest!.id).padStart(8, '0')}`,
    });
    expect(s.picks[0].destBatchCode).toBe(dest!.code);
    await expectCardBalanced(h, dest!.id);
    const photo = await h.req('GET', `/api/relief/allocations/${a.id}/attachments/${s.attachments[0].id}`, {
      cookie: wx,
    });
    expect(photo.headers['content-type']).toBe('image/png');
    expect(Buffer.from(photo.rawPayload).equals(PNG)).toBe(true);
    expect(
      (
        await h.req('GET', `/api/relief/allocations/${a.id}/attachments/${s.attachments[0].id}`, {
          cookie: sz,
        })
      ).statusCode,
    ).toBe(404);
    const entry = (await allocationLedgerEntries[1]!.build(h.ctx.db, [`allocation-signed:${a.id}`])).get(
      `allocation-signed:${a.id}`,
    )!;
    expect(entry).toMatchObject({
      kind: 'allocation.signed',
      event,
      lines: [{ shippedQty: 12, receivedQty: 11, batch: b!.code, destBatch: dest!.code }],
    });
    expect(JSON.stringify(entry)).not.toContain('钱志明');
    expect((await post(url, lx, { signerName: '钱志明' })).json().code).toBe('ALLOCATION_WRONG_STATUS');
  });

  it('is signed by the shipping society itself when it runs the aid batch', async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 5 }]);
    const a = await approved(item.id, 5, {
      destination: 'aid',
      toWarehouseId: undefined,
      aidBatchRef: 'WX-JZ-2026-11',
    });
    expect(a.destinationLabel).toBe('救助批次 WX-JZ-2026-11（无锡市红十字会）');
    await scan(a.id, 'pick', [{ code: b!.code }]);
    await post(`/api/relief/allocations/${a.id}/ship`, wx, { carrier: '自提' });
    const signed = await post(`/api/relief/allocations/${a.id}/sign`, wx2, {
      signerName: '陈红',
      photo: { fileName: 'a.jpg', mime: 'image/jpeg', contentBase64: JPEG.toString('base64') },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().picks[0].destBatchId).toBeNull();
    expect(
      (await h.ctx.db.select().from(stockBatches).where(eq(stockBatches.parentBatchId, b!.id))).length,
    ).toBe(0);
  });
});

describe('printing and exporting', () => {
  it('prints the pick list as a PDF and exports the filtered list as .xlsx', async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 9 }]);
    const event = await newEvent(h, wx, 'wuxi', '测试打印事件');
    await designate(h, b!.id, { designatedEventId: event, designation: '捐赠人指定用于安置点' });
    const a = await approved(item.id, 9, { eventId: event });
    expect(a.picks[0].designation).toBe('测试打印事件；捐赠人指定用于安置点');
    const pdf = await h.req('GET', `/api/relief/allocations/${a.id}/pick-list.pdf`, { cookie: wx });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(
      (await h.req('GET', `/api/relief/allocations/${a.id}/pick-list.pdf`, { cookie: sz })).statusCode,
    ).toBe(404);
    const xlsx = await h.req('GET', `/api/relief/allocations/export.xlsx?eventId=${event}`, { cookie: wx });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(1, 3)).toEqual(['调拨单号', '状态']);
    expect(rows[1]!.slice(1, 3)).toEqual([a.id, '待发运']);
  });
});

describe('扫码查询', () => {
  it('looks labels up in bulk, each answered on its own', async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 7 }]);
    const [sibling] = await stock(h, 'suzhou', item.id, [{ quantity: 7 }]);
    const res = await post('/api/relief/scans/lookup', lx, { codes: [b!.code] });
    // 梁溪区 does not see the city's stock; the city does.
    expect(res.json().results[0]).toMatchObject({ ok: false, errorCode: 'NOT_FOUND' });
    const city = await post('/api/relief/scans/lookup', wx, {
      codes: [b!.code.toLowerCase(), sibling!.code, 'garbage'],
    });
    expect(city.json().results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, false]);
    expect(city.json().results[0].batch).toMatchObject({ id: b!.id, onHand: 7, free: 7 });
    expect(city.json().results[0].message).toContain('在库 7 箱');
  });
});
