import { BATCH_CODE_PATTERN, shanghaiDate, addDays, addMonths } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.ts';
import { ledgerOutbox } from '../../platform/ledger/index.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { modules } from '../index.ts';
import { builderSet, sequenceOnce, verifyLedger } from '../ledger/index.ts';
import { goodsStockedEntries } from './goods-in-ledger.ts';

/** Goods in: gifts of goods inspected into stock and purchases, and what they leave behind. */

let h: Harness;
let js: string;
let lx: string;
let xs: string;
let cas: string;
let orgs: Record<string, number>;
let lxWarehouse: { id: number; locations: { id: number; code: string }[] };
let xsWarehouse: number;
let kitItem: number;
let quiltItem: number;
let waterItem: number;
const today = shanghaiDate(new Date());

const send = (method: string, url: string, body: unknown, cookie: string, key?: string) =>
  h.app.inject({
    method: method as 'POST',
    url,
    headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
    payload: body as object,
  });
const post = (url: string, body: unknown, cookie = lx, key?: string) => send('POST', url, body, cookie, key);
const get = (url: string, cookie = lx) => h.req('GET', url, { cookie });
const fieldsOf = (res: { json(): { fields: { field: string; code: string }[] } }) =>
  res.json().fields.map((f) => `${f.field}:${f.code}`);

type GiftLine = { id: number; quantity: number };
let donors = 0;
/** A gift of goods recorded at `orgId` through the donations API, with its lines' ids. */
async function goodsGift(
  orgId: number,
  items: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
  cookie = lx,
): Promise<{ id: number; items: GiftLine[] }> {
  const donor = await post(
    '/api/donors',
    { kind: 'enterprise', orgId, name: `入库测试企业${++donors}` },
    cookie,
  );
  const gift = await post(
    '/api/gifts/goods',
    {
      orgId,
      donorId: donor.json().donor.id,
      receivedOn: addDays(today, -5),
      items: items.map((i) => ({ spec: null, valuationBasis: 'invoice', ...i })),
      ...extra,
    },
    cookie,
  );
  expect(gift.statusCode, gift.body).toBe(200);
  return gift.json();
}
const kits = (quantity: number, over: Record<string, unknown> = {}) => ({
  name: '家庭应急包',
  unit: '个',
  quantity,
  unitValueFen: 15_000,
  batchNo: 'GIFT-LOT-1',
  ...over,
});
const quilts = (quantity: number) => ({ name: '棉被', unit: '床', quantity, unitValueFen: 16_000 });
const giftIn = (body: Record<string, unknown>, cookie = lx, key?: string) =>
  post(
    '/api/relief/goods-in/gift',
    { warehouseId: lxWarehouse.id, receivedOn: today, inspector: '钱志明', ...body },
    cookie,
    key,
  );
const stockStatus = async (giftId: number) => (await get(`/api/gifts/${giftId}`)).json().stockStatus;
const counts = async () =>
  (
    await queryRows<{ notes: number; batches: number; movements: number }>(
      h.ctx.db,
      sql`select (select count(*)::int from goods_in_notes) as notes, (select count(*)::int from stock_batches) as batches,
                 (select count(*)::int from stock_movements) as movements`,
    )
  )[0]!;

beforeAll(async () => {
  h = await startHarness();
  [js, lx, xs, cas] = (await Promise.all(
    ['js_admin', 'lx_admin', 'xs_admin', 'cas_staff'].map((u) => h.login(u)),
  )) as [string, string, string, string];
  orgs = h.seed.orgs;
  const warehouses = (await get(`/api/relief/warehouses?orgId=${orgs.liangxi}`)).json().items;
  lxWarehouse = warehouses.find((w: { code: string }) => w.code === 'LX-CB01');
  xsWarehouse = (await get('/api/relief/warehouses', xs)).json().items[0].id;
  const code = async (c: string) =>
    (await get(`/api/relief/items?q=${c}&usableBy=${orgs.liangxi}`)).json().items[0].id;
  [kitItem, quiltItem, waterItem] = await Promise.all(['JTYJB', 'MB', 'KQS'].map(code));
});
afterAll(() => h?.close());

