import { shanghaiDate } from '@boai/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsOutbox } from '../../platform/sms/schema.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { queueExpiryAlerts, stageOf } from './expiry-alerts.ts';
import { batchIn, itemAt, warehouseAt } from './report-fixtures.ts';
import { stockExpiryAlerts } from './schema.ts';
import { moveStock } from './stock.ts';

let h: Harness;
let lx: string;
let xs: string;
const get = (url: string, cookie = lx) => h.req('GET', url, { cookie });
const DAY = 86_400_000;
const now = new Date();
const today = shanghaiDate(now);
const plus = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Batches of one fresh warehouse of 梁溪区 expiring `days` from today (null: no expiry), by offset. */
async function batchesExpiring(whName: string, offsets: (number | null)[]) {
  return h.ctx.db.transaction(async (tx) => {
    const liangxi = h.seed.orgs.liangxi!;
    const wh = await warehouseAt(tx, liangxi, whName, whName);
    const item = await itemAt(tx, liangxi, `${whName}-FOOD`, '压缩饼干', { unit: '箱', category: 'food' });
    const out = new Map<number | null, Awaited<ReturnType<typeof batchIn>>>();
    for (const d of offsets)
      out.set(
        d,
        await batchIn(tx, {
          warehouse: wh,
          itemId: item.id,
          quantity: 10,
          unitValueFen: 6_000,
          expiresOn: d === null ? null : plus(d),
        }),
      );
    return { wh, batches: out };
  });
}

/** The relief expiry messages queued for one warehouse, decrypted (the outbox keeps them encrypted). */
async function messagesAbout(whName: string) {
  const rows = await h.ctx.db.select().from(smsOutbox).where(eq(smsOutbox.template, 'relief_expiry'));
  return rows
    .map((r) => ({
      mobile: h.ctx.pii.decrypt(r.mobileEnc),
      text: (JSON.parse(h.ctx.pii.decrypt(r.body)) as { text: string }).text,
    }))
    .filter((m) => m.text.includes(whName));
}

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
  xs = await h.login('xs_admin');
});
afterAll(() => h?.close());

describe('expiry alerts (效期预警)', () => {
  it('lists batches with stock expiring within N days or past, good on their expiry day', async () => {
    const { wh, batches } = await batchesExpiring('效期边界库', [-1, 0, 30, 90, 91, null]);
    const emptied = batches.get(-1)!;
    const { batches: gone } = await batchesExpiring('效期空批次库', [-5]);
    await h.ctx.db.transaction((tx) =>
      moveStock(tx, {
        batchId: gone.get(-5)!.id,
        kind: 'ship_out',
        quantity: 10,
        ref: 'test:gone',
        actor: '测试',
      }),
    );
    const list = async (q: string) =>
      (await get(`/api/relief/expiry?warehouseId=${wh.id}&pageSize=50${q}`)).json() as {
        total: number;
        items: { batchId: number; daysLeft: number; expired: boolean; free: number; valueFen: number }[];
      };
    const byDefault = await list('');
    expect(byDefault.items.map((i) => [i.daysLeft, i.expired])).toEqual([
      [-1, true],
      [0, false],
      [30, false],
      [90, false],
    ]);
    expect(byDefault.items[0]).toMatchObject({ batchId: emptied.id, free: 10, valueFen: 60_000 });
    expect((await list('&withinDays=0')).items.map((i) => i.daysLeft)).toEqual([-1, 0]);
    expect((await list('&withinDays=91')).total).toBe(5);
    expect((await list('&state=expired')).items.map((i) => i.daysLeft)).toEqual([-1]);
    expect((await list('&state=expiring')).items.map((i) => i.daysLeft)).toEqual([0, 30, 90]);
    const bad = await get('/api/relief/expiry?withinDays=-3');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('querystring.withinDays');

    const sibling = (await get(`/api/relief/expiry?pageSize=200&withinDays=3650`, xs)).json();
    expect(sibling.items.filter((i: { warehouseId: number }) => i.warehouseId === wh.id)).toEqual([]);
    const exported = await get(`/api/relief/expiry/export.xlsx?warehouseId=${wh.id}`);
    expect(exported.statusCode).toBe(200);
  });

  it('puts each batch in its most urgent stage', () => {
    expect([-1, 0, 30, 31, 90, 91].map(stageOf)).toEqual(['expired', 'd30', 'd30', 'd90', 'd90', null]);
  });

  it('texts the warehouse society’s relief staff once per batch and stage, never twice', async () => {
    // Whatever the demo and earlier tests left is alerted first, so what follows counts only ours.
    await queueExpiryAlerts(h.ctx.db, h.ctx.pii, now);
    const name = '效期提醒测试库';
    const { batches } = await batchesExpiring(name, [-2, 10, 60, 200]);
    const ids = [...batches.values()].map((b) => b.id);
    expect(await queueExpiryAlerts(h.ctx.db, h.ctx.pii, now)).toBe(3);
    const sent = await messagesAbout(name);
    // One message per person per run, to 梁溪区's staff holding relief:manage there (李明, 13961000004).
    expect(sent).toHaveLength(1);
    expect(sent[0]!.mobile).toBe('13961000004');
    expect(sent[0]!.text).toContain('【梁溪区红十字会】');
    expect(sent[0]!.text).toContain('1 个批次已过期、1 个批次 30 天内到期、1 个批次 90 天内到期');

    expect(await queueExpiryAlerts(h.ctx.db, h.ctx.pii, now)).toBe(0);
    expect(await messagesAbout(name)).toHaveLength(1);

    // 31 days on, the 60-day batch enters the 30-day stage and the 10-day one expires: told again, once.
    const later = new Date(now.getTime() + 31 * DAY);
    expect(await queueExpiryAlerts(h.ctx.db, h.ctx.pii, later)).toBeGreaterThanOrEqual(2);
    expect(await queueExpiryAlerts(h.ctx.db, h.ctx.pii, later)).toBe(0);
    const alerts = await h.ctx.db
      .select()
      .from(stockExpiryAlerts)
      .where(and(inArray(stockExpiryAlerts.batchId, ids)));
    expect(alerts.map((a) => `${a.batchId}:${a.stage}`).sort()).toEqual(
      [
        `${batches.get(-2)!.id}:expired`,
        `${batches.get(10)!.id}:d30`,
        `${batches.get(10)!.id}:expired`,
        `${batches.get(60)!.id}:d90`,
        `${batches.get(60)!.id}:d30`,
      ].sort(),
    );
    expect(await messagesAbout(name)).toHaveLength(2);
  });
});
