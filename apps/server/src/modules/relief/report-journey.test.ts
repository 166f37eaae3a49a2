import {
  shanghaiDate,
  type DonorGoodsRow,
  type EventReliefFlow,
  type GiftGoodsRow,
  type GiftJourney,
  type LedgerTrace,
} from '@boai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { modules } from '../index.ts';
import { builderSet, checkpointOnce, sequenceOnce } from '../ledger/index.ts';

/**
 * A donor's 1,050 家庭应急包 (and 200 棉被, 10 rejected) through every office that touches them, over
 * the real endpoints: received into 无锡's warehouse, 300 allocated to 梁溪's warehouse for a typhoon,
 * picked by scanning, shipped, signed; 100 of those sent on from 梁溪 to the typhoon itself; 5 written
 * off at 无锡; 50 more requested and not yet shipped. Then the gift's journey, the donor report, the
 * event's flow and the public trace must all tell that same story.
 */

let h: Harness;
let wx: string;
let lx: string;
let js: string;
let xs: string;
const today = shanghaiDate(new Date());
const s = {} as {
  kit: number;
  quilt: number;
  wxWarehouse: number;
  lxWarehouse: number;
  donorId: number;
  giftId: number;
  receiptNo: string;
  eventId: number;
  a1: number;
  a2: number;
  a3: number;
};

async function call(method: 'GET' | 'POST', url: string, cookie: string, body?: unknown) {
  const res = await h.req(method, url, { cookie, body });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
  return res.json();
}
const post = (url: string, cookie: string, body: unknown = {}) => call('POST', url, cookie, body);
const get = (url: string, cookie = wx) => call('GET', url, cookie);

/** Request → approve (another person: four eyes) → pick by scanning → ship → sign at arrival. */
async function allocate(
  body: Record<string, unknown>,
  by: { request: string; approve: string; sign: string },
): Promise<number> {
  const a = await post('/api/relief/allocations', by.request, { purpose: '台风“海葵”救灾', ...body });
  await post(`/api/relief/allocations/${a.id}/approve`, by.approve);
  const detail = await get(`/api/relief/allocations/${a.id}`, by.request);
  const codes = (detail.picks as { batchCode: string }[]).map((p) => ({ code: p.batchCode.toLowerCase() }));
  await post(`/api/relief/allocations/${a.id}/scans`, by.request, { task: 'pick', items: codes });
  await post(`/api/relief/allocations/${a.id}/ship`, by.request, { carrier: '无锡顺达物流' });
  await post(`/api/relief/allocations/${a.id}/sign`, by.sign, { signerName: '孙国强' });
  return a.id as number;
}

