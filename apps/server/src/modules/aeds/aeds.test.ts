import { haversineMeters, shanghaiDate, addDays } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsOutbox } from '../../platform/sms/schema.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { queueAedReminders } from './expiry-reminders.ts';
import { aedDevices, aedReminders } from './schema.ts';

let h: Harness;
let lx: string;
let xs: string;
let liangxi: number;
const get = (url: string, cookie = lx) => h.req('GET', url, { cookie });
const post = (url: string, body: unknown = {}, cookie = lx) => h.req('POST', url, { cookie, body });
const today = shanghaiDate(new Date());

const device = (over: Record<string, unknown> = {}) => ({
  orgId: liangxi,
  serial: `T-${Math.random().toString(36).slice(2, 10)}`,
  model: 'ZOLL AED Plus',
  venueType: 'metro',
  venueName: '测试地铁站',
  address: '无锡市梁溪区测试路 1 号',
  lat: 31.57,
  lng: 120.3,
  ownerUnit: '测试单位',
  responsibleName: '测试人',
  responsibleMobile: '13912345678',
  installedOn: addDays(today, -100),
  batteryExpiresOn: addDays(today, 700),
  padsExpiresOn: addDays(today, 300),
  ...over,
});

async function xlsx(rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('AED');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const HEADER = [
  '序列号',
  '型号',
  '场所类型',
  '场所名称',
  '地址',
  '纬度',
  '经度',
  '产权单位',
  '责任人',
  '责任人电话',
  '安装日期',
  '电池有效期至',
  '电极片有效期至',
  '状态',
];
const sheetRow = (serial: string, over: Partial<Record<string, string>> = {}) =>
  HEADER.map(
    (c) =>
      over[c] ??
      {
        序列号: serial,
        型号: '迈瑞 BeneHeart C1A',
        场所类型: '商场',
        场所名称: `导入商场 ${serial}`,
        地址: '无锡市梁溪区导入路 8 号',
        纬度: '31.58',
        经度: '120.31',
        产权单位: '导入商业公司',
        责任人: '导入人',
        责任人电话: '13700001111',
        安装日期: '2025-01-02',
        电池有效期至: '2029-01-02',
        电极片有效期至: '2027/1/2',
        状态: '',
      }[c]!,
  );

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
  xs = await h.login('xs_admin');
  liangxi = h.seed.orgs.liangxi!;
});
afterAll(() => h?.close());