describe('goods in from a gift', () => {
  it('inspects in parts: rejected goods with their reason, a difference explained, and the gift partly then fully received', async () => {
    const gift = await goodsGift(orgs.liangxi!, [kits(100), quilts(40)], { purpose: '定向用于梁溪区防汛' });
    const [kitLine, quiltLine] = gift.items as [GiftLine, GiftLine];
    expect(await stockStatus(gift.id)).toBe('awaiting');
    const first = (over: Record<string, unknown> = {}) => ({
      giftId: gift.id,
      lines: [
        {
          giftItemId: kitLine.id,
          itemId: kitItem,
          acceptedQty: 60,
          rejectedQty: 5,
          rejectReason: '外包装破损',
          differenceNote: '余 35 个下周第二车送达',
          locationId: lxWarehouse.locations[0]!.id,
          ...over,
        },
        { giftItemId: quiltLine.id, itemId: quiltItem, acceptedQty: 40 },
      ],
    });

    const noNote = await giftIn(first({ differenceNote: null }));
    expect(fieldsOf(noNote)).toEqual(['lines.0.differenceNote:GOODS_IN_DIFFERENCE_NOTE_REQUIRED']);
    expect(noNote.json().message).toBe('验收合格与拒收合计 65，与应收数量 100 不一致，请填写差异说明');
    expect(fieldsOf(await giftIn(first({ rejectReason: null })))).toEqual([
      'body.lines.0.rejectReason:custom',
    ]);

    const res = await giftIn(first());
    expect(res.statusCode, res.body).toBe(200);
    const note = res.json();
    expect(note).toMatchObject({
      source: 'gift',
      giftId: gift.id,
      acceptedQty: 100,
      rejectedQty: 5,
      giftStockStatus: 'partly',
    });
    const [kitsIn, quiltsIn] = note.lines;
    expect(kitsIn).toMatchObject({
      expectedQty: 100,
      acceptedQty: 60,
      rejectedQty: 5,
      rejectReason: '外包装破损',
      lotNo: 'GIFT-LOT-1',
      // 统一核价 for the kit (¥128), not the donor's ¥150; the quilts at the gift's value.
      unitValueFen: 12_800,
      expiresOn: addMonths(today, 36),
      locationCode: lxWarehouse.locations[0]!.code,
    });
    expect(kitsIn.batchCode).toMatch(BATCH_CODE_PATTERN);
    expect(kitsIn.batchCode).toBe(`PC${String(kitsIn.batchId).padStart(8, '0')}`);
    expect(quiltsIn).toMatchObject({
      expectedQty: 40,
      acceptedQty: 40,
      unitValueFen: 16_000,
      expiresOn: null,
    });
    expect(note.valueFen).toBe(60 * 12_800 + 40 * 16_000);
    expect(await stockStatus(gift.id)).toBe('partly');

    // The batch carries its source and the donor's designation.
    const batch = (await get(`/api/relief/batches/${kitsIn.batchId}`)).json();
    expect(batch).toMatchObject({
      source: 'gift',
      giftId: gift.id,
      designation: '定向用于梁溪区防汛',
      onHand: 60,
      free: 60,
      receivedQty: 60,
      warehouseName: '梁溪区红十字会应急物资储备点',
    });
    expect(batch.donorName).toMatch(/^入库测试企业/);
    expect(batch.movements).toMatchObject([
      { kind: 'gift_in', quantity: 60, balance: 60, ref: `goods-in:${note.id}` },
    ]);

    // What is still expected: 35 kits, no quilts.
    const waiting = (await get(`/api/relief/goods-in/awaiting-gifts?giftId=${gift.id}`)).json().items[0];
    expect(waiting.lines.map((l: { remainingQty: number }) => l.remainingQty)).toEqual([35, 0]);

    const over = await giftIn({
      giftId: gift.id,
      lines: [{ giftItemId: kitLine.id, itemId: kitItem, acceptedQty: 36 }],
    });
    expect(fieldsOf(over)).toEqual(['lines.0.acceptedQty:GOODS_IN_OVER_RECEIVED']);
    expect(over.json().message).toContain('35');
    const quiltsAgain = await giftIn({
      giftId: gift.id,
      lines: [{ giftItemId: quiltLine.id, itemId: quiltItem, acceptedQty: 1 }],
    });
    expect(fieldsOf(quiltsAgain)).toEqual(['lines.0.acceptedQty:GOODS_IN_OVER_RECEIVED']);

    const second = await giftIn({
      giftId: gift.id,
      lines: [{ giftItemId: kitLine.id, itemId: kitItem, acceptedQty: 35 }],
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().lines[0]).toMatchObject({ expectedQty: 35, acceptedQty: 35, differenceNote: null });
    expect(second.json().giftStockStatus).toBe('received');
    expect(await stockStatus(gift.id)).toBe('received');

    const third = await giftIn({
      giftId: gift.id,
      lines: [{ giftItemId: kitLine.id, itemId: kitItem, acceptedQty: 1 }],
    });
    expect(third.statusCode).toBe(409);
    expect(fieldsOf(third)).toEqual(['giftId:GOODS_IN_GIFT_ALREADY_RECEIVED']);
    expect((await get(`/api/relief/goods-in/awaiting-gifts?giftId=${gift.id}`)).json().items).toEqual([]);
  });

  it('marks a gift rejected when every line is refused, and takes nothing into stock', async () => {
    const gift = await goodsGift(orgs.liangxi!, [quilts(10)]);
    const before = await counts();
    const res = await giftIn({
      giftId: gift.id,
      lines: [
        {
          giftItemId: gift.items[0]!.id,
          itemId: quiltItem,
          acceptedQty: 0,
          rejectedQty: 10,
          rejectReason: '霉变',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lines[0]).toMatchObject({ batchId: null, batchCode: null, rejectedQty: 10 });
    expect(await stockStatus(gift.id)).toBe('rejected');
    const after = await counts();
    expect(after).toEqual({ ...before, notes: before.notes + 1 });
  });

  it('refuses expired lots, future or too early dates, foreign locations and items the society may not stock', async () => {
    const xsItem = (
      await post(
        '/api/relief/items',
        { orgId: orgs.xishan, code: 'XS-MB', name: '锡山棉被', unit: '床', category: 'bedding' },
        xs,
      )
    ).json();
    const gift = await goodsGift(orgs.liangxi!, [kits(10, { batchNo: null })]);
    const line = (over: Record<string, unknown> = {}) => ({
      giftId: gift.id,
      lines: [{ giftItemId: gift.items[0]!.id, itemId: kitItem, acceptedQty: 10, ...over }],
    });
    const expired = await giftIn(line({ expiresOn: addDays(today, -1) }));
    expect(fieldsOf(expired)).toEqual(['lines.0.expiresOn:GOODS_IN_LOT_EXPIRED']);
    expect(expired.json().message).toContain(addDays(today, -1));
    expect(fieldsOf(await giftIn({ ...line(), receivedOn: addDays(today, 1) }))).toEqual([
      'receivedOn:GOODS_IN_DATE_IN_FUTURE',
    ]);
    expect(fieldsOf(await giftIn({ ...line(), receivedOn: addDays(today, -30) }))).toEqual([
      'receivedOn:GOODS_IN_DATE_BEFORE_GIFT',
    ]);
    expect(fieldsOf(await giftIn(line({ itemId: xsItem.id })))).toEqual([
      'lines.0.itemId:RELIEF_ITEM_NOT_USABLE',
    ]);
    const wxLocation = (await get(`/api/relief/warehouses?orgId=${orgs.wuxi}&q=WX-BZ01`, js)).json().items[0]
      .locations[0].id;
    expect(fieldsOf(await giftIn(line({ locationId: wxLocation })))).toEqual([
      'lines.0.locationId:GOODS_IN_LOCATION_INVALID',
    ]);
    const otherGift = await goodsGift(orgs.liangxi!, [quilts(1)]);
    expect(
      fieldsOf(
        await giftIn({
          giftId: gift.id,
          lines: [{ giftItemId: otherGift.items[0]!.id, itemId: quiltItem, acceptedQty: 1 }],
        }),
      ),
    ).toEqual(['lines.0.giftItemId:GOODS_IN_LINE_NOT_IN_GIFT']);
    expect(fieldsOf(await giftIn({ ...line(), designatedOrgId: orgs.xishan }))).toEqual([
      'designatedOrgId:GOODS_IN_DESIGNATED_ORG_INVALID',
    ]);
    // A gift of money is not goods.
    const money = (await get(`/api/gifts?orgId=${orgs.liangxi}&form=money&pageSize=1`)).json().items[0];
    expect(fieldsOf(await giftIn({ giftId: money.id, lines: line().lines }))).toEqual([
      'giftId:GOODS_IN_GIFT_NOT_RECEIVABLE',
    ]);
    // Nothing of all that reached the gift.
    expect(await stockStatus(gift.id)).toBe('awaiting');
    // With the gift line's expiry missing, the item's shelf life dates the batch; a chosen recipient below is fine.
    const ok = await giftIn({ ...line(), designatedOrgId: orgs.chonganshi });
    expect(ok.statusCode, ok.body).toBe(200);
    const batch = (await get(`/api/relief/batches/${ok.json().lines[0].batchId}`)).json();
    expect(batch).toMatchObject({
      expiresOn: addMonths(today, 36),
      designatedOrgName: '崇安寺街道红十字会',
      lotNo: null,
    });
  });

  it('never lets a sibling society see or receive a gift, nor a city receive into a warehouse outside the gift’s society', async () => {
    const gift = await goodsGift(orgs.liangxi!, [quilts(5)]);
    const body = {
      giftId: gift.id,
      lines: [{ giftItemId: gift.items[0]!.id, itemId: quiltItem, acceptedQty: 5 }],
    };
    expect(fieldsOf(await giftIn({ ...body, warehouseId: xsWarehouse }, xs))).toEqual(['giftId:NOT_FOUND']);
    const xsWaiting = (await get('/api/relief/goods-in/awaiting-gifts', xs)).json().items;
    expect(xsWaiting.some((g: { gift: { id: number } }) => g.gift.id === gift.id)).toBe(false);
    // The province may act on both, but 锡山区's warehouse is not where 梁溪区's gift can go.
    expect(fieldsOf(await giftIn({ ...body, warehouseId: xsWarehouse }, js))).toEqual([
      'warehouseId:GOODS_IN_WAREHOUSE_OUTSIDE',
    ]);
    // Read-only staff cannot receive at all.
    expect((await giftIn(body, cas)).statusCode).toBe(403);

    const note = (await giftIn(body)).json();
    expect((await get(`/api/relief/goods-in/${note.id}`, xs)).statusCode).toBe(404);
    expect((await get(`/api/relief/goods-in/${note.id}/labels.pdf`, xs)).statusCode).toBe(404);
    expect((await get(`/api/relief/batches/${note.lines[0].batchId}`, xs)).statusCode).toBe(404);
    const xsList = (await get('/api/relief/goods-in?pageSize=200', xs)).json();
    expect(xsList.items.some((n: { id: number }) => n.id === note.id)).toBe(false);
    const xsStock = (await get(`/api/relief/batches?giftId=${gift.id}`, xs)).json();
    expect(xsStock.total).toBe(0);
    expect((await get(`/api/relief/goods-in/${note.id}`, cas)).statusCode).toBe(404); // a branch below sees no parent's note
  });

  it('never takes in more than a gift holds when several inspections of it run at once', async () => {
    const gift = await goodsGift(orgs.liangxi!, [kits(30)]);
    const body = {
      giftId: gift.id,
      lines: [{ giftItemId: gift.items[0]!.id, itemId: kitItem, acceptedQty: 30 }],
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => giftIn(body)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 200))
      expect(['GOODS_IN_GIFT_ALREADY_RECEIVED', 'GOODS_IN_OVER_RECEIVED']).toContain(r.json().fields[0].code);
    const [{ received }] = (await queryRows<{ received: number }>(
      h.ctx.db,
      sql`select coalesce(sum(received_qty), 0)::int as received from stock_batches where gift_id = ${gift.id}`,
    )) as [{ received: number }];
    expect(received).toBe(30);
  });

  it('creates nothing twice when a goods in is retried with the same Idempotency-Key', async () => {
    const gift = await goodsGift(orgs.liangxi!, [kits(20)]);
    const body = {
      giftId: gift.id,
      lines: [{ giftItemId: gift.items[0]!.id, itemId: kitItem, acceptedQty: 20 }],
    };
    const before = await counts();
    const first = await giftIn(body, lx, 'goods-in-retry-0001');
    const again = await giftIn(body, lx, 'goods-in-retry-0001');
    expect(first.statusCode, first.body).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await counts()).toEqual({
      notes: before.notes + 1,
      batches: before.batches + 1,
      movements: before.movements + 1,
    });
  });
});

describe('purchases', () => {
  it('takes a purchase in at its price, standard items at the standard value, and refuses expired lots', async () => {
    const body = {
      warehouseId: lxWarehouse.id,
      receivedOn: today,
      inspector: '钱志明',
      supplier: '无锡测试商贸有限公司',
      purchaseRef: 'CG-TEST-1',
      lines: [
        { itemId: waterItem, quantity: 30, unitPriceFen: 3_500, lotNo: 'W1', expiresOn: addDays(today, 100) },
        { itemId: kitItem, quantity: 10, unitPriceFen: 20_000 },
      ],
    };
    const res = await post('/api/relief/goods-in/purchase', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      source: 'purchase',
      supplier: '无锡测试商贸有限公司',
      giftStockStatus: null,
    });
    expect(res.json().lines.map((l: { unitValueFen: number }) => l.unitValueFen)).toEqual([3_500, 12_800]);
    const water = (await get(`/api/relief/batches/${res.json().lines[0].batchId}`)).json();
    expect(water).toMatchObject({
      source: 'purchase',
      supplier: '无锡测试商贸有限公司',
      purchaseRef: 'CG-TEST-1',
      onHand: 30,
    });

    const expired = await post('/api/relief/goods-in/purchase', {
      ...body,
      lines: [{ itemId: waterItem, quantity: 1, unitPriceFen: 1, expiresOn: addDays(today, -3) }],
    });
    expect(fieldsOf(expired)).toEqual(['lines.0.expiresOn:GOODS_IN_LOT_EXPIRED']);
    expect(
      fieldsOf(await post('/api/relief/goods-in/purchase', { ...body, warehouseId: xsWarehouse })),
    ).toEqual(['warehouseId:NOT_FOUND']);
    const huge = await post('/api/relief/goods-in/purchase', {
      ...body,
      lines: [{ itemId: waterItem, quantity: 2_000_000_000, unitPriceFen: 9_000_000_000 }],
    });
    expect(fieldsOf(huge)).toEqual(['lines.0.quantity:GOODS_VALUE_TOO_LARGE']);
  });
});

describe('what goods in leaves behind', () => {
  it('keeps every batch’s on hand equal to the sum of its stock card', async () => {
    const off = await queryRows<{ id: number }>(
      h.ctx.db,
      sql`select b.id from stock_batches b left join stock_movements m on m.batch_id = b.id
          group by b.id, b.on_hand having b.on_hand <> coalesce(sum(m.quantity), 0)`,
    );
    expect(off).toEqual([]);
    const [{ n }] = (await queryRows<{ n: number }>(
      h.ctx.db,
      sql`select count(*)::int as n from stock_batches`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(10);
  });

  it('records goods.stocked for the public log, and its builder rebuilds the same entry, naming no person', async () => {
    const gift = await goodsGift(orgs.liangxi!, [quilts(12)]);
    const note = (
      await giftIn({
        giftId: gift.id,
        inspector: '验收员张三',
        lines: [
          {
            giftItemId: gift.items[0]!.id,
            itemId: quiltItem,
            acceptedQty: 11,
            rejectedQty: 1,
            rejectReason: '污渍',
          },
        ],
      })
    ).json();
    const ref = `goods-in:${note.id}`;
    const queued = await h.ctx.db.select().from(ledgerOutbox).where(eq(ledgerOutbox.ref, ref));
    const [logged] = await queryRows<{ n: number }>(
      h.ctx.db,
      sql`select count(*)::int as n from ledger_entries where ref = ${ref}`,
    );
    expect(queued.length + logged!.n).toBe(1);
    if (queued.length) expect(queued[0]).toMatchObject({ kind: 'goods.stocked', orgId: orgs.liangxi });

    const first = (await goodsStockedEntries.build(h.ctx.db, [ref])).get(ref)!;
    expect(first).toMatchObject({
      v: 1,
      kind: 'goods.stocked',
      org: orgs.liangxi,
      ref,
      source: 'gift',
      gift: `gift:${gift.id}`,
      warehouse: lxWarehouse.id,
      receivedOn: today,
      valueFen: 11 * 16_000,
      lines: [
        {
          item: '棉被',
          unit: '床',
          acceptedQty: 11,
          rejectedQty: 1,
          unitValueFen: 16_000,
          batch: note.lines[0].batchCode,
        },
      ],
    });
    expect(JSON.stringify(first)).not.toMatch(/张三|钱志明|入库测试企业|lx_admin/);
    // Later business (another goods in of the same item, an edit of the catalogue entry) changes nothing in it.
    await patch(`/api/relief/items/${quiltItem}`, { shelfLifeMonths: 120 }, js);
    const again = (await goodsStockedEntries.build(h.ctx.db, [ref])).get(ref)!;
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));

    // The log's sequencer appends it, and the verifier rebuilds it to the same text.
    const builders = builderSet(modules.flatMap((m) => m.ledgerEntries ?? []));
    await sequenceOnce(h.ctx.db, builders);
    const [stored] = await queryRows<{ entry: string }>(
      h.ctx.db,
      sql`select entry from ledger_entries where ref = ${ref}`,
    );
    expect(JSON.parse(stored!.entry)).toEqual(first);
    const { findings } = await verifyLedger(h.ctx.db, h.ctx.config, builders, [orgs.liangxi!]);
    expect(findings.filter((f) => f.ref?.startsWith('goods-in:'))).toEqual([]);
  });
});

const patch = (url: string, body: unknown, cookie: string) => send('PATCH', url, body, cookie);
