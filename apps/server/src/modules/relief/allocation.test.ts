import { addDays } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db/client.ts';
import { modules } from '../index.ts';
import { builderSet, sequenceOnce, verifyLedger } from '../ledger/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  today,
  warehouseOf,
} from './allocation-fixtures.ts';
import { allocationLedgerEntries } from './allocation-ledger.ts';
import { allocations } from './schema.ts';

let h: Harness;
let post: ReturnType<typeof poster>;
let wx: string;
let wx2: string;
let lx: string;
let js: string;
let js2: string;
let sz: string;
let wuxiWh: number;
let liangxiWh: number;
let xishanWh: number;
let suzhouWh: number;
let provinceWh: number;

const request = (cookie: string, body: Record<string, unknown>, key?: string) =>
  post('/api/relief/allocations', cookie, { destination: 'warehouse', purpose: '测试调拨', ...body }, key);

beforeAll(async () => {
  h = await startHarness();
  post = poster(h);
  await makeUser(h.ctx, 'wx_second', h.seed.orgs.wuxi!, 'admin');
  await makeUser(h.ctx, 'js_second', h.seed.orgs.province!, 'admin');
  wx = await h.login('wx_admin');
  wx2 = await h.login('wx_second');
  lx = await h.login('lx_admin');
  js = await h.login('js_admin');
  js2 = await h.login('js_second');
  sz = await h.login('sz_admin');
  wuxiWh = (await warehouseOf(h, 'wuxi')).id;
  liangxiWh = (await warehouseOf(h, 'liangxi')).id;
  xishanWh = (await warehouseOf(h, 'xishan')).id;
  suzhouWh = (await warehouseOf(h, 'suzhou')).id;
  provinceWh = (await warehouseOf(h, 'province')).id;
});
afterAll(() => h?.close());

