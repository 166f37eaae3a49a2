import fc from 'fast-check';
import { shanghaiDate } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/access/actor.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { createReceiptDesk } from './receipt-desk.ts';
import { recordGift } from './record-gift.ts';

let h: Harness;
let lx: string;
let donorId: number;
let angelId: number;
const today = () => shanghaiDate(new Date());

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
  donorId = (await h.req('GET', `/api/donors?q=${encodeURIComponent('陈美华')}`, { cookie: lx })).json()
    .items[0].id;
  angelId = (await h.req('GET', '/api/appeals', { cookie: lx }))
    .json()
    .items.find((a: { name: string }) => a.name.includes('天使计划')).id;
});
afterAll(() => h?.close());

const gift = (body: Record<string, unknown> = {}) =>
  h.req('POST', '/api/gifts', {
    cookie: lx,
    body: {
      orgId: h.seed.orgs.liangxi,
      donorId,
      channel: 'cash',
      amountFen: 10_000,
      receivedOn: today(),
      ...body,
    },
  });

/** All receipt sequence numbers of a society's series this year, in order. */
async function seqs(orgId: number): Promise<number[]> {
  const r = await h.ctx.db.execute(
    sql`select seq from receipts where org_id = ${orgId} and year = ${Number(today().slice(0, 4))} order by seq`,
  );
  return (r as unknown as { rows: { seq: number }[] }).rows.map((x) => x.seq);
}
const dense = (list: number[]) => list.every((s, i) => s === i + 1);

describe('money gifts and their receipts', () => {
  it('records a gift designated to an appeal and issues its receipt at once', async () => {
    const receivedBefore = (await h.req('GET', '/api/appeals', { cookie: lx }))
      .json()
      .items.find((a: { id: number }) => a.id === angelId).receivedFen;
    const res = await gift({ amountFen: 52_000, appealId: angelId, channel: 'bank' });
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g.receiptNo).toMatch(
      new RegExp(`^${today().slice(0, 4)}${String(h.seed.orgs.liangxi).padStart(4, '0')}\\d{6}$`),
    );
    expect(g).toMatchObject({
      amountFen: 52_000,
      appealName: '“天使计划”困境儿童医疗救助',
      donorPublicName: '陈*华',
    });
    const appeal = (await h.req('GET', '/api/appeals', { cookie: lx }))
      .json()
      .items.find((a: { id: number }) => a.id === angelId);
    expect(appeal.receivedFen).toBe(receivedBefore + 52_000);
    const found = (await h.req('GET', `/api/gifts?receiptNo=${g.receiptNo}`, { cookie: lx })).json();
    expect(found.items.map((x: { id: number }) => x.id)).toEqual([g.id]);
  });

  it("refuses zero, fractional-fen and future gifts, and another society's donor or appeal", async () => {
    expect((await gift({ amountFen: 0 })).json().fields[0].field).toBe('body.amountFen');
    expect((await gift({ amountFen: 10.5 })).json().fields[0].field).toBe('body.amountFen');
    expect((await gift({ receivedOn: '2999-01-01' })).json().fields[0].code).toBe('GIFT_DATE_IN_FUTURE');
    const wx = await h.login('wx_admin');
    const wuxiDonor = (
      await h.req('GET', `/api/donors?q=${encodeURIComponent('顾志明')}`, { cookie: wx })
    ).json().items[0].id;
    expect((await gift({ donorId: wuxiDonor })).json().fields[0].field).toBe('donorId');
    const wuxiAppeal = (await h.req('GET', `/api/appeals?orgId=${h.seed.orgs.wuxi}`, { cookie: wx })).json()
      .items[0].id;
    expect((await gift({ appealId: wuxiAppeal })).json().fields[0].code).toBe('GIFT_APPEAL_OTHER_ORG');
  });

  it('sums the filtered gifts in fen in the database', async () => {
    const all = (
      await h.req('GET', `/api/gifts?orgId=${h.seed.orgs.liangxi}&pageSize=1`, { cookie: lx })
    ).json();
    const items = (
      await h.req('GET', `/api/gifts?orgId=${h.seed.orgs.liangxi}&pageSize=200`, { cookie: lx })
    ).json().items;
    expect(all.items).toHaveLength(1);
    expect(all.total).toBe(items.length);
    expect(all.totalFen).toBe(items.reduce((s: number, g: { amountFen: number }) => s + g.amountFen, 0));
  });

  it('never gives two gifts the same receipt number, and leaves no gap, under 60 concurrent gifts', async () => {
    const before = await seqs(h.seed.orgs.liangxi!);
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => gift({ amountFen: 100 + i })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(60).fill(200));
    const numbers = results.map((r) => r.json().receiptNo);
    expect(new Set(numbers).size).toBe(60);
    const after = await seqs(h.seed.orgs.liangxi!);
    expect(after).toHaveLength(before.length + 60);
    expect(dense(after)).toBe(true);
  });

  it('keeps the series dense whatever mix of committed and rolled-back gifts and competing desks (model test)', async () => {
    const orgId = h.seed.orgs.xishan!;
    const xsDonor = (await h.ctx.db.execute(
      sql`select id from donors where org_id = ${orgId} limit 1`,
    )) as unknown as { rows: { id: number }[] };
    const actor = systemActor('test-model');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), async (commits) => {
        const start = (await seqs(orgId)).length;
        // Two desks (as two server processes would have) number while gifts are still arriving.
        const desks = [createReceiptDesk(h.ctx.db), createReceiptDesk(h.ctx.db)];
        await Promise.all([
          ...desks.map((d) => d.runOnce()),
          ...commits.map((commit, i) =>
            h.ctx.db
              .transaction(async (tx) => {
                await recordGift(tx, actor, {
                  orgId,
                  donorId: xsDonor.rows[0]!.id,
                  channel: 'cash',
                  amountFen: 1 + i,
                  receivedOn: today(),
                });
                if (!commit) throw new Error('rolled back');
              })
              .catch(() => undefined),
          ),
          ...desks.map((d) => d.runOnce()),
        ]);
        await desks[0]!.runOnce();
        const now = await seqs(orgId);
        const unreceipted = await h.ctx.db.execute(
          sql`select count(*)::int as n from gifts where receipt_id is null and status = 'confirmed'`,
        );
        expect((unreceipted as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
        expect(now).toHaveLength(start + commits.filter(Boolean).length);
        expect(dense(now)).toBe(true);
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  it('a retried gift with the same Idempotency-Key is recorded and receipted once', async () => {
    const send = () =>
      h.app.inject({
        method: 'POST',
        url: '/api/gifts',
        headers: { cookie: lx, 'idempotency-key': 'gift-retry-0001' },
        payload: {
          orgId: h.seed.orgs.liangxi,
          donorId,
          channel: 'scan',
          amountFen: 8_800,
          receivedOn: today(),
        },
      });
    const [a, b] = [await send(), await send()];
    expect(b.json().receiptNo).toBe(a.json().receiptNo);
    const found = (await h.req('GET', `/api/gifts?receiptNo=${a.json().receiptNo}`, { cookie: lx })).json();
    expect(found.total).toBe(1);
  });
});
