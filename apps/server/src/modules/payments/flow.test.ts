import { createServer } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { appeals, gifts } from '../donations/index.ts';
import { donationOrderStatus } from './order-status.ts';
import { paymentProviderFor } from './providers.ts';
import { reconcileOpenOrders } from './reconcile-orders.ts';
import { paymentOrders } from './schema.ts';

/**
 * Scan-to-donate end to end over real HTTP: the app listens on a port, the donor's calls are real
 * fetches, and the sandbox provider is reached — and calls back with its signed notifications —
 * over the network like WeChat Pay would.
 */

let h: Harness;
let base: string;
let angelId: number;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  h = await startHarness({ publicUrl: base, paymentSandboxUrl: base });
  await h.app.listen({ host: '127.0.0.1', port });
  [{ id: angelId }] = (await h.ctx.db
    .select({ id: appeals.id })
    .from(appeals)
    .where(eq(appeals.name, '“天使计划”困境儿童医疗救助'))) as [{ id: number }];
});
afterAll(() => h?.close());

/** A JSON answer, read as loosely as `inject().json()` reads it in the other tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    headers: res.headers,
    json: (type.includes('json') ? await res.json() : null) as Json,
    bytes: type.includes('json') ? null : Buffer.from(await res.arrayBuffer()),
  };
};

const donate = (body: Record<string, unknown>, key = crypto.randomUUID()) =>
  call('POST', '/api/public/donations', { appealId: angelId, ...body }, { 'idempotency-key': key });

/** The donor's page polls like this until the receipt number shows. */
async function pollUntilReceipt(orderNo: string, token: string) {
  for (let i = 0; i < 100; i++) {
    const res = await call('GET', `/api/public/donations/${orderNo}?token=${token}`);
    if (res.json.receiptNo) return res.json;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`order ${orderNo} never got its receipt`);
}

const txnOf = (payUrl: string) => new URL(payUrl).pathname.split('/').pop()!;
const giftCount = async (orderNo: string) =>
  (await h.ctx.db.select().from(gifts).where(eq(gifts.externalRef, orderNo))).length;

