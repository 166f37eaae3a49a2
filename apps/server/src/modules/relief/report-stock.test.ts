import {
  startOfShanghaiDay,
  type MovementSummary,
  type StockMovementLine,
  type StockOnHandReport,
} from '@boai/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access/actor.ts';
import { queryRows } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { makeUser } from '../../testing/factories.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { createOrg, createRootOrg } from '../orgs/index.ts';
import { backdate, batchIn, itemAt, warehouseAt, type WarehouseRow } from './report-fixtures.ts';
import { endOfShanghaiDay } from './report-shared.ts';
import { INCOMING_KINDS, moveStock, OUTGOING_KINDS, type MovementKind } from './stock.ts';

/**
 * The stock reports against a model: a society tree of its own (so the demo's stock stays out of the
 * sums), 400 random operations through moveStock dated over 50 days, and every report figure checked
 * against what the model says the stock card adds up to.
 */

let h: Harness;
const tree: Record<'p' | 'c1' | 'c2' | 'k1', number> = { p: 0, c1: 0, c2: 0, k1: 0 };
const cookies: Record<'p' | 'c1' | 'c2' | 'k1' | 'none', string> = {
  p: '',
  c1: '',
  c2: '',
  k1: '',
  none: '',
};
const warehouseList: WarehouseRow[] = [];
const itemIds: number[] = [];
const itemCategory = new Map<number, string>();

interface Batch {
  id: number;
  warehouseId: number;
  orgId: number;
  itemId: number;
  unitValueFen: number;
  expiresOn: string | null;
}
interface Mv {
  batch: Batch;
  kind: MovementKind;
  quantity: number;
  ref: string;
  at: Date;
}
const batches: Batch[] = [];
const movements: Mv[] = [];
const FIRST_DAY = '2026-03-01';
const dayPlus = (n: number) =>
  new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** mulberry32: the same "random" history on every run and both databases. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const get = (url: string, cookie = cookies.p) => h.req('GET', url, { cookie });
const qs = (q: Record<string, string | number | undefined>) =>
  Object.entries(q)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

beforeAll(async () => {
  h = await startHarness();
  const actor = systemActor('report-test');
  await h.ctx.db.transaction(async (tx) => {
    tree.p = (
      await createRootOrg(tx, actor, {
        name: '测试省红十字会',
        level: 'province',
        regionCode: null,
        uscc: null,
      })
    ).id;
    tree.c1 = (await createOrg(tx, actor, { parentId: tree.p, name: '甲市红十字会', level: 'city' })).id;
    tree.c2 = (await createOrg(tx, actor, { parentId: tree.p, name: '乙市红十字会', level: 'city' })).id;
    tree.k1 = (
      await createOrg(tx, actor, { parentId: tree.c1, name: '甲市东区红十字会', level: 'county' })
    ).id;
    const at: [keyof typeof tree, string][] = [
      ['p', 'P1'],
      ['c1', 'C1A'],
      ['c1', 'C1B'],
      ['c2', 'C2A'],
      ['k1', 'K1A'],
    ];
    for (const [org, code] of at) warehouseList.push(await warehouseAt(tx, tree[org], code));
    const defs: [string, string, string][] = [
      ['RPT-KIT', '家庭应急包', 'kit'],
      ['RPT-QUILT', '棉被', 'bedding'],
      ['RPT-WATER', '瓶装水', 'water'],
    ];
    for (const [code, name, category] of defs) {
      const item = await itemAt(tx, tree.p, code, name, { category });
      itemIds.push(item.id);
      itemCategory.set(item.id, category);
    }

    const rnd = prng(20260301);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const onHand = new Map<number, number>();
    for (let n = 0; n < 400; n++) {
      const at = new Date(
        startOfShanghaiDay(dayPlus(Math.floor(n / 8))).getTime() + Math.floor(rnd() * 86_000_000),
      );
      const ref = `rpt:${n}`;
      if (batches.length < 6 || rnd() < 0.25) {
        const w = pick(warehouseList);
        const quantity = 1 + Math.floor(rnd() * 500);
        const row = await batchIn(tx, {
          warehouse: w,
          itemId: pick(itemIds),
          quantity,
          unitValueFen: 100 + Math.floor(rnd() * 20_000),
          expiresOn: rnd() < 0.8 ? dayPlus(30 + Math.floor(rnd() * 700)) : null,
          ref,
        });
        const batch = { ...row, expiresOn: row.expiresOn };
        batches.push(batch);
        onHand.set(batch.id, quantity);
        movements.push({ batch, kind: 'purchase_in', quantity, ref, at });
      } else {
        const batch = pick(batches);
        const kind = pick<MovementKind>([
          ...INCOMING_KINDS.filter((k) => k !== 'gift_in' && k !== 'purchase_in'),
          ...OUTGOING_KINDS,
          'ship_out',
          'ship_out',
        ]);
        const incoming = (INCOMING_KINDS as readonly string[]).includes(kind);
        const have = onHand.get(batch.id)!;
        // Now and then more than is there: moveStock must refuse it and the card must not change.
        const quantity = incoming ? 1 + Math.floor(rnd() * 50) : 1 + Math.floor(rnd() * (have + 5));
        if (!incoming && quantity > have) {
          const refused = await tx
            .transaction((sp) => moveStock(sp, { batchId: batch.id, kind, quantity, ref, actor: '测试' }))
            .then(() => null)
            .catch((e: unknown) => e);
          expect(refused).toBeInstanceOf(AppError);
          expect((refused as AppError).code).toBe('STOCK_INSUFFICIENT');
          continue;
        }
        await moveStock(tx, { batchId: batch.id, kind, quantity, ref, actor: '测试' });
        const signed = incoming ? quantity : -quantity;
        onHand.set(batch.id, have + signed);
        movements.push({ batch, kind, quantity: signed, ref, at });
      }
      await backdate(tx, ref, at);
    }
  });
  cookies.p = await loginAs('rpt_p', tree.p);
  cookies.c1 = await loginAs('rpt_c1', tree.c1);
  cookies.c2 = await loginAs('rpt_c2', tree.c2);
  cookies.k1 = await loginAs('rpt_k1', tree.k1);
  await makeUser(h.ctx, 'rpt_none', tree.p, null);
  cookies.none = await h.login('rpt_none');
}, 120_000);
afterAll(() => h?.close());