describe('调拨申请: reserving at once, earliest expiry first', () => {
  it('reserves FEFO across batches (never an expired one) and values the request at the batches taken', async () => {
    const item = await newItem(h);
    const [late, none, soon, old] = await stock(h, 'wuxi', item.id, [
      { quantity: 10, unitPriceFen: 300, expiresOn: addDays(today(), 200) },
      { quantity: 10, unitPriceFen: 100, expiresOn: null },
      { quantity: 10, unitPriceFen: 200, expiresOn: addDays(today(), 30) },
      { quantity: 10, unitPriceFen: 900, expiresOn: addDays(today(), 10) },
    ]);
    await expire(h, old!.id);
    const res = await request(wx, {
      fromWarehouseId: wuxiWh,
      toWarehouseId: liangxiWh,
      lines: [{ itemId: item.id, quantity: 25 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a.status).toBe('requested');
    expect(a.picks.map((p: { batchCode: string; quantity: number }) => [p.batchCode, p.quantity])).toEqual([
      [soon!.code, 10],
      [late!.code, 10],
      [none!.code, 5],
    ]);
    expect(a.valueFen).toBe(10 * 200 + 10 * 300 + 5 * 100);
    expect(a.approvalsNeeded).toBe(1);
    expect((await batch(h, soon!.id)).reserved).toBe(10);
    expect((await batch(h, none!.id)).reserved).toBe(5);
    expect((await batch(h, old!.id)).reserved).toBe(0);
  });

  it('refuses what it cannot reserve in full with STOCK_INSUFFICIENT and leaves nothing behind', async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 10 }]);
    const before = (await h.ctx.db.select({ id: allocations.id }).from(allocations)).length;
    const res = await request(wx, {
      fromWarehouseId: wuxiWh,
      toWarehouseId: liangxiWh,
      lines: [
        { itemId: item.id, quantity: 8 },
        { itemId: (await newItem(h)).id, quantity: 1 },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().fields[0]).toMatchObject({ field: 'lines.1.quantity', code: 'STOCK_INSUFFICIENT' });
    expect((await batch(h, b!.id)).reserved).toBe(0);
    expect((await h.ctx.db.select({ id: allocations.id }).from(allocations)).length).toBe(before);
  });

  it('takes a named batch whole, and refuses one of another warehouse or past its expiry', async () => {
    const item = await newItem(h);
    const [first, second] = await stock(h, 'wuxi', item.id, [{ quantity: 10 }, { quantity: 10 }]);
    const [elsewhere] = await stock(h, 'xishan', item.id, [{ quantity: 10 }]);
    const named = await request(wx, {
      fromWarehouseId: wuxiWh,
      toWarehouseId: liangxiWh,
      lines: [{ itemId: item.id, quantity: 6, batchId: second!.id }],
    });
    expect(named.json().picks.map((p: { batchId: number }) => p.batchId)).toEqual([second!.id]);
    expect((await batch(h, first!.id)).reserved).toBe(0);
    const other = await request(wx, {
      fromWarehouseId: wuxiWh,
      toWarehouseId: liangxiWh,
      lines: [{ itemId: item.id, quantity: 1, batchId: elsewhere!.id }],
    });
    expect(other.json().fields[0]).toMatchObject({
      field: 'lines.0.batchId',
      code: 'ALLOCATION_BATCH_NOT_IN_WAREHOUSE',
    });
    await expire(h, first!.id);
    const expired = await request(wx, {
      fromWarehouseId: wuxiWh,
      toWarehouseId: liangxiWh,
      lines: [{ itemId: item.id, quantity: 1, batchId: first!.id }],
    });
    expect(expired.json().fields[0].code).toBe('ALLOCATION_BATCH_EXPIRED');
  });

  it('checks the destination: not the source warehouse, a real one, an active event', async () => {
    const item = await newItem(h);
    await stock(h, 'wuxi', item.id, [{ quantity: 5 }]);
    const lines = [{ itemId: item.id, quantity: 1 }];
    const same = await request(wx, { fromWarehouseId: wuxiWh, toWarehouseId: wuxiWh, lines });
    expect(same.json().fields[0].code).toBe('ALLOCATION_SAME_WAREHOUSE');
    const missing = await request(wx, { fromWarehouseId: wuxiWh, toWarehouseId: 999_999, lines });
    expect(missing.json().fields[0]).toMatchObject({ field: 'toWarehouseId', code: 'NOT_FOUND' });
    const flood = h.seed.disasterEvents!.flood!;
    const closed = await request(wx, {
      fromWarehouseId: wuxiWh,
      destination: 'event',
      eventId: flood,
      lines,
    });
    expect(closed.json().fields[0].code).toBe('ALLOCATION_EVENT_CLOSED');
    // A sibling city's event is not one 无锡 may name: the same answer as a missing event.
    const suzhouEvent = await h.req('POST', '/api/disaster-events', {
      cookie: sz,
      body: {
        orgId: h.seed.orgs.suzhou,
        name: '苏州强降雨',
        type: 'flood',
        area: '苏州市吴中区',
        responseLevel: 'IV',
        startsOn: today(),
      },
    });
    expect(suzhouEvent.statusCode).toBe(200);
    for (const eventId of [suzhouEvent.json().id, 999_999]) {
      const res = await request(wx, { fromWarehouseId: wuxiWh, destination: 'event', eventId, lines });
      expect(res.json().fields[0]).toMatchObject({ field: 'eventId', code: 'NOT_FOUND' });
    }
    const noTarget = await request(wx, { fromWarehouseId: wuxiWh, destination: 'org', lines });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().fields[0].field).toBe('body.toOrgId');
  });

  it('replays a retried request with the same Idempotency-Key: one allocation, one reservation', async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 10 }]);
    const body = {
      fromWarehouseId: wuxiWh,
      toWarehouseId: liangxiWh,
      lines: [{ itemId: item.id, quantity: 4 }],
    };
    const first = await request(wx, body, 'alloc-retry-0001');
    const again = await request(wx, body, 'alloc-retry-0001');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect((await batch(h, b!.id)).reserved).toBe(4);
  });
});

