import { shanghaiDate } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.ts';
import { loadActor } from '../../platform/auth/load-actor.ts';
import { reliefItems } from '../relief/schema.ts';
import { users } from '../staff/schema.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { findEventForOrg } from './find-event.ts';
import { disasterEventNeeds, disasterEvents } from './schema.ts';

let h: Harness;
const cookies: Record<string, string> = {};
const as = (user: string) => cookies[user]!;
const get = (url: string, user: string) => h.req('GET', url, { cookie: as(user) });
const send = (method: string, url: string, body: unknown, user: string) =>
  h.req(method, url, { cookie: as(user), body });
const today = shanghaiDate(new Date());

const event = (orgKey: string, over: Record<string, unknown> = {}) => ({
  orgId: h.seed.orgs[orgKey],
  name: `测试事件 ${Math.random().toString(36).slice(2, 8)}`,
  type: 'flood',
  area: '测试区',
  responseLevel: 'IV',
  startsOn: '2026-06-01',
  ...over,
});

async function create(orgKey: string, user: string, over: Record<string, unknown> = {}) {
  const res = await send('POST', '/api/disaster-events', event(orgKey, over), user);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; name: string; canManage: boolean; status: string };
}

const listNames = async (user: string, query = '') =>
  ((await get(`/api/disaster-events?pageSize=200${query}`, user)).json().items as { name: string }[]).map(
    (e) => e.name,
  );

beforeAll(async () => {
  h = await startHarness();
  for (const u of ['wx_admin', 'lx_admin', 'xs_admin', 'sz_admin', 'js_admin', 'cas_staff'])
    cookies[u] = await h.login(u);
});
afterAll(() => h?.close());

describe('opening and editing an event', () => {
  it('opens an event for the society, audited, and lets its own staff manage it', async () => {
    const e = await create('liangxi', 'lx_admin', { name: '梁溪区“6·1”内涝' });
    expect(e).toMatchObject({ name: '梁溪区“6·1”内涝', status: 'active', canManage: true, needCount: 0 });
    const [audit] = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'disaster_events.create'), eq(auditLog.entityId, String(e.id))));
    expect(audit).toMatchObject({ actorName: 'lx_admin', orgId: h.seed.orgs.liangxi });
  });

  it('refuses unknown type and level codes, bad dates and an end before the start, by field, in Chinese', async () => {
    const res = await send(
      'POST',
      '/api/disaster-events',
      event('liangxi', { type: 'meteor', responseLevel: 'V', startsOn: '2026-02-30', name: '' }),
      'lx_admin',
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields.sort()).toEqual(['body.name', 'body.responseLevel', 'body.startsOn', 'body.type']);
    expect(
      res.json().fields.find((f: { field: string }) => f.field === 'body.responseLevel').message,
    ).toContain('响应等级');
    const backwards = await send(
      'POST',
      '/api/disaster-events',
      event('liangxi', { startsOn: '2026-06-10', endsOn: '2026-06-09' }),
      'lx_admin',
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().fields[0]).toMatchObject({
      field: 'body.endsOn',
      message: '结束日期不能早于开始日期',
    });
  });

  it('checks the dates again when only one of them changes', async () => {
    const e = await create('liangxi', 'lx_admin', { startsOn: '2026-06-10' });
    const res = await send('PATCH', `/api/disaster-events/${e.id}`, { endsOn: '2026-06-01' }, 'lx_admin');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({ field: 'endsOn', code: 'DISASTER_EVENT_ENDS_BEFORE_START' });
    const raised = await send('PATCH', `/api/disaster-events/${e.id}`, { responseLevel: 'II' }, 'lx_admin');
    expect(raised.json()).toMatchObject({ responseLevel: 'II', startsOn: '2026-06-10' });
  });

  it('closes an event: not in the future, then nothing more changes under it', async () => {
    const e = await create('liangxi', 'lx_admin');
    const future = await send(
      'POST',
      `/api/disaster-events/${e.id}/close`,
      { endsOn: '2999-01-01' },
      'lx_admin',
    );
    expect(future.json().fields[0]).toMatchObject({ field: 'endsOn', code: 'DISASTER_EVENT_END_IN_FUTURE' });
    const closed = await send(
      'POST',
      `/api/disaster-events/${e.id}/close`,
      { endsOn: today, summary: '灾情结束，安置群众全部返家' },
      'lx_admin',
    );
    expect(closed.json()).toMatchObject({
      status: 'closed',
      endsOn: today,
      summary: '灾情结束，安置群众全部返家',
    });
    for (const [method, url, body] of [
      ['PATCH', `/api/disaster-events/${e.id}`, { name: '改名' }],
      ['POST', `/api/disaster-events/${e.id}/needs`, { name: '棉被', unit: '床', quantity: 5 }],
      ['POST', `/api/disaster-events/${e.id}/close`, { endsOn: today }],
    ] as const) {
      const res = await send(method, url, body, 'lx_admin');
      expect(res.statusCode, url).toBe(409);
      expect(res.json().code).toBe('DISASTER_EVENT_CLOSED');
    }
  });

  it('creates once per Idempotency-Key', async () => {
    const body = event('liangxi', { name: '幂等测试事件' });
    const headers = { cookie: as('lx_admin'), 'idempotency-key': 'de-test-key-0001' };
    const first = await h.app.inject({ method: 'POST', url: '/api/disaster-events', headers, payload: body });
    const again = await h.app.inject({ method: 'POST', url: '/api/disaster-events', headers, payload: body });
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });
});