beforeAll(async () => {
  h = await startHarness();
  wx = await h.login('wx_admin');
  lx = await h.login('lx_admin');
  js = await h.login('js_admin');
  xs = await h.login('xs_admin');
  const { wuxi, liangxi } = h.seed.orgs as { wuxi: number; liangxi: number };
  s.kit = (
    await post('/api/relief/items', wx, {
      orgId: wuxi,
      code: 'JR-KIT',
      name: '家庭应急包',
      spec: '十件套',
      unit: '个',
      category: 'kit',
    })
  ).id;
  s.quilt = (
    await post('/api/relief/items', wx, {
      orgId: wuxi,
      code: 'JR-QUILT',
      name: '棉被',
      unit: '床',
      category: 'bedding',
    })
  ).id;
  s.wxWarehouse = (
    await post('/api/relief/warehouses', wx, {
      orgId: wuxi,
      code: 'JR-WX',
      name: '无锡市红十字会备灾仓库（测试）',
      address: '无锡市梁溪区测试路 8 号',
      keeperName: '周立',
    })
  ).id;
  s.lxWarehouse = (
    await post('/api/relief/warehouses', lx, {
      orgId: liangxi,
      code: 'JR-LX',
      name: '梁溪区备灾仓库（测试）',
      address: '无锡市梁溪区测试路 9 号',
      keeperName: '钱进',
    })
  ).id;
  s.donorId = (
    await post('/api/donors', wx, { kind: 'enterprise', orgId: wuxi, name: '无锡测试应急用品有限公司' })
  ).donor.id;
  const gift = await post('/api/gifts/goods', wx, {
    orgId: wuxi,
    donorId: s.donorId,
    receivedOn: today,
    items: [
      {
        name: '家庭应急包',
        spec: '十件套',
        unit: '个',
        quantity: 1050,
        unitValueFen: 12_800,
        valuationBasis: 'invoice',
      },
      { name: '棉被', unit: '床', quantity: 200, unitValueFen: 9_000, valuationBasis: 'market' },
    ],
  });
  s.giftId = gift.id;
  s.receiptNo = gift.receiptNo;
  const lines = (await get(`/api/gifts/${gift.id}`)).items as { id: number; lineNo: number }[];
  await post('/api/relief/goods-in/gift', wx, {
    giftId: gift.id,
    warehouseId: s.wxWarehouse,
    receivedOn: today,
    inspector: '周立',
    lines: [
      { giftItemId: lines[0]!.id, itemId: s.kit, acceptedQty: 1050 },
      {
        giftItemId: lines[1]!.id,
        itemId: s.quilt,
        acceptedQty: 190,
        rejectedQty: 10,
        rejectReason: '受潮霉变',
      },
    ],
  });
  s.eventId = (
    await post('/api/disaster-events', lx, {
      orgId: liangxi,
      name: '台风“海葵”',
      type: 'typhoon',
      area: '无锡市梁溪区',
      responseLevel: 'III',
      startsOn: today,
    })
  ).id;
  await post(`/api/disaster-events/${s.eventId}/needs`, lx, { itemId: s.kit, quantity: 500 });
  await post(`/api/disaster-events/${s.eventId}/needs`, lx, { name: '发电机', unit: '台', quantity: 3 });

  s.a1 = await allocate(
    {
      fromWarehouseId: s.wxWarehouse,
      destination: 'warehouse',
      toWarehouseId: s.lxWarehouse,
      eventId: s.eventId,
      lines: [{ itemId: s.kit, quantity: 300 }],
    },
    { request: wx, approve: js, sign: lx },
  );
  s.a2 = await allocate(
    {
      fromWarehouseId: s.lxWarehouse,
      destination: 'event',
      eventId: s.eventId,
      lines: [{ itemId: s.kit, quantity: 100 }],
    },
    { request: lx, approve: wx, sign: lx },
  );
  const a3 = await post('/api/relief/allocations', wx, {
    fromWarehouseId: s.wxWarehouse,
    destination: 'org',
    toOrgId: liangxi,
    eventId: s.eventId,
    purpose: '第二批',
    lines: [{ itemId: s.kit, quantity: 50 }],
  });
  s.a3 = a3.id;
  const wxBatch = (await get(`/api/relief/batches?warehouseId=${s.wxWarehouse}&itemId=${s.kit}`)).items[0];
  const writeOff = await post('/api/relief/write-offs', wx, {
    batchId: wxBatch.id,
    quantity: 5,
    reason: 'damaged',
    note: '搬运破损',
  });
  await post(`/api/relief/write-offs/${writeOff.id}/approve`, js);
}, 120_000);
afterAll(() => h?.close());

describe("a gift's journey", () => {
  it('follows each gift line through goods-in, both hops, the write-off and what is left where', async () => {
    const j = (await get(`/api/relief/gifts/${s.giftId}/journey`)) as GiftJourney;
    const [kit, quilt] = j.lines;
    expect(kit).toMatchObject({
      name: '家庭应急包',
      quantity: 1050,
      acceptedQty: 1050,
      rejectedQty: 0,
      // 300 moved to 梁溪 (still stock there), 100 of them went on to the typhoon: 100 left stock.
      shippedQty: 100,
      signedQty: 100,
      inStockQty: 945,
      writtenOffQty: 5,
      otherQty: 0,
    });
    expect(kit!.goodsIn).toMatchObject([
      { acceptedQty: 1050, warehouseName: '无锡市红十字会备灾仓库（测试）' },
    ]);
    expect(kit!.shipments.map((x) => [x.allocationId, x.destination, x.quantity, x.signedQty])).toEqual([
      [s.a1, 'warehouse', 300, 300],
      [s.a2, 'event', 100, 100],
    ]);
    expect(kit!.shipments[0]!.destinationLabel).toBe('梁溪区红十字会 梁溪区备灾仓库（测试）（台风“海葵”）');
    expect(kit!.shipments[1]!.destinationLabel).toBe('台风“海葵”');
    expect(kit!.inStock.map((x) => [x.warehouseId, x.quantity])).toEqual([
      [s.wxWarehouse, 745],
      [s.lxWarehouse, 200],
    ]);
    // The stock card adds up: accepted + other = in stock + shipped + written off.
    for (const l of j.lines)
      expect(l.acceptedQty + l.otherQty).toBe(l.inStockQty + l.shippedQty + l.writtenOffQty);
    expect(quilt).toMatchObject({ acceptedQty: 190, rejectedQty: 10, inStockQty: 190, shippedQty: 0 });
    expect(quilt!.goodsIn[0]!.rejectReason).toBe('受潮霉变');
  });

  it("is the receiving society's to read: its subtree's staff see it, a sibling gets 404", async () => {
    expect((await h.req('GET', `/api/relief/gifts/${s.giftId}/journey`, { cookie: js })).statusCode).toBe(
      200,
    );
    expect((await h.req('GET', `/api/relief/gifts/${s.giftId}/journey`, { cookie: xs })).statusCode).toBe(
      404,
    );
    expect((await h.req('GET', `/api/relief/gifts/${s.giftId}/journey`, { cookie: lx })).statusCode).toBe(
      404,
    );
  });
});