describe('who may ask', () => {
  it('lets a society below ask its ancestor for goods for itself, and nothing else', async () => {
    const item = await newItem(h);
    await stock(h, 'wuxi', item.id, [{ quantity: 20 }]);
    await stock(h, 'province', item.id, [{ quantity: 20 }]);
    const lines = [{ itemId: item.id, quantity: 2 }];
    const own = await request(lx, { fromWarehouseId: wuxiWh, toWarehouseId: liangxiWh, lines });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ requestedByOrgId: h.seed.orgs.liangxi, orgId: h.seed.orgs.wuxi });
    const fromProvince = await request(lx, { fromWarehouseId: provinceWh, toWarehouseId: liangxiWh, lines });
    expect(fromProvince.statusCode).toBe(200);
    expect(fromProvince.json().approvalsNeeded).toBe(1);
    const forOthers = await request(lx, { fromWarehouseId: wuxiWh, toWarehouseId: xishanWh, lines });
    expect(forOthers.json().fields[0]).toMatchObject({
      field: 'destination',
      code: 'ALLOCATION_FOR_ITSELF_ONLY',
    });
    // A sibling's warehouse is not the requester's to see: the same answer as a missing one.
    const sibling = await request(sz, { fromWarehouseId: wuxiWh, toWarehouseId: suzhouWh, lines });
    expect(sibling.json().fields[0]).toMatchObject({ field: 'fromWarehouseId', code: 'NOT_FOUND' });
    const below = await request(lx, { fromWarehouseId: xishanWh, toWarehouseId: liangxiWh, lines });
    expect(below.json().fields[0]).toMatchObject({ field: 'fromWarehouseId', code: 'NOT_FOUND' });
  });

  it('answers a sibling society NOT_FOUND for a request it did not make, and leaves it out of its list', async () => {
    const item = await newItem(h);
    await stock(h, 'wuxi', item.id, [{ quantity: 5 }]);
    const a = (
      await request(wx, {
        fromWarehouseId: wuxiWh,
        toWarehouseId: liangxiWh,
        lines: [{ itemId: item.id, quantity: 1 }],
      })
    ).json();
    expect((await h.req('GET', `/api/relief/allocations/${a.id}`, { cookie: sz })).statusCode).toBe(404);
    expect((await post(`/api/relief/allocations/${a.id}/approve`, sz)).statusCode).toBe(404);
    expect((await post(`/api/relief/allocations/${a.id}/cancel`, sz, { reason: '试' })).statusCode).toBe(404);
    const list = (await h.req('GET', '/api/relief/allocations?pageSize=200', { cookie: sz })).json();
    expect(list.items.map((x: { id: number }) => x.id)).not.toContain(a.id);
    // Both ends see it: the city that ships, the district that receives.
    expect((await h.req('GET', `/api/relief/allocations/${a.id}`, { cookie: lx })).statusCode).toBe(200);
    const lxIn = (
      await h.req('GET', '/api/relief/allocations?direction=in&pageSize=200', { cookie: lx })
    ).json();
    expect(lxIn.items.map((x: { id: number }) => x.id)).toContain(a.id);
    const wxOut = (
      await h.req('GET', '/api/relief/allocations?direction=out&pageSize=200', { cookie: wx })
    ).json();
    expect(wxOut.items.map((x: { id: number }) => x.id)).toContain(a.id);
    const wxIn = (
      await h.req('GET', '/api/relief/allocations?direction=in&pageSize=200', { cookie: wx })
    ).json();
    expect(wxIn.items.map((x: { id: number }) => x.id)).not.toContain(a.id);
  });
});

