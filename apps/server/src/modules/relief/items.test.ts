import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

/** The catalogue: items and kits, their rules, and who sees and stocks whose items across the levels. */

let h: Harness;
let js: string;
let wx: string;
let lx: string;
let xs: string;
let sz: string;
let orgs: Record<string, number>;
const get = (url: string, cookie = lx) => h.req('GET', url, { cookie });
const post = (url: string, body: unknown, cookie = lx) => h.req('POST', url, { cookie, body });
const patch = (url: string, body: unknown, cookie = lx) => h.req('PATCH', url, { cookie, body });
const fieldsOf = (res: { json(): { fields: { field: string; code: string }[] } }) =>
  res.json().fields.map((f) => `${f.field}:${f.code}`);

let n = 0;
const item = (orgId: number, over: Record<string, unknown> = {}) => ({
  orgId,
  code: `T-${++n}`,
  name: `测试物资${n}`,
  spec: '规格',
  unit: '个',
  category: 'other',
  ...over,
});
type Item = { id: number; code: string; orgName: string; name: string; inUse: boolean };
const codesOf = (page: { items: Item[] }) => page.items.map((i) => i.code);

beforeAll(async () => {
  h = await startHarness();
  [js, wx, lx, xs, sz] = (await Promise.all(
    ['js_admin', 'wx_admin', 'lx_admin', 'xs_admin', 'sz_admin'].map((u) => h.login(u)),
  )) as [string, string, string, string, string];
  orgs = h.seed.orgs;
});
afterAll(() => h?.close());

describe('catalogue', () => {
  it('adds an item once per society code, and values standard items at their standard value only', async () => {
    const body = item(orgs.liangxi!, { code: 'LX-MB' });
    const res = await post('/api/relief/items', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'LX-MB',
      orgName: '梁溪区红十字会',
      isKit: false,
      valuation: 'stated',
    });
    const again = await post('/api/relief/items', { ...body, name: '另一个' });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual(['code:RELIEF_ITEM_CODE_TAKEN']);
    expect(again.json().message).toContain('LX-MB');
    // The same code at another society is another item.
    expect((await post('/api/relief/items', { ...body, orgId: orgs.xishan }, xs)).statusCode).toBe(200);

    const noValue = await post('/api/relief/items', item(orgs.liangxi!, { valuation: 'standard' }));
    expect(fieldsOf(noValue)).toEqual(['body.standardValueFen:custom']);
    expect(noValue.json().fields[0].message).toBe('统一核价须填写标准单价');
    const stated = (await post('/api/relief/items', item(orgs.liangxi!))).json();
    const toStandard = await patch(`/api/relief/items/${stated.id}`, { valuation: 'standard' });
    expect(fieldsOf(toStandard)).toEqual(['standardValueFen:RELIEF_ITEM_STANDARD_VALUE_REQUIRED']);
    const ok = await patch(`/api/relief/items/${stated.id}`, {
      valuation: 'standard',
      standardValueFen: 5_000,
    });
    expect(ok.json()).toMatchObject({ valuation: 'standard', standardValueFen: 5_000 });
    expect((await post('/api/relief/items', item(orgs.liangxi!, { code: 'bad code!' }))).statusCode).toBe(
      400,
    );
  });

  it('shows a society its own items, its ancestors’ (which it may stock) and its branches’, never a sibling’s', async () => {
    const lxItem = (await post('/api/relief/items', item(orgs.liangxi!, { code: 'LX-ONLY' }))).json();
    const xsItem = (await post('/api/relief/items', item(orgs.xishan!, { code: 'XS-ONLY' }), xs)).json();
    const all = (cookie: string) =>
      get('/api/relief/items?pageSize=200', cookie).then((r) => codesOf(r.json()));

    const lxSees = await all(lx);
    expect(lxSees).toEqual(expect.arrayContaining(['JTYJB', 'MB', 'FXSD', 'LX-ONLY'])); // province, 无锡市, own
    expect(lxSees).not.toContain('XS-ONLY');
    const xsSees = await all(xs);
    expect(xsSees).toEqual(expect.arrayContaining(['JTYJB', 'FXSD', 'XS-ONLY']));
    expect(xsSees).not.toContain('LX-ONLY');
    expect(await all(wx)).toEqual(expect.arrayContaining(['JTYJB', 'FXSD', 'LX-ONLY', 'XS-ONLY'])); // its branches
    const szSees = await all(sz);
    expect(szSees).toContain('JTYJB');
    expect(szSees).not.toContain('FXSD'); // another city's own item
    expect(await all(js)).toEqual(expect.arrayContaining(['FXSD', 'LX-ONLY', 'XS-ONLY']));

    expect((await get(`/api/relief/items/${xsItem.id}`, lx)).statusCode).toBe(404);
    expect((await get(`/api/relief/items/${lxItem.id}`, wx)).statusCode).toBe(200);

    // What 梁溪区 may stock: its own and those above it — not its branches', not 锡山区's.
    const usable = codesOf((await get(`/api/relief/items?usableBy=${orgs.liangxi}&pageSize=200`, wx)).json());
    expect(usable).toEqual(expect.arrayContaining(['JTYJB', 'FXSD', 'LX-ONLY']));
    expect(usable).not.toContain('XS-ONLY');
  });

  it('lets only the owning society edit an item, and fixes name, spec and unit once it has been in stock', async () => {
    const kit = (await get('/api/relief/items?q=JTYJB', lx)).json().items[0] as Item;
    expect(kit.inUse).toBe(true); // the demo took the kits gift in
    expect((await patch(`/api/relief/items/${kit.id}`, { shelfLifeMonths: 24 }, lx)).statusCode).toBe(404);
    const rename = await patch(`/api/relief/items/${kit.id}`, { name: '改名应急包' }, js);
    expect(rename.statusCode).toBe(409);
    expect(fieldsOf(rename)).toEqual(['name:RELIEF_ITEM_IN_USE']);
    // Sending the same name back is no change.
    expect(
      (await patch(`/api/relief/items/${kit.id}`, { name: kit.name, shelfLifeMonths: 36 }, js)).statusCode,
    ).toBe(200);

    const fresh = (await post('/api/relief/items', item(orgs.liangxi!))).json();
    const renamed = await patch(`/api/relief/items/${fresh.id}`, { name: '新名称', unit: '箱', spec: null });
    expect(renamed.json()).toMatchObject({ name: '新名称', unit: '箱', spec: null });
    const off = await patch(`/api/relief/items/${fresh.id}`, { active: false });
    expect(off.json().active).toBe(false);
    const active = codesOf((await get(`/api/relief/items?active=true&pageSize=200`)).json());
    expect(active).not.toContain(fresh.code);
  });

  it('exports the catalogue as filtered', async () => {
    const shown = (await get('/api/relief/items?category=medical&pageSize=200')).json();
    const file = await get('/api/relief/items/export.xlsx?category=medical');
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(shown.total);
    expect(String(sheet.getRow(1).getCell(2).value)).toBe('物资编码');
    expect(
      sheet
        .getColumn(6)
        .values.slice(2)
        .every((v) => v === '医疗防护'),
    ).toBe(true);
  });
});