describe('goods received per donor', () => {
  it('sums the donor and the gift the way the journey does, with where the goods went', async () => {
    const donors = await get(`/api/relief/reports/donors?donorId=${s.donorId}`);
    expect(donors.total).toBe(1);
    const d = donors.items[0] as DonorGoodsRow;
    expect(d).toMatchObject({
      donorName: '无锡测试应急用品有限公司',
      gifts: 1,
      valueFen: 1050 * 12_800 + 200 * 9_000,
      quantity: 1250,
      acceptedQty: 1240,
      rejectedQty: 10,
      shippedQty: 100,
      signedQty: 100,
      inStockQty: 1135,
      writtenOffQty: 5,
    });
    expect(d.destinations).toEqual(['台风“海葵”', '梁溪区红十字会 梁溪区备灾仓库（测试）（台风“海葵”）']);
    const gifts = await get(`/api/relief/reports/gifts?donorId=${s.donorId}`);
    const g = gifts.items[0] as GiftGoodsRow;
    expect(g).toMatchObject({
      giftId: s.giftId,
      receiptNo: s.receiptNo,
      stockStatus: 'received',
      shippedQty: 100,
    });
    expect(g.destinations).toEqual(d.destinations);
    // By name too, and nothing for a society outside the receiving one's tree.
    const byName = await get(`/api/relief/reports/donors?q=${encodeURIComponent('测试应急用品')}`);
    expect(byName.items.map((r: DonorGoodsRow) => r.donorId)).toEqual([s.donorId]);
    expect((await get(`/api/relief/reports/donors?donorId=${s.donorId}`, xs)).total).toBe(0);
  });
});

describe("an event's relief flow", () => {
  it('sets needs against allocated, shipped and signed, counting goods forwarded within the event once', async () => {
    const flow = (await get(`/api/relief/events/${s.eventId}/flow`, lx)) as EventReliefFlow;
    expect(flow.eventId).toBe(s.eventId);
    expect(flow.items).toEqual([
      {
        itemId: s.kit,
        name: '家庭应急包',
        unit: '个',
        neededQty: 500,
        allocatedQty: 50,
        shippedQty: 300,
        signedQty: 300,
      },
    ]);
    expect(flow.allocations.map((a) => [a.id, a.status])).toEqual([
      [s.a3, 'requested'],
      [s.a2, 'signed'],
      [s.a1, 'signed'],
    ]);
    const a1 = flow.allocations.find((a) => a.id === s.a1)!;
    expect(a1).toMatchObject({
      fromOrgName: '无锡市红十字会',
      fromWarehouseName: '无锡市红十字会备灾仓库（测试）',
      valueFen: 300 * 12_800,
    });
    expect(a1.shippedAt).not.toBeNull();
    expect(a1.signedAt).not.toBeNull();
    // The city above sees the county's event; a sibling county does not.
    expect((await h.req('GET', `/api/relief/events/${s.eventId}/flow`, { cookie: wx })).statusCode).toBe(200);
    expect((await h.req('GET', `/api/relief/events/${s.eventId}/flow`, { cookie: xs })).statusCode).toBe(404);
  });
});

describe('the public trace of the receipt', () => {
  it('shows 物资入库 → 发运 → 签收 for every hop, in Chinese, each provable', async () => {
    await sequenceOnce(h.ctx.db, builderSet(modules.flatMap((m) => m.ledgerEntries ?? [])));
    await checkpointOnce(h.ctx.db, h.ctx.config);
    const res = await h.req('GET', `/api/public/ledger/trace/${s.receiptNo}`);
    expect(res.statusCode, res.body).toBe(200);
    const trace = res.json() as LedgerTrace;
    expect(trace.steps.map((x) => x.step)).toEqual([
      'received',
      'receipted',
      'stocked',
      'shipped',
      'signed',
      'shipped',
      'signed',
    ]);
    expect(trace.steps.map((x) => x.detail).slice(2)).toEqual([
      '无锡市红十字会备灾仓库（测试）入库 家庭应急包 1,050 个，棉被 190 床',
      '发往 梁溪区红十字会（台风“海葵”） 家庭应急包 300 个',
      '梁溪区红十字会签收 家庭应急包 300 个',
      '发往 台风“海葵” 家庭应急包 100 个',
      '梁溪区红十字会签收 家庭应急包 100 个',
    ]);
    expect(trace.steps.every((x) => x.proof !== null)).toBe(true);
    // No person in the public record: not the inspector, the signer or the driver's company contact.
    for (const name of ['周立', '孙国强', '钱进']) expect(JSON.stringify(trace)).not.toContain(name);
  });
});