describe('registry', () => {
  it('registers a device, keeps serials unique per society, and never shows the phone in full', async () => {
    const body = device({ serial: 'UNIQ-001' });
    const res = await post('/api/aeds', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      serial: 'UNIQ-001',
      status: 'in_service',
      responsibleMobileMasked: '139****5678',
    });
    expect(res.body).not.toContain('13912345678');
    const again = await post('/api/aeds', { ...body, venueName: '另一处' });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0]).toMatchObject({ field: 'serial', code: 'AED_SERIAL_TAKEN' });
    // Another society may own a device with the same serial (serials are per maker, not global).
    const xishan = await post('/api/aeds', { ...body, orgId: h.seed.orgs.xishan, address: '锡山区某路' }, xs);
    expect(xishan.statusCode, xishan.body).toBe(200);
  });

  it('refuses bad input by field, in Chinese', async () => {
    const res = await post('/api/aeds', device({ lat: 95, responsibleMobile: '123', venueType: 'moon' }));
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .fields.map((f: { field: string }) => f.field)
      .sort();
    expect(fields).toEqual(['body.lat', 'body.responsibleMobile', 'body.venueType']);
    const early = await post('/api/aeds', device({ padsExpiresOn: addDays(today, -200) }));
    expect(early.json().fields[0]).toMatchObject({ field: 'padsExpiresOn', code: 'AED_DATE_BEFORE_INSTALL' });
    expect(early.json().message).toContain('安装日期');
  });

  it('never lets a sibling society read, list or change a device', async () => {
    const mine = (await post('/api/aeds', device())).json();
    expect((await get(`/api/aeds/${mine.id}`, xs)).statusCode).toBe(404);
    expect(
      (await h.req('PATCH', `/api/aeds/${mine.id}`, { cookie: xs, body: { status: 'repair' } })).statusCode,
    ).toBe(404);
    const list = (await get('/api/aeds?pageSize=200', xs)).json();
    expect(list.items.every((d: { orgName: string }) => !/梁溪|崇安寺|广益/.test(d.orgName))).toBe(true);
    expect((await post('/api/aeds', device(), xs)).statusCode).toBe(400);
  });

  it('filters by society subtree, venue, status and due, and exports what is shown', async () => {
    const all = (await get(`/api/aeds?orgId=${liangxi}&pageSize=200`)).json();
    expect(all.total).toBeGreaterThan(20);
    const orgNames = new Set(all.items.map((d: { orgName: string }) => d.orgName));
    expect(orgNames).toContain('崇安寺街道红十字会'); // below 梁溪区
    const metro = (await get(`/api/aeds?venueType=metro&pageSize=200`)).json();
    expect(metro.items.every((d: { venueType: string }) => d.venueType === 'metro')).toBe(true);
    const overdue = (await get('/api/aeds?due=overdue&pageSize=200')).json();
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((d: { overdue: boolean }) => d.overdue)).toBe(true);
    const due = (await get('/api/aeds?due=due&withinDays=30&pageSize=200')).json();
    expect(due.total).toBeGreaterThan(overdue.total);
    expect(due.items.every((d: { nextDueOn: string }) => d.nextDueOn <= addDays(today, 30))).toBe(true);
    const repair = (await get('/api/aeds?status=repair&pageSize=200')).json();
    expect(repair.items.every((d: { status: string }) => d.status === 'repair')).toBe(true);

    const file = await get('/api/aeds/export.xlsx?venueType=metro');
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(metro.total);
    expect(String(sheet.getRow(2).getCell(4).value)).toBe('地铁站');
    expect(String(sheet.getRow(2).getCell(11).value)).toMatch(/^\d{3}\*{4}\d{4}$/);
  });
});

describe('inspections and expiry', () => {
  it('records an inspection, moving replaced pads out of the due list', async () => {
    const d = (await post('/api/aeds', device({ padsExpiresOn: addDays(today, 5) }))).json();
    const dueBefore = (await get('/api/aeds/due?withinDays=30')).json();
    expect(
      dueBefore.some(
        (x: { device: { id: number }; part: string }) => x.device.id === d.id && x.part === 'pads',
      ),
    ).toBe(true);
    const res = await post(`/api/aeds/${d.id}/inspections`, {
      inspectedOn: today,
      inspector: '顾志刚',
      result: 'normal',
      notes: '更换电极片',
      padsExpiresOn: addDays(today, 730),
    });
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await get(`/api/aeds/${d.id}`)).json();
    expect(detail.inspections).toHaveLength(1);
    expect(detail).toMatchObject({ lastInspectedOn: today, padsExpiresOn: addDays(today, 730) });
    const dueAfter = (await get('/api/aeds/due?withinDays=30')).json();
    expect(dueAfter.some((x: { device: { id: number } }) => x.device.id === d.id)).toBe(false);
  });

  it('lists overdue parts first with negative days, and leaves out devices taken out of service', async () => {
    const items = (await get('/api/aeds/due?withinDays=30')).json() as {
      daysLeft: number;
      device: { status: string };
    }[];
    expect(items[0]!.daysLeft).toBeLessThan(0);
    expect(items.map((i) => i.daysLeft)).toEqual([...items.map((i) => i.daysLeft)].sort((a, b) => a - b));
    expect(items.every((i) => i.device.status !== 'out_of_service')).toBe(true);
  });

  it('texts the responsible person once per device, part and due date', async () => {
    const db = h.ctx.db;
    const outbox = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(smsOutbox)
          .where(eq(smsOutbox.template, 'aed_expiry'))
      )[0]!.n;
    const first = await queueAedReminders(db, h.ctx.pii);
    expect(first).toBeGreaterThan(0);
    expect(await outbox()).toBe(first);
    expect(await queueAedReminders(db, h.ctx.pii)).toBe(0);
    // New pads with a date that is again close: a new due date, so a new reminder.
    const [d] = await db.select().from(aedDevices).where(eq(aedDevices.serial, 'UNIQ-001'));
    await db
      .update(aedDevices)
      .set({ padsExpiresOn: addDays(today, 3) })
      .where(eq(aedDevices.id, d!.id));
    expect(await queueAedReminders(db, h.ctx.pii)).toBe(1);
    const rows = await db.select().from(aedReminders).where(eq(aedReminders.deviceId, d!.id));
    expect(rows).toEqual([expect.objectContaining({ part: 'pads', dueOn: addDays(today, 3) })]);
    expect(await outbox()).toBe(first + 1);
  });
});