describe('scan-to-donate over HTTP with the sandbox provider', () => {
  it('takes a gift from order to receipt: create → cashier → pay → notification → receipt → public check', async () => {
    const created = await donate({
      amountFen: 10_000,
      anonymous: false,
      name: '王小明',
      nameConsent: false,
      mobile: '139 1234 5678',
    });
    expect(created.status).toBe(200);
    const { orderNo, payUrl, viewToken } = created.json;
    expect(orderNo).toMatch(/^D\d{18}$/);
    expect(viewToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const pay = new URL(payUrl);
    expect(pay.origin + pay.pathname).toMatch(new RegExp(`^${base}/p/sandbox-pay/SBX`));
    expect(pay.searchParams.get('redirect_url')).toBe(`${base}/p/donate/orders/${orderNo}`);

    // Only the token's hash is stored, and the mobile only encrypted.
    const [order] = await h.ctx.db.select().from(paymentOrders).where(eq(paymentOrders.outTradeNo, orderNo));
    expect(order!.viewTokenHash).not.toContain(viewToken);
    expect(order!.mobileEnc).not.toContain('13912345678');
    expect(order!.expiresAt.getTime() - order!.createdAt.getTime()).toBe(30 * 60_000);

    const before = await call('GET', `/api/public/donations/${orderNo}?token=${viewToken}`);
    expect(before.json).toMatchObject({
      status: 'created',
      amountFen: 10_000,
      publicName: '王*明',
      receiptNo: null,
    });

    const cashier = await call('GET', `/sandbox/pay/transactions/${txnOf(payUrl)}`);
    expect(cashier.json).toMatchObject({ merchantName: '红十字会', amountFen: 10_000, status: 'pending' });
    const paid = await call('POST', `/sandbox/pay/transactions/${txnOf(payUrl)}/pay`, {});
    expect(paid.json.status).toBe('paid');

    const status = await pollUntilReceipt(orderNo, viewToken);
    expect(status).toMatchObject({
      status: 'paid',
      amountFen: 10_000,
      appealName: '“天使计划”困境儿童医疗救助',
      orgName: '梁溪区红十字会',
      publicName: '王*明',
    });
    expect(status.receiptNo).toMatch(/^\d{14}$/);

    const check = await call('GET', `/api/public/receipts/${status.receiptNo}`);
    expect(check.json).toMatchObject({
      status: 'issued',
      amountFen: 10_000,
      donorPublicName: '王*明',
      orgName: '梁溪区红十字会',
      designation: '“天使计划”困境儿童医疗救助',
    });

    const cert = await call('GET', `/api/public/donations/${orderNo}/certificate.pdf?token=${viewToken}`);
    expect(cert.status).toBe(200);
    expect(cert.headers.get('content-type')).toBe('application/pdf');
    expect(cert.bytes!.subarray(0, 5).toString()).toBe('%PDF-');

    // The normal delivery resends twice more; wait for them and count: still one gift.
    await new Promise((r) => setTimeout(r, 2300));
    expect(await giftCount(orderNo)).toBe(1);
  });

  it('answers a wrong token exactly like a missing order: 404, no hint', async () => {
    const { orderNo } = (await donate({ amountFen: 100, anonymous: true })).json;
    const wrong = 'x'.repeat(32);
    const missingNo = 'D202601010000000001';
    for (const suffix of ['', '/certificate.pdf']) {
      const a = await call('GET', `/api/public/donations/${orderNo}${suffix}?token=${wrong}`);
      const b = await call('GET', `/api/public/donations/${missingNo}${suffix}?token=${wrong}`);
      expect(a.status).toBe(404);
      expect(a.json).toEqual(b.json);
    }
  });

  it('replays the same answer — same order, same token — for a retried request with the same Idempotency-Key', async () => {
    const key = crypto.randomUUID();
    const body = { amountFen: 5_000, anonymous: true };
    const first = await donate(body, key);
    const again = await donate(body, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json).toEqual(first.json);
    const rows = await h.ctx.db.execute(
      sql`select count(*)::int as n from idempotency_keys where response::text like ${`%${first.json.viewToken}%`}`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('refuses bad amounts, a missing name and a closed appeal', async () => {
    expect((await donate({ amountFen: 0, anonymous: true })).status).toBe(400);
    expect((await donate({ amountFen: 100_000_001, anonymous: true })).status).toBe(400);
    expect((await donate({ amountFen: 100_000_000, anonymous: true })).status).toBe(200);
    expect((await donate({ amountFen: 12.5, anonymous: true })).status).toBe(400);
    const noName = await donate({ amountFen: 100, anonymous: false });
    expect(noName.status).toBe(400);
    expect(noName.json.fields.map((f: { field: string }) => f.field)).toContain('body.name');
    expect((await donate({ amountFen: 100, anonymous: true, mobile: '12345' })).status).toBe(400);
    expect((await donate({ amountFen: 100, anonymous: true, appealId: 2_000_000_000 })).status).toBe(400);

    const [closed] = await h.ctx.db
      .insert(appeals)
      .values({ orgId: h.seed.orgs.liangxi!, kind: 'appeal', name: '已结束的专项', open: false })
      .returning();
    const res = await donate({ amountFen: 100, anonymous: true, appealId: closed!.id });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('GIFT_APPEAL_CLOSED');
    expect((await call('GET', `/api/public/appeals/${closed!.id}`)).json.open).toBe(false);
  });

  it('confirms a payment whose notification never came: by the query job, and by the donor polling', async () => {
    const provider = paymentProviderFor(h.ctx.config)!;
    const a = (await donate({ amountFen: 2_000, anonymous: true })).json;
    const b = (await donate({ amountFen: 3_000, anonymous: true })).json;
    for (const o of [a, b]) {
      expect(
        (await call('POST', `/sandbox/pay/transactions/${txnOf(o.payUrl)}/pay?notify=none`, {})).status,
      ).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(await giftCount(a.orderNo)).toBe(0);

    // Too young for the job: it waits for the notification a little first.
    await reconcileOpenOrders(h.ctx, provider, new Date());
    expect(await giftCount(a.orderNo)).toBe(0);

    await reconcileOpenOrders(h.ctx, provider, new Date(Date.now() + 11_000));
    expect(await giftCount(a.orderNo)).toBe(1);
    expect(
      (await call('GET', `/api/public/donations/${a.orderNo}?token=${a.viewToken}`)).json.receiptNo,
    ).toMatch(/^\d{14}$/);

    const polled = await donationOrderStatus(
      h.ctx,
      provider,
      b.orderNo,
      b.viewToken,
      new Date(Date.now() + 4_000),
    );
    expect(polled.status).toBe('paid');
    expect(await giftCount(b.orderNo)).toBe(1);
  });

  it('delivers duplicated and shuffled notifications over HTTP and still records one gift each', async () => {
    for (const mode of ['duplicate', 'shuffle']) {
      const o = (await donate({ amountFen: 1_500, anonymous: false, name: '赵一鸣', nameConsent: true }))
        .json;
      await call('POST', `/sandbox/pay/transactions/${txnOf(o.payUrl)}/pay?notify=${mode}`, {});
      const status = await pollUntilReceipt(o.orderNo, o.viewToken);
      expect(status.publicName).toBe('赵一鸣');
      await new Promise((r) => setTimeout(r, 500));
      expect(await giftCount(o.orderNo), mode).toBe(1);
      const [order] = await h.ctx.db
        .select()
        .from(paymentOrders)
        .where(eq(paymentOrders.outTradeNo, o.orderNo));
      const filed = await h.ctx.db.execute(
        sql`select outcome from payment_notifications where order_id = ${order!.id} and verified`,
      );
      const outcomes = (filed as unknown as { rows: { outcome: string }[] }).rows.map((r) => r.outcome);
      expect(
        outcomes.filter((x) => x === 'paid'),
        mode,
      ).toHaveLength(1);
      expect(outcomes.length, mode).toBeGreaterThanOrEqual(4);
    }
  });

  it('never lets a stranger point the sandbox at another address (it only calls back to this site)', async () => {
    const res = await call('POST', '/sandbox/pay/transactions', {
      merchantOrderNo: 'D202601010000000009',
      amountFen: 100,
      notifyUrl: 'http://169.254.169.254/latest/meta-data',
    });
    expect(res.status).toBe(400);
    expect(res.json.fields[0].code).toBe('SANDBOX_NOTIFY_URL_FOREIGN');
  });

  it('closes an order the donor cancelled at the cashier once it has expired', async () => {
    const provider = paymentProviderFor(h.ctx.config)!;
    const o = (await donate({ amountFen: 800, anonymous: true })).json;
    expect((await call('POST', `/sandbox/pay/transactions/${txnOf(o.payUrl)}/cancel`, {})).json.status).toBe(
      'closed',
    );
    expect((await call('POST', `/sandbox/pay/transactions/${txnOf(o.payUrl)}/pay`, {})).status).toBe(409);
    await reconcileOpenOrders(h.ctx, provider, new Date(Date.now() + 11_000));
    expect((await call('GET', `/api/public/donations/${o.orderNo}?token=${o.viewToken}`)).json.status).toBe(
      'created',
    );
    await reconcileOpenOrders(h.ctx, provider, new Date(Date.now() + 31 * 60_000));
    const after = await call('GET', `/api/public/donations/${o.orderNo}?token=${o.viewToken}`);
    expect(after.json.status).toBe('closed');
    expect(await giftCount(o.orderNo)).toBe(0);
    const cert = await call('GET', `/api/public/donations/${o.orderNo}/certificate.pdf?token=${o.viewToken}`);
    expect(cert.status).toBe(409);
    expect(cert.json.code).toBe('PAYMENT_NOT_PAID');
  });
});