describe('kits', () => {
  it('keeps what a kit contains, from items its society may stock, each once', async () => {
    const [a, b] = await Promise.all([
      post('/api/relief/items', item(orgs.liangxi!)).then((r) => r.json()),
      post('/api/relief/items', item(orgs.liangxi!)).then((r) => r.json()),
    ]);
    const province = (await get('/api/relief/items?q=YJT')).json().items[0] as Item;
    const kit = await post(
      '/api/relief/items',
      item(orgs.liangxi!, {
        category: 'kit',
        isKit: true,
        components: [
          { itemId: a.id, quantity: 2 },
          { itemId: province.id, quantity: 1 },
        ],
      }),
    );
    expect(kit.statusCode, kit.body).toBe(200);
    expect(
      kit.json().components.map((c: { itemId: number; quantity: number }) => [c.itemId, c.quantity]),
    ).toEqual(
      expect.arrayContaining([
        [a.id, 2],
        [province.id, 1],
      ]),
    );
    const k = kit.json().id;
    expect(fieldsOf(await patch(`/api/relief/items/${k}`, { components: [] }))).toEqual([
      'components:RELIEF_KIT_EMPTY',
    ]);
    expect(
      fieldsOf(
        await patch(`/api/relief/items/${k}`, {
          components: [
            { itemId: b.id, quantity: 1 },
            { itemId: b.id, quantity: 3 },
          ],
        }),
      ),
    ).toEqual(['components.1.itemId:RELIEF_KIT_COMPONENT_DUPLICATE']);
    const xsItem = (await post('/api/relief/items', item(orgs.xishan!), xs)).json();
    expect(
      fieldsOf(await patch(`/api/relief/items/${k}`, { components: [{ itemId: xsItem.id, quantity: 1 }] })),
    ).toEqual(['components.0.itemId:RELIEF_KIT_COMPONENT_NOT_USABLE']);
    expect(
      fieldsOf(await patch(`/api/relief/items/${a.id}`, { components: [{ itemId: b.id, quantity: 1 }] })),
    ).toEqual(['components:RELIEF_ITEM_NOT_KIT']);
    expect(
      fieldsOf(
        await post('/api/relief/items', item(orgs.liangxi!, { components: [{ itemId: a.id, quantity: 1 }] })),
      ),
    ).toEqual(['body.components:custom']);
  });

  it('refuses a kit that contains itself, or a kit that contains it at any depth', async () => {
    const plain = (await post('/api/relief/items', item(orgs.liangxi!))).json();
    const kit = (body: Record<string, unknown>) =>
      post('/api/relief/items', item(orgs.liangxi!, { category: 'kit', isKit: true, ...body })).then((r) =>
        r.json(),
      );
    const inner = await kit({ components: [{ itemId: plain.id, quantity: 1 }] });
    const middle = await kit({ components: [{ itemId: inner.id, quantity: 2 }] });
    const outer = await kit({ components: [{ itemId: middle.id, quantity: 1 }] });
    expect(outer.components[0].itemId).toBe(middle.id);

    const self = await patch(`/api/relief/items/${inner.id}`, {
      components: [{ itemId: inner.id, quantity: 1 }],
    });
    expect(fieldsOf(self)).toEqual(['components.0.itemId:RELIEF_KIT_CYCLE']);
    const loop = await patch(`/api/relief/items/${inner.id}`, {
      components: [
        { itemId: plain.id, quantity: 1 },
        { itemId: outer.id, quantity: 1 },
      ],
    });
    expect(loop.statusCode).toBe(400);
    expect(fieldsOf(loop)).toEqual(['components.1.itemId:RELIEF_KIT_CYCLE']);
    expect(loop.json().fields[0].message).toBe('应急包不能包含它自己，也不能包含已含有它的应急包');
    // Nothing changed: the inner kit still holds only the plain item.
    const after = (await get(`/api/relief/items/${inner.id}`)).json();
    expect(after.components.map((c: { itemId: number }) => c.itemId)).toEqual([plain.id]);
    // A kit may of course contain another kit that does not contain it.
    expect(
      (await patch(`/api/relief/items/${outer.id}`, { components: [{ itemId: inner.id, quantity: 1 }] }))
        .statusCode,
    ).toBe(200);
  });
});