async function loginAs(username: string, orgId: number) {
  await makeUser(h.ctx, username, orgId, 'staff');
  return h.login(username);
}

const pathOf = (orgId: number) =>
  orgId === tree.k1 ? [tree.p, tree.c1, tree.k1] : orgId === tree.p ? [tree.p] : [tree.p, orgId];
const within = (orgId: number, root: number) => pathOf(orgId).includes(root);

/** What the model says each (warehouse, item) held at `before` (all of it when undefined). */
function modelStock(opts: { before?: Date; orgId?: number; category?: string } = {}) {
  const perBatch = new Map<number, number>();
  for (const m of movements)
    if (!opts.before || m.at < opts.before)
      perBatch.set(m.batch.id, (perBatch.get(m.batch.id) ?? 0) + m.quantity);
  const groups = new Map<
    string,
    { quantity: number; valueFen: number; batches: number; nearest: string | null }
  >();
  for (const b of batches) {
    const qty = perBatch.get(b.id) ?? 0;
    if (qty <= 0) continue;
    if (opts.orgId && !within(b.orgId, opts.orgId)) continue;
    if (opts.category && itemCategory.get(b.itemId) !== opts.category) continue;
    const key = `${b.warehouseId}/${b.itemId}`;
    const g = groups.get(key) ?? { quantity: 0, valueFen: 0, batches: 0, nearest: null };
    g.quantity += qty;
    g.valueFen += qty * b.unitValueFen;
    g.batches += 1;
    if (b.expiresOn && (!g.nearest || b.expiresOn < g.nearest)) g.nearest = b.expiresOn;
    groups.set(key, g);
  }
  return groups;
}