describe('designated goods go only where the donor said', () => {
  it('keeps event-designated goods for their event (or a warehouse, which carries the designation on)', async () => {
    const wxEvent = await newEvent(h, wx, 'wuxi', '测试定向事件');
    const otherEvent = await newEvent(h, wx, 'wuxi', '测试另一事件');
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 10 }]);
    await designate(h, b!.id, { designatedEventId: wxEvent, designation: '定向用于测试定向事件' });
    const lines = [{ itemId: item.id, quantity: 2 }];
    const toEvent = await request(wx, {
      fromWarehouseId: wuxiWh,
      destination: 'event',
      eventId: wxEvent,
      lines,
    });
    expect(toEvent.statusCode, toEvent.body).toBe(200);
    const toWarehouse = await request(wx, { fromWarehouseId: wuxiWh, toWarehouseId: liangxiWh, lines });
    expect(toWarehouse.statusCode).toBe(200);
    const linked = await request(wx, {
      fromWarehouseId: wuxiWh,
      destination: 'org',
      toOrgId: h.seed.orgs.liangxi,
      eventId: wxEvent,
      lines,
    });
    expect(linked.statusCode).toBe(200);
    // FEFO never takes it for another purpose: there is simply no stock for that.
    const elsewhere = await request(wx, {
      fromWarehouseId: wuxiWh,
      destination: 'event',
      eventId: otherEvent,
      lines,
    });
    expect(elsewhere.json().fields[0].code).toBe('STOCK_INSUFFICIENT');
    // Named, it says why, naming the line and the designation.
    const named = await request(wx, {
      fromWarehouseId: wuxiWh,
      destination: 'event',
      eventId: otherEvent,
      lines: [{ itemId: item.id, quantity: 1, batchId: b!.id }],
    });
    expect(named.json().fields[0]).toMatchObject({
      field: 'lines.0.batchId',
      code: 'ALLOCATION_DESIGNATED_ELSEWHERE',
    });
    expect(named.json().fields[0].message).toContain('定向用于测试定向事件');
  });

  it('keeps society-designated goods for that society: itself, its warehouse, its events or aid', async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 20 }]);
    await designate(h, b!.id, { designatedOrgId: h.seed.orgs.liangxi!, designation: '定向捐赠给梁溪区' });
    const lines = [{ itemId: item.id, quantity: 1, batchId: b!.id }];
    const ok = await Promise.all([
      request(wx, { fromWarehouseId: wuxiWh, toWarehouseId: liangxiWh, lines }),
      request(wx, { fromWarehouseId: wuxiWh, destination: 'org', toOrgId: h.seed.orgs.liangxi, lines }),
      request(wx, {
        fromWarehouseId: wuxiWh,
        destination: 'aid',
        aidBatchRef: 'LX-2026-01',
        toOrgId: h.seed.orgs.liangxi,
        lines,
      }),
    ]);
    expect(ok.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const refused = await Promise.all([
      request(wx, { fromWarehouseId: wuxiWh, toWarehouseId: xishanWh, lines }),
      request(wx, { fromWarehouseId: wuxiWh, destination: 'org', toOrgId: h.seed.orgs.xishan, lines }),
      request(wx, { fromWarehouseId: wuxiWh, destination: 'aid', aidBatchRef: 'WX-2026-09', lines }),
    ]);
    expect(refused.map((r) => r.json().fields[0].code)).toEqual(
      Array(3).fill('ALLOCATION_DESIGNATED_ELSEWHERE'),
    );
  });
});

