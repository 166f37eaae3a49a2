import { shanghaiDate } from '@boai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

/** Warehouses at every level, their locations, and closing one. */

let h: Harness;
let lx: string;
let xs: string;
let cas: string;
let wx: string;
let orgs: Record<string, number>;
const get = (url: string, cookie = lx) => h.req('GET', url, { cookie });
const post = (url: string, body: unknown, cookie = lx) => h.req('POST', url, { cookie, body });
const patch = (url: string, body: unknown, cookie = lx) => h.req('PATCH', url, { cookie, body });
const fieldsOf = (res: { json(): { fields: { field: string; code: string }[] } }) =>
  res.json().fields.map((f) => `${f.field}:${f.code}`);
let n = 0;
const warehouse = (orgId: number, over: Record<string, unknown> = {}) => ({
  orgId,
  code: `W-${++n}`,
  name: `测试仓库${n}`,
  address: '无锡市梁溪区测试路 1 号',
  keeperName: '王保管',
  ...over,
});

beforeAll(async () => {
  h = await startHarness();
  [lx, xs, cas, wx] = (await Promise.all(
    ['lx_admin', 'xs_admin', 'cas_staff', 'wx_admin'].map((u) => h.login(u)),
  )) as [string, string, string, string];
  orgs = h.seed.orgs;
});
afterAll(() => h?.close());

describe('warehouses', () => {
  it('opens a warehouse at any level with its locations, each code once', async () => {
    const res = await post(
      '/api/relief/warehouses',
      warehouse(orgs.chonganshi!, { locations: [{ code: 'A-1' }, { code: 'A-2', name: '二号货架' }] }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      orgName: '崇安寺街道红十字会',
      active: true,
      batchCount: 0,
      onHandQty: 0,
      locations: [
        { code: 'A-1', name: null },
        { code: 'A-2', name: '二号货架' },
      ],
    });
    const w = res.json();
    const dupCode = await post('/api/relief/warehouses', warehouse(orgs.chonganshi!, { code: w.code }));
    expect(dupCode.statusCode).toBe(409);
    expect(fieldsOf(dupCode)).toEqual(['code:WAREHOUSE_CODE_TAKEN']);
    const dupLocations = await post(
      '/api/relief/warehouses',
      warehouse(orgs.liangxi!, { locations: [{ code: 'B-1' }, { code: 'B-1' }] }),
    );
    expect(fieldsOf(dupLocations)).toEqual(['locations.1.code:WAREHOUSE_LOCATION_CODE_TAKEN']);

    const more = await post(`/api/relief/warehouses/${w.id}/locations`, { locations: [{ code: 'C-1' }] });
    expect(more.json().locations.map((l: { code: string }) => l.code)).toEqual(['A-1', 'A-2', 'C-1']);
    const taken = await post(`/api/relief/warehouses/${w.id}/locations`, { locations: [{ code: 'A-2' }] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toBe('该仓库已有编码为 A-2 的库位');

    const renamed = await patch(`/api/relief/warehouses/${w.id}`, {
      name: '崇安寺应急物资柜',
      keeperName: '赵志强',
    });
    expect(renamed.json()).toMatchObject({ name: '崇安寺应急物资柜', keeperName: '赵志强' });
  });

  it('refuses to close a warehouse that still holds stock, and takes nothing into a closed one', async () => {
    const city = (await get('/api/relief/warehouses?q=WX-BZ01', wx)).json().items[0];
    expect(city.onHandQty).toBeGreaterThan(1_000);
    expect(city.valueFen).toBeGreaterThan(0);
    const refused = await patch(`/api/relief/warehouses/${city.id}`, { active: false }, wx);
    expect(refused.statusCode).toBe(409);
    expect(fieldsOf(refused)).toEqual(['active:WAREHOUSE_NOT_EMPTY']);
    expect(refused.json().message).toBe(`该仓库还有库存（${city.onHandQty} 件），清空后才能停用`);

    const empty = (await post('/api/relief/warehouses', warehouse(orgs.liangxi!))).json();
    const closed = await patch(`/api/relief/warehouses/${empty.id}`, { active: false });
    expect(closed.json().active).toBe(false);
    const item = (await get(`/api/relief/items?q=KQS&usableBy=${orgs.liangxi}`)).json().items[0];
    const purchase = await post('/api/relief/goods-in/purchase', {
      warehouseId: empty.id,
      receivedOn: shanghaiDate(new Date()),
      inspector: '王保管',
      supplier: '测试商贸',
      lines: [{ itemId: item.id, quantity: 1, unitPriceFen: 100 }],
    });
    expect(fieldsOf(purchase)).toEqual(['warehouseId:WAREHOUSE_INACTIVE']);
    expect(
      fieldsOf(await post(`/api/relief/warehouses/${empty.id}/locations`, { locations: [{ code: 'X' }] })),
    ).toEqual(['warehouseId:WAREHOUSE_INACTIVE']);
    const active = (await get(`/api/relief/warehouses?orgId=${orgs.liangxi}&active=true`)).json().items;
    expect(active.some((w: { id: number }) => w.id === empty.id)).toBe(false);
  });

  it('keeps a society’s warehouses from its siblings, and read-only staff from changing them', async () => {
    const mine = (await post('/api/relief/warehouses', warehouse(orgs.liangxi!))).json();
    expect((await get(`/api/relief/warehouses/${mine.id}`, xs)).statusCode).toBe(404);
    expect((await patch(`/api/relief/warehouses/${mine.id}`, { name: '越权' }, xs)).statusCode).toBe(404);
    expect(
      (await post(`/api/relief/warehouses/${mine.id}/locations`, { locations: [{ code: 'Z' }] }, xs))
        .statusCode,
    ).toBe(404);
    const xsList = (await get('/api/relief/warehouses?pageSize=200', xs)).json();
    expect(xsList.items.every((w: { orgName: string }) => !/梁溪|崇安寺/.test(w.orgName))).toBe(true);
    expect(fieldsOf(await post('/api/relief/warehouses', warehouse(orgs.liangxi!), xs))).toEqual([
      'orgId:NOT_FOUND',
    ]);
    expect((await post('/api/relief/warehouses', warehouse(orgs.chonganshi!), cas)).statusCode).toBe(403);
    // A branch reads its own warehouses but not its parent's.
    const casList = (await get('/api/relief/warehouses?pageSize=200', cas)).json();
    expect(casList.items.length).toBeGreaterThan(0);
    expect(casList.items.every((w: { orgName: string }) => w.orgName.startsWith('崇安寺'))).toBe(true);
  });
});