async function wholeReport(query: Record<string, string | number | undefined>, cookie = cookies.p) {
  const rows: StockOnHandReport['items'] = [];
  let first: StockOnHandReport | undefined;
  for (let page = 1; ; page++) {
    const res = await get(`/api/relief/reports/stock?${qs({ ...query, page, pageSize: 7 })}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as StockOnHandReport;
    first ??= report;
    rows.push(...report.items);
    if (rows.length >= report.total) return { ...first, items: rows };
  }
}

function expectReportEquals(report: StockOnHandReport, model: ReturnType<typeof modelStock>) {
  expect(report.items).toHaveLength(model.size);
  expect(report.total).toBe(model.size);
  for (const r of report.items) {
    const m = model.get(`${r.warehouseId}/${r.itemId}`);
    expect(m, `${r.warehouseName} ${r.itemName}`).toBeDefined();
    expect({ q: r.quantity, v: r.valueFen, b: r.batches, e: r.nearestExpiry }).toEqual({
      q: m!.quantity,
      v: m!.valueFen,
      b: m!.batches,
      e: m!.nearest,
    });
  }
  const value = [...model.values()].reduce((n, g) => n + g.valueFen, 0);
  expect(report.totalValueFen).toBe(value);
  expect(report.bySociety.reduce((n, s) => n + s.valueFen, 0)).toBe(value);
}

describe('stock on hand', () => {
  it('keeps every batch equal to the sum of its stock card', async () => {
    const drift = await queryRows<{ id: number }>(
      h.ctx.db,
      sql`select b.id from stock_batches b left join stock_movements m on m.batch_id = b.id
          group by b.id, b.on_hand having b.on_hand <> coalesce(sum(m.quantity), 0)`,
    );
    expect(drift).toEqual([]);
  });

  it('equals the sum of the movements over a province subtree, by warehouse and item', async () => {
    const report = await wholeReport({ orgId: tree.p });
    expectReportEquals(report, modelStock({ orgId: tree.p }));
    expect(report.asOf).toBeNull();
    for (const r of report.items) expect(r.free).toBe(r.quantity - r.reserved!);
    // Grouped by society in tree order, then warehouse: a province reads its cities one after another.
    expect(report.bySociety.map((s) => s.orgId)).toEqual(
      [tree.p, tree.c1, tree.k1, tree.c2].filter((id) => report.items.some((r) => r.orgId === id)),
    );
  });

  it('as of the end of a past day, walking the card back from now', async () => {
    for (const day of [dayPlus(3), dayPlus(20), dayPlus(49), dayPlus(400)]) {
      const report = await wholeReport({ orgId: tree.p, asOf: day });
      expect(report.asOf).toBe(day);
      expectReportEquals(report, modelStock({ before: endOfShanghaiDay(day), orgId: tree.p }));
      expect(report.items.every((r) => r.reserved === null && r.free === null)).toBe(true);
    }
    // Before anything arrived there was nothing.
    expect((await wholeReport({ orgId: tree.p, asOf: '2026-02-01' })).items).toEqual([]);
  });

  it('filters by subtree, warehouse, item and category', async () => {
    expectReportEquals(await wholeReport({ orgId: tree.c1 }), modelStock({ orgId: tree.c1 }));
    expectReportEquals(
      await wholeReport({ orgId: tree.p, category: 'bedding' }),
      modelStock({ orgId: tree.p, category: 'bedding' }),
    );
    const w = warehouseList[1]!;
    const byWarehouse = await wholeReport({ warehouseId: w.id });
    expect(byWarehouse.items.length).toBeGreaterThan(0);
    expect(byWarehouse.items.every((r) => r.warehouseId === w.id)).toBe(true);
    const byItem = await wholeReport({ orgId: tree.p, itemId: itemIds[0] });
    expect(byItem.items.every((r) => r.itemId === itemIds[0])).toBe(true);
  });

  it("never shows a sibling society's warehouse, and needs relief:read", async () => {
    const c2 = await wholeReport({}, cookies.c2);
    expect(c2.items.length).toBeGreaterThan(0);
    expect(c2.items.every((r) => r.orgId === tree.c2)).toBe(true);
    const k1 = await wholeReport({}, cookies.k1);
    expect(k1.items.every((r) => r.orgId === tree.k1)).toBe(true);
    expectReportEquals(k1, modelStock({ orgId: tree.k1 }));
    // Naming a sibling's warehouse or society as the filter gives nothing, not its stock.
    const c1Warehouse = warehouseList.find((w) => w.orgId === tree.c1)!;
    expect((await wholeReport({ warehouseId: c1Warehouse.id }, cookies.c2)).items).toEqual([]);
    expect((await wholeReport({ orgId: tree.c1 }, cookies.c2)).items).toEqual([]);
    const moves = (await get(`/api/relief/reports/movements?pageSize=200`, cookies.c2)).json();
    expect(moves.items.every((m: StockMovementLine) => m.orgId === tree.c2)).toBe(true);
    expect((await get('/api/relief/reports/stock', cookies.none)).statusCode).toBe(403);
    expect((await h.req('GET', '/api/relief/reports/stock')).statusCode).toBe(401);
  });

  it('refuses bad filters with the field at fault', async () => {
    for (const [query, field] of [
      ['category=tents', 'category'],
      ['asOf=2026-02-30', 'asOf'],
      ['warehouseId=abc', 'warehouseId'],
    ] as const) {
      const res = await get(`/api/relief/reports/stock?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(`querystring.${field}`);
    }
    const period = await get(`/api/relief/reports/movements/summary?from=2026-03-10&to=2026-03-01`);
    expect(period.statusCode).toBe(400);
    expect(period.json().fields[0].field).toBe('querystring.to');
  });
});