describe('审批 by level', () => {
  async function allocation(body: Record<string, unknown>, cookie = wx) {
    const res = await request(cookie, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('needs one level inside the shipping subtree, decided by someone other than the requester', async () => {
    const item = await newItem(h);
    await stock(h, 'wuxi', item.id, [{ quantity: 10 }]);
    const a = await allocation({
      fromWarehouseId: wuxiWh,
      toWarehouseId: liangxiWh,
      lines: [{ itemId: item.id, quantity: 2 }],
    });
    expect(a.approvalsNeeded).toBe(1);
    expect(a.awaiting).toMatchObject({ level: 1, orgId: h.seed.orgs.wuxi });
    expect(a.can.approve).toBe(false);
    const self = await post(`/api/relief/allocations/${a.id}/approve`, wx);
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('ALLOCATION_SELF_APPROVAL');
    const byLiangxi = await post(`/api/relief/allocations/${a.id}/approve`, lx);
    expect(byLiangxi.json().code).toBe('ALLOCATION_APPROVAL_LEVEL_NOT_YOURS');
    const ok = await post(`/api/relief/allocations/${a.id}/approve`, wx2, { comment: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', approvalsGiven: 1 });
    expect(ok.json().timeline.map((t: { step: string }) => t.step)).toEqual(['requested', 'approved']);
  });

  it('needs the parent too at ¥100,000 or more, or when the goods leave the subtree — two people', async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 200, unitPriceFen: 100_000 }]);
    const big = await allocation({
      fromWarehouseId: wuxiWh,
      toWarehouseId: liangxiWh,
      lines: [{ itemId: item.id, quantity: 100 }],
    });
    expect(big).toMatchObject({ valueFen: 10_000_000, approvalsNeeded: 2 });
    const first = await post(`/api/relief/allocations/${big.id}/approve`, wx2);
    expect(first.json()).toMatchObject({
      status: 'requested',
      approvalsGiven: 1,
      awaiting: { level: 2, orgId: h.seed.orgs.province },
    });
    expect((await post(`/api/relief/allocations/${big.id}/approve`, wx2)).json().code).toBe(
      'ALLOCATION_APPROVAL_LEVEL_NOT_YOURS',
    );
    const second = await post(`/api/relief/allocations/${big.id}/approve`, js);
    expect(second.json()).toMatchObject({ status: 'approved', approvalsGiven: 2 });

    const small = await allocation({
      fromWarehouseId: wuxiWh,
      toWarehouseId: suzhouWh,
      lines: [{ itemId: item.id, quantity: 1 }],
    });
    expect(small.approvalsNeeded).toBe(2);
    expect((await post(`/api/relief/allocations/${small.id}/approve`, js)).json().approvalsGiven).toBe(1);
    const twice = await post(`/api/relief/allocations/${small.id}/approve`, js);
    expect(twice.statusCode).toBe(403);
    expect(twice.json().code).toBe('ALLOCATION_APPROVER_TWICE');
    // Rejected at the second level: the reservation is given back.
    expect((await batch(h, b!.id)).reserved).toBe(101);
    const rejected = await post(`/api/relief/allocations/${small.id}/reject`, js2, {
      comment: '跨市调拨请走省级统筹',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', closedReason: '跨市调拨请走省级统筹' });
    expect((await expectCardBalanced(h, b!.id)).reserved).toBe(100);
  });

  it('needs only the province itself for the province warehouse, whatever the value (no level above)', async () => {
    const item = await newItem(h);
    await stock(h, 'province', item.id, [{ quantity: 200, unitPriceFen: 100_000 }]);
    const a = await allocation(
      { fromWarehouseId: provinceWh, toWarehouseId: suzhouWh, lines: [{ itemId: item.id, quantity: 150 }] },
      js,
    );
    expect(a.approvalsNeeded).toBe(1);
  });
});

describe('the state machine refuses every illegal step with a code', () => {
  it('walks requested → approved and refuses what does not follow', async () => {
    const item = await newItem(h);
    const [b] = await stock(h, 'wuxi', item.id, [{ quantity: 10 }]);
    const a = (
      await request(wx, {
        fromWarehouseId: wuxiWh,
        toWarehouseId: liangxiWh,
        lines: [{ itemId: item.id, quantity: 3 }],
      })
    ).json();
    const url = `/api/relief/allocations/${a.id}`;
    const code = async (path: string, cookie: string, body: unknown = {}) =>
      (await post(`${url}/${path}`, cookie, body)).json().code;
    expect(await code('scans', wx, { task: 'pick', items: [{ code: b!.code }] })).toBe(
      'ALLOCATION_WRONG_STATUS',
    );
    expect(await code('ship', wx, { carrier: '顺丰' })).toBe('ALLOCATION_WRONG_STATUS');
    expect(await code('sign', lx, { signerName: '张三' })).toBe('ALLOCATION_WRONG_STATUS');
    await post(`${url}/approve`, wx2);
    expect(await code('approve', js)).toBe('ALLOCATION_WRONG_STATUS');
    expect(await code('reject', js, { comment: '晚了' })).toBe('ALLOCATION_WRONG_STATUS');
    expect(await code('sign', lx, { signerName: '张三' })).toBe('ALLOCATION_WRONG_STATUS');
    expect(await code('ship', wx, { carrier: '顺丰' })).toBe('ALLOCATION_NOT_FULLY_PICKED');
    // The requester withdraws it, approved but not shipped: the stock is free again.
    expect((await post(`${url}/cancel`, wx, { reason: '不要了' })).statusCode).toBe(200);
    expect((await batch(h, b!.id)).reserved).toBe(0);
    expect(await code('cancel', wx, { reason: '再撤' })).toBe('ALLOCATION_WRONG_STATUS');
    expect(await code('approve', wx2)).toBe('ALLOCATION_WRONG_STATUS');
    expect(await code('scans', wx, { task: 'pick', items: [{ code: b!.code }] })).toBe(
      'ALLOCATION_WRONG_STATUS',
    );
    const detail = (await h.req('GET', url, { cookie: wx })).json();
    expect(detail.timeline.map((t: { step: string }) => t.step)).toEqual([
      'requested',
      'approved',
      'cancelled',
    ]);
    expect(detail.can).toEqual({ approve: false, cancel: false, pick: false, ship: false, sign: false });
  });

  it('lets only the requester or staff of either side cancel', async () => {
    const item = await newItem(h);
    await stock(h, 'wuxi', item.id, [{ quantity: 10 }]);
    const a = (
      await request(wx, {
        fromWarehouseId: wuxiWh,
        toWarehouseId: liangxiWh,
        lines: [{ itemId: item.id, quantity: 3 }],
      })
    ).json();
    // 梁溪区 is only the receiving society here (the city asked): it sees the request but may not withdraw it.
    const res = await post(`/api/relief/allocations/${a.id}/cancel`, lx, { reason: '不要了' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ALLOCATION_CANCEL_NOT_ALLOWED');
    expect(
      (await post(`/api/relief/allocations/${a.id}/cancel`, wx2, { reason: '计划调整' })).statusCode,
    ).toBe(200);
  });
});

describe('malformed input', () => {
  it('is answered 4xx with the field, never a 5xx', async () => {
    const bodies: [string, unknown][] = [
      ['/api/relief/allocations', { fromWarehouseId: 'x', destination: 'warehouse', lines: 'all' }],
      ['/api/relief/allocations', { fromWarehouseId: wuxiWh, destination: 'moon', purpose: 'x', lines: [] }],
      [
        '/api/relief/allocations',
        {
          fromWarehouseId: wuxiWh,
          destination: 'warehouse',
          toWarehouseId: 2 ** 40,
          purpose: 'x',
          lines: [{ itemId: 1, quantity: 1.5 }],
        },
      ],
      [
        '/api/relief/allocations',
        {
          fromWarehouseId: wuxiWh,
          destination: 'aid',
          aidBatchRef: '\u0000',
          purpose: 'x',
          lines: [{ itemId: 1, quantity: 1 }],
        },
      ],
      ['/api/relief/allocations/1/scans', { task: 'pick', items: Array(501).fill({ code: 'PC00000001' }) }],
      [
        '/api/relief/allocations/1/scans',
        { task: 'steal', items: [{ code: "'; drop table stock_batches; --" }] },
      ],
      ['/api/relief/allocations/abc/approve', {}],
      ['/api/relief/allocations/99999999999/approve', {}],
      [
        '/api/relief/allocations/1/sign',
        { signerName: '', photo: { fileName: 'a', mime: 'image/gif', contentBase64: '!!' } },
      ],
      ['/api/relief/allocations/1/sign', { signerName: '张三', picks: [{ pickId: -1, receivedQty: 1 }] }],
      ['/api/relief/scans/lookup', { codes: [] }],
      ['/api/relief/scans/lookup', { codes: ['<script>'] }],
    ];
    for (const [url, body] of bodies) {
      const res = await post(url, wx, body);
      expect(res.statusCode, `${url} ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500);
      expect(res.json().code).toBeTruthy();
    }
  });
});

describe('the demo', () => {
  it('has the 300 kits of the typhoon signed for at 梁溪区 and two requests waiting', async () => {
    const list = (await h.req('GET', '/api/relief/allocations?pageSize=200', { cookie: js })).json();
    const demo = list.items.filter((x: { requestedBy: string }) => x.requestedBy === 'system:demo-seed');
    const signed = demo.find((x: { purpose: string }) => x.purpose.includes('梁溪区低洼小区'));
    expect(signed).toMatchObject({ status: 'signed', totalQty: 300, toWarehouseId: liangxiWh });
    const waiting = demo.filter((x: { status: string }) => x.status === 'requested');
    expect(waiting.map((x: { orgId: number }) => x.orgId).sort()).toEqual(
      [h.seed.orgs.province, h.seed.orgs.wuxi].sort(),
    );
    const [row] = await h.ctx.db.select().from(allocations).where(eq(allocations.id, signed.id));
    expect(row!.eventId).toBe(h.seed.disasterEvents!.typhoon);
    // Its public events are appended to the transparency log, and the verifier rebuilds them to the same text.
    const builders = builderSet(modules.flatMap((m) => m.ledgerEntries ?? []));
    await sequenceOnce(h.ctx.db, builders);
    const stored = await queryRows<{ ref: string }>(
      h.ctx.db,
      sql`select ref from ledger_entries where kind like 'allocation.%'`,
    );
    expect(stored.map((r) => r.ref)).toEqual(
      expect.arrayContaining([`allocation:${signed.id}`, `allocation-signed:${signed.id}`]),
    );
    const { findings } = await verifyLedger(h.ctx.db, h.ctx.config, builders, [h.seed.orgs.wuxi!]);
    expect(findings.filter((f) => f.ref?.startsWith('allocation'))).toEqual([]);
    const shipped = (await allocationLedgerEntries[0]!.build(h.ctx.db, [`allocation:${signed.id}`])).get(
      `allocation:${signed.id}`,
    )!;
    expect(shipped).toMatchObject({ event: h.seed.disasterEvents!.typhoon, valueFen: 3_840_000 });
    expect((shipped.lines as { gift: string | null }[])[0]!.gift).toMatch(/^gift:\d+$/);
  });
});