describe('who sees an event', () => {
  let lx: { id: number; name: string };
  beforeAll(async () => {
    lx = await create('liangxi', 'lx_admin', { name: '梁溪区可见性测试事件', type: 'fire' });
  });

  it('a sibling society sees nothing of it: not in its list, its export or by id', async () => {
    expect(await listNames('xs_admin')).not.toContain(lx.name);
    expect((await get(`/api/disaster-events/${lx.id}`, 'xs_admin')).statusCode).toBe(404);
    const patch = await send('PATCH', `/api/disaster-events/${lx.id}`, { name: '越权' }, 'xs_admin');
    expect(patch.statusCode).toBe(404);
    // Nor does a sibling city see 无锡's typhoon.
    expect((await listNames('sz_admin')).some((n) => n.includes('海葵'))).toBe(false);
  });

  it('a society below sees it (to respond under it) but may not change it', async () => {
    expect(await listNames('cas_staff')).toContain(lx.name);
    const typhoon = (await get('/api/disaster-events?q=海葵', 'lx_admin')).json().items[0];
    expect(typhoon).toMatchObject({ orgName: '无锡市红十字会', canManage: false });
    const res = await send('PATCH', `/api/disaster-events/${typhoon.id}`, { name: '越级修改' }, 'lx_admin');
    expect(res.statusCode).toBe(403);
    const need = await send(
      'POST',
      `/api/disaster-events/${typhoon.id}/needs`,
      { name: '雨衣', unit: '件', quantity: 10 },
      'lx_admin',
    );
    expect(need.statusCode).toBe(403);
  });

  it('the societies above see it and may manage it', async () => {
    for (const user of ['wx_admin', 'js_admin']) {
      const res = await get(`/api/disaster-events/${lx.id}`, user);
      expect(res.statusCode, user).toBe(200);
      expect(res.json().canManage).toBe(true);
    }
    const res = await send('PATCH', `/api/disaster-events/${lx.id}`, { responseLevel: 'III' }, 'wx_admin');
    expect(res.statusCode, res.body).toBe(200);
  });

  it('filters by type, status, year and society subtree', async () => {
    const flood = (await listNames('js_admin', '&type=flood&status=closed')).filter((n) =>
      n.includes('暴雨洪涝'),
    );
    expect(flood).toHaveLength(1);
    const lastYear = Number(today.slice(0, 4)) - 1;
    expect(await listNames('js_admin', `&year=${lastYear}`)).toEqual(flood);
    expect(await listNames('js_admin', `&orgId=${h.seed.orgs.xishan}`)).toEqual(flood);
    const fires = await listNames('wx_admin', '&type=fire');
    expect(fires).toEqual([lx.name]);
    const bad = await get('/api/disaster-events?type=meteor&year=1999', 'wx_admin');
    expect(bad.statusCode).toBe(400);
  });

  it('lets relief name an event of its own society, above or below it, never a sibling one', async () => {
    const load = async (username: string) => {
      const [user] = await h.ctx.db.select().from(users).where(eq(users.username, username));
      return loadActor(h.ctx.db, user!, null);
    };
    const county = await load('lx_admin');
    const [typhoon] = await h.ctx.db
      .select()
      .from(disasterEvents)
      .where(eq(disasterEvents.name, '2026年第14号台风“海葵”防御与救灾'));
    expect((await findEventForOrg(h.ctx.db, county, typhoon!.id)).name).toContain('海葵');
    const sibling = await load('xs_admin');
    await expect(findEventForOrg(h.ctx.db, sibling, lx.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      fields: [{ field: 'eventId' }],
    });
    const city = await load('wx_admin');
    await expect(findEventForOrg(h.ctx.db, city, lx.id, { orgId: h.seed.orgs.xishan })).rejects.toMatchObject(
      { code: 'DISASTER_EVENT_OUT_OF_TREE' },
    );
    expect((await findEventForOrg(h.ctx.db, city, lx.id, { orgId: h.seed.orgs.chonganshi })).id).toBe(lx.id);
    const [flood] = await h.ctx.db.select().from(disasterEvents).where(eq(disasterEvents.status, 'closed'));
    await expect(findEventForOrg(h.ctx.db, city, flood!.id)).rejects.toMatchObject({
      code: 'DISASTER_EVENT_CLOSED',
    });
    expect((await findEventForOrg(h.ctx.db, city, flood!.id, { allowClosed: true })).status).toBe('closed');
  });
});