describe('movements in a period', () => {
  async function wholeSummary(query: Record<string, string | number | undefined>) {
    const rows: MovementSummary['items'] = [];
    for (let page = 1; ; page++) {
      const res = await get(`/api/relief/reports/movements/summary?${qs({ ...query, page, pageSize: 5 })}`);
      expect(res.statusCode, res.body).toBe(200);
      const s = res.json() as MovementSummary;
      rows.push(...s.items);
      if (rows.length >= s.total) return rows;
    }
  }

  it('gives opening + in − out = closing per warehouse and item, matching the card', async () => {
    const from = dayPlus(10);
    const to = dayPlus(30);
    const start = startOfShanghaiDay(from);
    const end = endOfShanghaiDay(to);
    const rows = await wholeSummary({ orgId: tree.p, from, to });
    const opening = modelStock({ before: start, orgId: tree.p });
    const closing = modelStock({ before: end, orgId: tree.p });
    const inPeriod = movements.filter((m) => m.at >= start && m.at < end);
    const keys = new Set([
      ...opening.keys(),
      ...closing.keys(),
      ...inPeriod.map((m) => `${m.batch.warehouseId}/${m.batch.itemId}`),
    ]);
    expect(rows).toHaveLength(keys.size);
    for (const r of rows) {
      const key = `${r.warehouseId}/${r.itemId}`;
      expect(r.opening).toBe(opening.get(key)?.quantity ?? 0);
      expect(r.closing).toBe(closing.get(key)?.quantity ?? 0);
      expect(r.closingValueFen).toBe(closing.get(key)?.valueFen ?? 0);
      expect(r.opening + r.totalIn - r.totalOut).toBe(r.closing);
      const byKind: Record<string, number> = {};
      for (const m of inPeriod)
        if (`${m.batch.warehouseId}/${m.batch.itemId}` === key)
          byKind[m.kind] = (byKind[m.kind] ?? 0) + m.quantity;
      expect(r.byKind).toEqual(byKind);
    }
  });

  it('lists the stock card lines with filters, newest first', async () => {
    const from = dayPlus(5);
    const to = dayPlus(15);
    const want = movements.filter(
      (m) => m.kind === 'ship_out' && m.at >= startOfShanghaiDay(from) && m.at < endOfShanghaiDay(to),
    );
    const res = await get(
      `/api/relief/reports/movements?${qs({ orgId: tree.p, kind: 'ship_out', from, to, pageSize: 200 })}`,
    );
    const page = res.json() as { items: StockMovementLine[]; total: number };
    expect(page.total).toBe(want.length);
    expect(page.items.map((m) => m.ref).sort()).toEqual(want.map((m) => m.ref).sort());
    expect(page.items.map((m) => m.at)).toEqual([...page.items.map((m) => m.at)].sort().reverse());
    const one = want[0]!;
    const byRef = (await get(`/api/relief/reports/movements?ref=${one.ref}`)).json();
    expect(byRef.items).toMatchObject([{ ref: one.ref, quantity: one.quantity, batchId: one.batch.id }]);
  });
});

async function readXlsx(url: string) {
  const res = await get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('exports', () => {
  it('writes the stock report as .xlsx, every row, money in yuan', async () => {
    const report = await wholeReport({ orgId: tree.p });
    const rows = await readXlsx(`/api/relief/reports/stock.xlsx?orgId=${tree.p}`);
    expect(rows[0]).toEqual(expect.arrayContaining(['红十字会', '仓库', '数量', '金额（元）', '最近效期']));
    expect(rows).toHaveLength(report.total + 1);
    const first = report.items[0]!;
    expect(rows[1]!.slice(0, 2)).toEqual([first.orgName, first.warehouseName]);
    expect(rows[1]![6]).toBe(first.quantity);
    expect(rows[1]![9]).toBe(first.valueFen / 100);
  });

  it('writes the period summary and the movement lines as .xlsx', async () => {
    const summary = await readXlsx(
      `/api/relief/reports/movements/summary.xlsx?orgId=${tree.p}&from=${dayPlus(0)}&to=${dayPlus(60)}`,
    );
    expect(summary[0]).toEqual(expect.arrayContaining(['期初', '捐赠入库', '调拨出库', '报废', '期末']));
    const total = (
      await get(`/api/relief/reports/movements/summary?orgId=${tree.p}&from=${dayPlus(0)}&to=${dayPlus(60)}`)
    ).json().total;
    expect(summary).toHaveLength(total + 1);
    const lines = await readXlsx(`/api/relief/reports/movements.xlsx?orgId=${tree.p}`);
    expect(lines).toHaveLength(movements.length + 1);
    expect(lines[0]).toEqual(expect.arrayContaining(['时间', '批次', '类型', '数量', '单据']));
  });
});