describe('import', () => {
  it('previews with row-level Chinese errors, imports the valid rows, and a re-import creates nothing twice', async () => {
    const file = await xlsx([
      HEADER,
      sheetRow('IMP-1'),
      sheetRow('IMP-2', { 场所类型: '电影院' }),
      sheetRow('IMP-3', { 纬度: '131.5' }),
      sheetRow('IMP-1'),
      sheetRow('IMP-4', { 责任人电话: '', 状态: '维修' }),
      sheetRow('IMP-5', { 状态: '停用', 安装日期: '2025-01-02', 电池有效期至: '2024-01-01' }),
      sheetRow('IMP-6'),
    ]);
    const body = { orgId: liangxi, fileName: 'AED.xlsx', contentBase64: file };
    const preview = await post('/api/aeds/imports/preview', body);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({ totalRows: 7, validRows: 2, errorRows: 5, created: 0, committed: false });
    expect(p.errors.map((e: { text: string }) => e.text)).toEqual([
      '第 3 行「场所类型」：应为 地铁站、学校、商场、机场/车站、医院、体育场馆、政府机关、社区、景区、其他 之一',
      '第 4 行「纬度」：纬度应在 -90 到 90 之间',
      '第 5 行「序列号」：与第 2 行重复',
      '第 6 行「责任人电话」：不能为空',
      '第 7 行「电池有效期至」：不能早于安装日期',
    ]);
    expect((await get(`/api/aeds?q=IMP-&pageSize=200`)).json().total).toBe(0);

    const commit = await post('/api/aeds/imports', body);
    expect(commit.json()).toMatchObject({ created: 2, existing: 0, committed: true });
    const again = await post('/api/aeds/imports', body);
    expect(again.json()).toMatchObject({ created: 0, existing: 2 });
    const listed = (await get(`/api/aeds?q=IMP-&pageSize=200`)).json();
    expect(listed.items.map((d: { serial: string }) => d.serial).sort()).toEqual(['IMP-1', 'IMP-6']);
    expect(listed.items[0]).toMatchObject({ padsExpiresOn: '2027-01-02', venueType: 'mall' });
  });

  it('says which columns are missing, and that an unreadable file cannot be read', async () => {
    const noCols = await post('/api/aeds/imports/preview', {
      orgId: liangxi,
      fileName: 'x.xlsx',
      contentBase64: await xlsx([
        ['序列号', '型号'],
        ['A', 'B'],
      ]),
    });
    expect(noCols.json()).toMatchObject({ code: 'AED_IMPORT_COLUMNS_MISSING' });
    expect(noCols.json().message).toContain('纬度');
    const junk = await post('/api/aeds/imports/preview', {
      orgId: liangxi,
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('not a zip').toString('base64'),
    });
    expect(junk.json()).toMatchObject({ code: 'AED_IMPORT_FILE_UNREADABLE' });
    const template = await get('/api/aeds/import-template.xlsx');
    const t = await post('/api/aeds/imports/preview', {
      orgId: liangxi,
      fileName: 't.xlsx',
      contentBase64: template.rawPayload.toString('base64'),
    });
    expect(t.json()).toMatchObject({ validRows: 1, errorRows: 0 });
  });
});

