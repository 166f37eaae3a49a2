import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { donors } from '../donations/schema.ts';
import { reliefItems } from '../relief/schema.ts';
import { linkNeedsToItems } from './link-needs-to-items.ts';
import { disasterEventNeeds } from './schema.ts';

let h: Harness;
const cookies: Record<string, string> = {};
const get = (url: string, user = 'wx_admin') => h.req('GET', url, { cookie: cookies[user] });
const send = (method: string, url: string, body: unknown, user = 'wx_admin') =>
  h.req(method, url, { cookie: cookies[user], body });

async function ok<T = Record<string, unknown>>(p: ReturnType<typeof send>): Promise<T> {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

const newEvent = (orgKey = 'wuxi', name = `测试事件 ${Math.random().toString(36).slice(2, 8)}`) =>
  ok<{ id: number }>(
    send('POST', '/api/disaster-events', {
      orgId: h.seed.orgs[orgKey],
      name,
      type: 'typhoon',
      area: '无锡市',
      responseLevel: 'III',
      startsOn: '2026-07-01',
    }),
  );

async function item(orgKey: string, code: string, name: string, unit: string) {
  const [row] = await h.ctx.db
    .insert(reliefItems)
    .values({ orgId: h.seed.orgs[orgKey]!, code, name, unit, category: 'shelter' })
    .returning();
  return row!.id;
}

const newAppeal = (orgKey: string, name: string, user = 'wx_admin') =>
  ok<{ id: number }>(
    send('POST', '/api/appeals', { orgId: h.seed.orgs[orgKey], kind: 'appeal', name }, user),
  );

beforeAll(async () => {
  h = await startHarness();
  for (const u of ['wx_admin', 'lx_admin', 'sz_admin']) cookies[u] = await h.login(u);
});
afterAll(() => h?.close());

describe('the needs list', () => {
  it('takes lines by free name and unit, changes and removes them, one line per name', async () => {
    const e = await newEvent();
    const line = await ok<{ id: number; name: string }>(
      send('POST', `/api/disaster-events/${e.id}/needs`, {
        name: '雨衣',
        unit: '件',
        quantity: 300,
        note: '环卫工人',
      }),
    );
    expect(line).toMatchObject({ name: '雨衣', unit: '件', quantity: 300, itemId: null });
    const again = await send('POST', `/api/disaster-events/${e.id}/needs`, {
      name: '雨衣',
      unit: '套',
      quantity: 5,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0]).toMatchObject({ field: 'name', code: 'DISASTER_NEED_DUPLICATE' });
    expect(again.json().message).toContain('雨衣');
    const changed = await ok(
      send('PATCH', `/api/disaster-events/${e.id}/needs/${line.id}`, { quantity: 450 }),
    );
    expect(changed).toMatchObject({ quantity: 450, note: '环卫工人' });
    expect(
      (await ok<{ id: number }>(send('DELETE', `/api/disaster-events/${e.id}/needs/${line.id}`, undefined)))
        .id,
    ).toBe(line.id);
    const detail = await ok<{ needs: unknown[]; needCount: number }>(get(`/api/disaster-events/${e.id}`));
    expect(detail.needs).toEqual([]);
    expect(detail.needCount).toBe(0);
    expect(
      (await send('DELETE', `/api/disaster-events/${e.id}/needs/${line.id}`, undefined)).statusCode,
    ).toBe(404);
  });

  it('refuses a line with neither item nor name, and a bad quantity, by field', async () => {
    const e = await newEvent();
    const res = await send('POST', `/api/disaster-events/${e.id}/needs`, { quantity: 0 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields.sort()).toEqual(['body.name', 'body.quantity']);
  });

  it('takes catalogue items of the society or above (name and unit from the catalogue), never a sibling’s', async () => {
    const e = await newEvent();
    const provinceTent = await item('province', 'T-DE-TENT', '单帐篷', '顶');
    const suzhouTent = await item('suzhou', 'T-DE-TENT2', '苏州帐篷', '顶');
    const line = await ok(
      send('POST', `/api/disaster-events/${e.id}/needs`, {
        itemId: provinceTent,
        name: '随便',
        unit: '个',
        quantity: 60,
      }),
    );
    expect(line).toMatchObject({ itemId: provinceTent, name: '单帐篷', unit: '顶', quantity: 60 });
    const dup = await send('POST', `/api/disaster-events/${e.id}/needs`, {
      itemId: provinceTent,
      quantity: 1,
    });
    expect(dup.json().fields[0]).toMatchObject({ field: 'itemId', code: 'DISASTER_NEED_DUPLICATE' });
    const foreign = await send('POST', `/api/disaster-events/${e.id}/needs`, {
      itemId: suzhouTent,
      quantity: 1,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields[0]).toMatchObject({ field: 'itemId', code: 'NOT_FOUND' });
  });

  it('lets a later seed point free-text needs at catalogue items by name', async () => {
    const e = await newEvent();
    await ok(
      send('POST', `/api/disaster-events/${e.id}/needs`, { name: '折叠床', unit: '张', quantity: 40 }),
    );
    await ok(send('POST', `/api/disaster-events/${e.id}/needs`, { name: '毛毯', unit: '条', quantity: 90 }));
    const bed = await item('wuxi', 'T-DE-BED', '折叠床', '张');
    const changed = await h.ctx.db.transaction((tx) => linkNeedsToItems(tx, e.id, { 折叠床: bed, 睡袋: 9 }));
    expect(changed).toBe(1);
    const rows = await h.ctx.db.select().from(disasterEventNeeds).where(eq(disasterEventNeeds.eventId, e.id));
    expect(Object.fromEntries(rows.map((r) => [r.name, r.itemId]))).toEqual({ 折叠床: bed, 毛毯: null });
  });
});

describe('appeals raised for an event', () => {
  it('links appeals of the event’s society or below, shows the money they raised, and unlinks', async () => {
    const e = await newEvent();
    const city = await newAppeal('wuxi', '测试市级专项');
    const county = await newAppeal('liangxi', '测试梁溪专项', 'lx_admin');
    const [donor] = await h.ctx.db.select().from(donors).where(eq(donors.orgId, h.seed.orgs.wuxi!));
    for (const amountFen of [500_000, 120_000])
      await ok(
        send('POST', '/api/gifts', {
          orgId: h.seed.orgs.wuxi,
          donorId: donor!.id,
          channel: 'bank',
          amountFen,
          receivedOn: '2026-07-02',
          appealId: city.id,
        }),
      );
    const pickable = await ok<{ id: number }[]>(get(`/api/disaster-events/${e.id}/linkable-appeals`));
    expect(pickable.map((a) => a.id)).toEqual(expect.arrayContaining([city.id, county.id]));
    expect(
      await ok(send('POST', `/api/disaster-events/${e.id}/appeals`, { appealId: city.id })),
    ).toMatchObject({
      id: city.id,
      raisedFen: 620_000,
      giftCount: 2,
    });
    await ok(send('POST', `/api/disaster-events/${e.id}/appeals`, { appealId: county.id }));
    const detail = await ok<{ appeals: { id: number }[]; raisedFen: number; appealCount: number }>(
      get(`/api/disaster-events/${e.id}`),
    );
    expect(detail).toMatchObject({ raisedFen: 620_000, appealCount: 2 });
    const after = await ok<{ id: number }[]>(get(`/api/disaster-events/${e.id}/linkable-appeals`));
    expect(after.map((a) => a.id)).not.toContain(city.id);
    await ok(send('DELETE', `/api/disaster-events/${e.id}/appeals/${county.id}`, undefined));
    expect((await ok<{ appealCount: number }>(get(`/api/disaster-events/${e.id}`))).appealCount).toBe(1);
  });

  it('refuses another society’s appeal, and an appeal already serving an event', async () => {
    const e = await newEvent();
    const suzhou = await newAppeal('suzhou', '测试苏州专项', 'sz_admin');
    const outside = await send('POST', `/api/disaster-events/${e.id}/appeals`, { appealId: suzhou.id });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().fields[0]).toMatchObject({ field: 'appealId', code: 'DISASTER_APPEAL_OUTSIDE' });
    // A county event cannot take its city's appeal either: the city raised it.
    const countyEvent = await newEvent('liangxi');
    const city = await newAppeal('wuxi', '测试市级专项二');
    const up = await send('POST', `/api/disaster-events/${countyEvent.id}/appeals`, { appealId: city.id });
    expect(up.json().fields[0]).toMatchObject({ code: 'DISASTER_APPEAL_OUTSIDE' });

    await ok(send('POST', `/api/disaster-events/${e.id}/appeals`, { appealId: city.id }));
    const other = await newEvent('wuxi', '另一个测试事件');
    const taken = await send('POST', `/api/disaster-events/${other.id}/appeals`, { appealId: city.id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().fields[0]).toMatchObject({ field: 'appealId', code: 'DISASTER_APPEAL_TAKEN' });
    const missing = await send('POST', `/api/disaster-events/${e.id}/appeals`, { appealId: 2_000_000_000 });
    expect(missing.json().fields[0]).toMatchObject({ field: 'appealId', code: 'NOT_FOUND' });
  });

  it('shows the goods given to the event’s appeals, donors as the public sees them', async () => {
    const typhoonId = h.seed.disasterEvents!.typhoon!;
    const detail = await ok<{ goodsGifts: { donorName: string; items: string }[]; goodsValueFen: number }>(
      get(`/api/disaster-events/${typhoonId}`),
    );
    const kits = detail.goodsGifts.find((g) => g.items.includes('家庭应急包'));
    expect(kits).toMatchObject({
      donorName: '无锡安泰应急装备有限公司',
      items: '家庭应急包 1000 个、家庭应急包 50 个',
    });
    expect(detail.goodsValueFen).toBeGreaterThan(1050 * 12_800);
  });
});

describe('the public page', () => {
  it('shows needs against what arrived and money raised, without a session and without any person', async () => {
    const typhoonId = h.seed.disasterEvents!.typhoon!;
    const res = await h.req('GET', `/api/public/disaster-events/${typhoonId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      name: '2026年第14号台风“海葵”防御与救灾',
      orgName: '无锡市红十字会',
      status: 'active',
    });
    expect(body.needs.map((n: { name: string; neededQty: number }) => [n.name, n.neededQty])).toEqual([
      ['家庭应急包', 800],
      ['棉被', 500],
      ['单帐篷', 60],
    ]);
    for (const n of body.needs) expect(n.signedQty).toBeLessThanOrEqual(n.shippedQty);
    expect(body.appeals.map((a: { name: string }) => a.name)).toEqual(['2026年防御台风应急救灾专项']);
    // No staff account, staff name, donor, phone or summary text reaches the public.
    expect(Object.keys(body).sort()).toEqual(
      [
        'appeals',
        'area',
        'endsOn',
        'giftCount',
        'goodsValueFen',
        'id',
        'name',
        'needs',
        'orgName',
        'raisedFen',
        'responseLevel',
        'startsOn',
        'status',
        'type',
      ].sort(),
    );
    expect(res.body).not.toMatch(/demo-seed|system:|wx_admin|王丽华|无锡安泰|钱玉芬|1[3-9]\d{9}/);
    const [kitsDonor] = await h.ctx.db
      .select()
      .from(donors)
      .where(and(eq(donors.orgId, h.seed.orgs.wuxi!), eq(donors.kind, 'enterprise')));
    expect(res.body).not.toContain(kitsDonor!.name);
    expect((await h.req('GET', '/api/public/disaster-events/2000000000')).statusCode).toBe(404);
  });
});
