import { shanghaiDate } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.ts';
import { startHarness, type Harness } from '../../testing/harness.ts';

let h: Harness;
let lx: string;
let donorId: number;
let appealId: number;

beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
  donorId = (await h.req('GET', `/api/donors?orgId=${h.seed.orgs.liangxi}&pageSize=100`, { cookie: lx }))
    .json()
    .items.find((d: { orgId: number }) => d.orgId === h.seed.orgs.liangxi).id;
  appealId = (await h.req('GET', `/api/appeals?orgId=${h.seed.orgs.liangxi}`, { cookie: lx }))
    .json()
    .items.find((a: { orgId: number }) => a.orgId === h.seed.orgs.liangxi).id;
});
afterAll(() => h?.close());

const newGift = async (body: Record<string, unknown> = {}) =>
  (
    await h.req('POST', '/api/gifts', {
      cookie: lx,
      body: {
        orgId: h.seed.orgs.liangxi,
        donorId,
        channel: 'bank',
        amountFen: 12_300,
        receivedOn: shanghaiDate(new Date()),
        ...body,
      },
    })
  ).json();
const act = (id: number, what: 'reissue' | 'cancel', reason = '票面打印错误') =>
  h.req('POST', `/api/gifts/${id}/${what}`, { cookie: lx, body: { reason } });
const appealReceived = async () =>
  (await h.req('GET', `/api/appeals?orgId=${h.seed.orgs.liangxi}`, { cookie: lx }))
    .json()
    .items.find((a: { id: number }) => a.id === appealId).receivedFen as number;

describe('voiding receipts (冲红) and cancelling gifts', () => {
  it('reissues: the old number is voided with its reason, the new one names it, both verify publicly', async () => {
    const gift = await newGift();
    const res = await act(gift.id, 'reissue', '捐赠人名称打印错误');
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.receiptNo).toMatch(/^\d{14}$/);
    expect(after.receiptNo).not.toBe(gift.receiptNo);
    expect(after.status).toBe('confirmed');
    const history = (await h.req('GET', `/api/gifts/${gift.id}/receipts`, { cookie: lx })).json().items;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      number: after.receiptNo,
      status: 'issued',
      replacesNumber: gift.receiptNo,
    });
    expect(history[1]).toMatchObject({
      number: gift.receiptNo,
      status: 'voided',
      voidReason: '捐赠人名称打印错误',
      voidedBy: 'lx_admin',
    });
    const old = (await h.req('GET', `/api/public/receipts/${gift.receiptNo}`)).json();
    expect(old).toMatchObject({ status: 'voided', replacedBy: after.receiptNo });
    expect((await h.req('GET', `/api/public/receipts/${after.receiptNo}`)).json()).toMatchObject({
      status: 'issued',
      replacedBy: null,
    });
    // the voided number stays used: the series keeps no gap
    const seqs = await queryRows<{ seq: number }>(
      h.ctx.db,
      sql`select seq from receipts where org_id = ${h.seed.orgs.liangxi} order by seq`,
    );
    expect(seqs.every((r, i) => r.seq === i + 1)).toBe(true);
    // either number finds the gift
    const found = (await h.req('GET', `/api/gifts?receiptNo=${gift.receiptNo}`, { cookie: lx })).json();
    expect(found.items[0].receiptNo).toBe(after.receiptNo);
  });

  it('cancels: the receipt is voided, the money leaves the totals, no certificate, nothing more to void', async () => {
    const before = await appealReceived();
    const gift = await newGift({ appealId, amountFen: 50_000 });
    expect(await appealReceived()).toBe(before + 50_000);
    const res = await act(gift.id, 'cancel', '银行退票');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', receiptNo: gift.receiptNo });
    expect(await appealReceived()).toBe(before);
    expect((await h.req('GET', `/api/public/receipts/${gift.receiptNo}`)).json()).toMatchObject({
      status: 'voided',
      replacedBy: null,
    });
    const cert = await h.req('GET', `/api/gifts/${gift.id}/certificate.pdf`, { cookie: lx });
    expect(cert.statusCode).toBe(409);
    expect(cert.json().code).toBe('GIFT_CANCELLED');
    expect((await act(gift.id, 'cancel')).json().code).toBe('GIFT_CANCELLED');
    expect((await act(gift.id, 'reissue')).json().code).toBe('GIFT_CANCELLED');
  });

  it('refuses to cancel money already committed to a disbursement', async () => {
    const gift = await newGift({ appealId, amountFen: 30_000 });
    const balance = await appealReceived();
    await h.ctx.db.execute(
      sql`insert into disbursements (org_id, appeal_id, amount_fen, purpose, status, requested_by)
          values (${h.seed.orgs.liangxi}, ${appealId}, ${balance - 10_000}, '困境儿童医疗救助', 'pending', 'lx_admin')`,
    );
    const res = await act(gift.id, 'cancel', '误录');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('GIFT_FUNDS_COMMITTED');
    expect(
      (await h.req('GET', `/api/gifts?receiptNo=${gift.receiptNo}`, { cookie: lx })).json().items[0].status,
    ).toBe('confirmed');
  });

  it('a reason is required, and a cancel racing a reissue leaves one consistent outcome', async () => {
    const gift = await newGift();
    const empty = await act(gift.id, 'cancel', '   ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].field).toBe('body.reason');
    const [cancel, reissue] = await Promise.all([
      act(gift.id, 'cancel', '重复登记'),
      act(gift.id, 'reissue', '重开'),
    ]);
    // The row lock orders them: cancel always succeeds; a reissue after it finds the gift cancelled.
    expect(cancel.statusCode).toBe(200);
    expect([200, 409]).toContain(reissue.statusCode);
    const live = await queryRows<{ n: number }>(
      h.ctx.db,
      sql`select count(*)::int as n from receipts where gift_id = ${gift.id} and status = 'issued'`,
    );
    const [state] = await queryRows<{ status: string }>(
      h.ctx.db,
      sql`select status from gifts where id = ${gift.id}`,
    );
    expect(state!.status).toBe('cancelled');
    expect(live[0]!.n).toBe(0);
  });
});