describe('public nearest', () => {
  it('answers in-service devices by distance, without the responsible person', async () => {
    const res = await h.req('GET', '/api/public/aeds/nearest?lat=31.5766&lng=120.3002&limit=10');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { id: number; distanceMeters: number }[];
    expect(list).toHaveLength(10);
    expect(list.map((d) => d.distanceMeters)).toEqual(
      [...list.map((d) => d.distanceMeters)].sort((a, b) => a - b),
    );
    expect(res.body).not.toMatch(/responsible|mobile|1[3-9]\d{9}/);
    const ids = list.map((d) => d.id);
    const statuses = await h.ctx.db
      .select({ s: aedDevices.status })
      .from(aedDevices)
      .where(sql`${aedDevices.id} in ${ids}`);
    expect(statuses.every((s) => s.s === 'in_service')).toBe(true);
    const bad = await h.req('GET', '/api/public/aeds/nearest?lat=abc&lng=120');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('querystring.lat');
    const map = (await h.req('GET', '/api/public/aeds/map')).json();
    expect(map).toMatchObject({ tileCoords: 'gcj02' });
    expect(map.areas.length).toBeGreaterThan(5);
  });

  it('finds exactly the brute-force nearest, also where the box has to widen', async () => {
    const fc = (await import('fast-check')).default;
    const db = h.ctx.db;
    // Scatter: a dense town, a sparse region, a few lonely devices far away and near a pole.
    const rnd = fc.sample(
      fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })),
      {
        numRuns: 600,
        seed: 42,
      },
    );
    const extra = rnd.map(([a, b], i) =>
      i < 400
        ? { lat: 31.5 + a * 0.05, lng: 120.3 + b * 0.05 }
        : i < 590
          ? { lat: 33 + a * 3, lng: 115 + b * 5 }
          : { lat: Math.max(-89.9, Math.min(89.9, a * 89.9)), lng: b * 179.9 },
    );
    await db.insert(aedDevices).values(
      extra.map((p, i) => ({
        orgId: liangxi,
        serial: `BF-${i}`,
        model: 'm',
        venueType: 'other',
        venueName: `bf ${i}`,
        address: 'bf',
        latE6: Math.round(p.lat * 1e6),
        lngE6: Math.round(p.lng * 1e6),
        ownerUnit: 'u',
        responsibleName: 'n',
        responsibleMobileEnc: h.ctx.pii.encrypt('13900000000'),
        installedOn: '2025-01-01',
        batteryExpiresOn: '2030-01-01',
        padsExpiresOn: '2030-01-01',
        status: i % 7 === 0 ? 'repair' : 'in_service',
      })),
    );
    const all = (
      await db
        .select({ lat: aedDevices.latE6, lng: aedDevices.lngE6 })
        .from(aedDevices)
        .where(eq(aedDevices.status, 'in_service'))
    ).map((d) => ({ lat: d.lat / 1e6, lng: d.lng / 1e6 }));
    const point = fc.oneof(
      fc.record({
        lat: fc.double({ min: 31.4, max: 31.6, noNaN: true }),
        lng: fc.double({ min: 120.2, max: 120.4, noNaN: true }),
      }),
      fc.record({
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
        lng: fc.double({ min: -180, max: 180, noNaN: true }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(point, fc.integer({ min: 1, max: 50 }), async (p, limit) => {
        const res = await h.req('GET', `/api/public/aeds/nearest?lat=${p.lat}&lng=${p.lng}&limit=${limit}`);
        expect(res.statusCode, res.body).toBe(200);
        const q = { lat: Math.round(p.lat * 1e7) / 1e7, lng: Math.round(p.lng * 1e7) / 1e7 };
        const got = (res.json() as { lat: number; lng: number }[]).map((d) => haversineMeters(q, d));
        const want = all
          .map((d) => haversineMeters(q, d))
          .sort((a, b) => a - b)
          .slice(0, limit);
        expect(got).toHaveLength(want.length);
        got.forEach((g, i) => expect(Math.abs(g - want[i]!)).toBeLessThan(0.01));
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