describe('export', () => {
  it('exports what the user sees as .xlsx, read back', async () => {
    const res = await get('/api/disaster-events/export.xlsx?type=typhoon', 'wx_admin');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual(
      expect.arrayContaining(['事件名称', '灾害类型', '响应等级', '受灾地区', '状态', '所属红十字会']),
    );
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe('2026年第14号台风“海葵”防御与救灾');
    expect(ws.getRow(2).getCell(2).value).toBe('台风');
    expect(ws.getRow(2).getCell(3).value).toBe('Ⅲ级响应');
    expect(ws.getRow(2).getCell(9).value).toBe(3);
    const other = await get('/api/disaster-events/export.xlsx', 'sz_admin');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount).toBe(1);
  });
});

describe('the demo', () => {
  it("has 无锡 responding to the typhoon with its needs and appeal, and last year's flood closed", async () => {
    const typhoon = (await get('/api/disaster-events?q=海葵', 'wx_admin')).json().items[0];
    expect(typhoon).toMatchObject({
      type: 'typhoon',
      responseLevel: 'III',
      status: 'active',
      appealCount: 1,
    });
    const needs = await h.ctx.db
      .select()
      .from(disasterEventNeeds)
      .where(eq(disasterEventNeeds.eventId, typhoon.id));
    expect(needs.map((n) => [n.name, n.quantity])).toEqual([
      ['家庭应急包', 800],
      ['棉被', 500],
      ['单帐篷', 60],
    ]);
    expect(h.seed.disasterEvents?.typhoon).toBe(typhoon.id);
    // Written before relief's catalogue existed, pointed at its items once the demo was seeded.
    const [kits] = await h.ctx.db.select().from(reliefItems).where(eq(reliefItems.id, needs[0]!.itemId!));
    expect(kits).toMatchObject({ name: '家庭应急包', orgId: h.seed.orgs.province });
  });
});
