import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';
import { appeals, gifts, receipts } from '../donations/index.ts';
import { createDonationOrder } from './create-order.ts';
import type { OrderRow } from './confirm-payment.ts';
import { SANDBOX_EVENTS, type SandboxNotification } from './sandbox-protocol.ts';
import { signSandboxBody } from './sandbox-signature.ts';
import { paymentNotifications, paymentOrders } from './schema.ts';

/**
 * The notify endpoint against what arrives from the internet: genuine notifications, forged and
 * replayed ones, wrong amounts, and the same payment announced many times, out of order and at once.
 * Notifications are signed with the sandbox's key from the app's config, as the sandbox signs them.
 */

let h: Harness;
let angelId: number;
const NOTIFY = '/api/payments/notify/sandbox';

beforeAll(async () => {
  h = await startHarness();
  [{ id: angelId }] = (await h.ctx.db
    .select({ id: appeals.id })
    .from(appeals)
    .where(eq(appeals.name, '“天使计划”困境儿童医疗救助'))) as [{ id: number }];
});
afterAll(() => h?.close());

const newOrder = (amountFen = 8_800, name: string | null = '钱思远', mobile: string | null = null) =>
  h.ctx.db.transaction(async (tx) => {
    const { order } = await createDonationOrder(tx, h.ctx.pii, 'sandbox', {
      appealId: angelId,
      amountFen,
      anonymous: name === null,
      name,
      nameConsent: false,
      mobile,
    });
    return order;
  });

const notification = (
  order: OrderRow,
  opts: { state?: 'paid' | 'pending'; amountFen?: number; id?: string } = {},
): SandboxNotification => {
  const paid = (opts.state ?? 'paid') === 'paid';
  return {
    id: opts.id ?? randomUUID(),
    create_time: new Date().toISOString(),
    event_type: paid ? SANDBOX_EVENTS.paid : SANDBOX_EVENTS.pending,
    resource: {
      out_trade_no: order.outTradeNo,
      transaction_id: `SBX${order.id}TEST00000000`,
      trade_state: paid ? 'SUCCESS' : 'USERPAYING',
      amount: { total: opts.amountFen ?? order.amountFen },
      success_time: paid ? new Date().toISOString() : null,
    },
  };
};

const post = (body: string, headers: Record<string, string>) =>
  h.app.inject({
    method: 'POST',
    url: NOTIFY,
    headers: { 'content-type': 'application/json', ...headers },
    payload: body,
  });

const send = (n: SandboxNotification, at = new Date(), key = h.ctx.config.paymentSandboxPrivateKey) => {
  const body = JSON.stringify(n);
  return post(body, signSandboxBody(key, body, at));
};

const orderRow = async (id: number) =>
  (await h.ctx.db.select().from(paymentOrders).where(eq(paymentOrders.id, id)))[0]!;
const filed = (orderId: number) =>
  h.ctx.db
    .select()
    .from(paymentNotifications)
    .where(eq(paymentNotifications.orderId, orderId))
    .orderBy(paymentNotifications.id);
const giftsOf = (order: OrderRow) =>
  h.ctx.db
    .select()
    .from(gifts)
    .where(and(eq(gifts.externalRef, order.outTradeNo), eq(gifts.channel, 'scan')));

describe('payment notifications', () => {
  it('accepts a genuine notification: one gift to the appeal, its receipt, the order paid and audited', async () => {
    const order = await newOrder(8_800, '钱思远', '13700012345');
    const res = await send(notification(order));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: 'SUCCESS' });

    const paid = await orderRow(order.id);
    expect(paid.status).toBe('paid');
    expect(paid.giftId).not.toBeNull();
    const [gift] = await giftsOf(order);
    expect(gift).toMatchObject({
      id: paid.giftId,
      orgId: h.seed.orgs.liangxi,
      amountFen: 8_800,
      appealId: angelId,
      channel: 'scan',
    });
    // The receipt is numbered before the provider gets its answer.
    expect(gift!.receiptId).not.toBeNull();
    const audit = await h.ctx.db.execute(
      sql`select actor_name from audit_log where action = 'payments.paid' and entity_id = ${String(order.id)}`,
    );
    expect((audit as unknown as { rows: { actor_name: string }[] }).rows).toEqual([
      { actor_name: 'system:payments' },
    ]);
    expect(await filed(order.id)).toMatchObject([{ verified: true, outcome: 'paid' }]);
  });

  it('refuses and records a forged signature, an unknown key and a stale (replayed) timestamp', async () => {
    const order = await newOrder(1_200);
    const n = notification(order);
    const body = JSON.stringify(n);

    const headers = signSandboxBody(h.ctx.config.paymentSandboxPrivateKey, body, new Date());
    const tampered = body.replace('"total":1200', '"total":1');
    const forged = await post(tampered, headers);
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('PAYMENT_NOTIFY_BAD_SIGNATURE');

    const otherKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
    const impostor = await send(n, new Date(), otherKey as string);
    expect(impostor.statusCode).toBe(401);
    expect(impostor.json().code).toBe('PAYMENT_NOTIFY_UNKNOWN_KEY');

    const otherKeyOurSerial = {
      ...signSandboxBody(otherKey as string, body, new Date()),
      'sandbox-serial': headers['sandbox-serial']!,
    };
    expect((await post(body, otherKeyOurSerial)).json().code).toBe('PAYMENT_NOTIFY_BAD_SIGNATURE');

    const stale = await send(n, new Date(Date.now() - 6 * 60_000));
    expect(stale.statusCode).toBe(401);
    expect(stale.json().code).toBe('PAYMENT_NOTIFY_STALE');
    const future = await send(n, new Date(Date.now() + 6 * 60_000));
    expect(future.json().code).toBe('PAYMENT_NOTIFY_STALE');

    const unsigned = await post(body, {});
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().code).toBe('PAYMENT_NOTIFY_MALFORMED');

    expect((await orderRow(order.id)).status).toBe('created');
    expect(await giftsOf(order)).toEqual([]);
    expect((await filed(order.id)).map((f) => [f.verified, f.outcome])).toEqual([
      [false, 'bad_signature'],
      [false, 'unknown_key'],
      [false, 'bad_signature'],
      [false, 'stale'],
      [false, 'stale'],
      [false, 'malformed'],
    ]);
  });

  it('refuses and records a genuine notification whose amount differs from the order', async () => {
    const order = await newOrder(5_000);
    const res = await send(notification(order, { amountFen: 500 }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PAYMENT_NOTIFY_AMOUNT_MISMATCH');
    expect((await orderRow(order.id)).status).toBe('created');
    expect(await giftsOf(order)).toEqual([]);
    expect(await filed(order.id)).toMatchObject([{ verified: true, outcome: 'amount_mismatch' }]);
  });

  it('files garbage (NUL bytes, broken JSON, unknown orders) without ever answering 5xx', async () => {
    const before = await h.ctx.db.$count(paymentNotifications);
    for (const body of ['{"id":"\\u0000","resource":{"out_trade_no":"\\ud800"}}', '{', '\u0000', '']) {
      const res = await post(body, { 'sandbox-timestamp': 'x' });
      expect(res.statusCode).toBe(400);
    }
    const ghost = await send({
      ...notification(await newOrder()),
      resource: { ...notification(await newOrder()).resource, out_trade_no: 'D202601010000000000' },
    });
    expect(ghost.statusCode).toBe(404);
    expect(ghost.json().code).toBe('PAYMENT_NOTIFY_UNKNOWN_ORDER');
    expect(await h.ctx.db.$count(paymentNotifications)).toBe(before + 5);
  });

  it('records exactly one gift and one receipt for the same payment announced 5 times, out of order and at once', async () => {
    const order = await newOrder(66_600, null);
    const paid = notification(order);
    const olderPending = notification(order, { state: 'pending' });
    // Five copies of the success and the older "user paying" event, all in flight together.
    const results = await Promise.all([
      send(paid),
      send(olderPending),
      send(paid),
      send(paid),
      send(paid),
      send(paid),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    // And once more, late, after everything settled: still the same gift.
    expect((await send(olderPending)).statusCode).toBe(200);
    expect((await send(paid)).statusCode).toBe(200);

    const all = await giftsOf(order);
    expect(all).toHaveLength(1);
    const [gift] = all;
    expect((await orderRow(order.id)).giftId).toBe(gift!.id);
    expect((await orderRow(order.id)).status).toBe('paid');
    const issued = await h.ctx.db.select().from(receipts).where(eq(receipts.giftId, gift!.id));
    expect(issued).toHaveLength(1);
    const outcomes = (await filed(order.id)).map((f) => f.outcome).sort();
    expect(outcomes).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'noted:pending',
      'noted:pending',
      'paid',
    ]);
  });

  it('gives the anonymous scan donor the public name 爱心人士 and a person the masked name', async () => {
    const anonymous = await newOrder(1_000, null);
    const person = await newOrder(2_000, '欧阳明月');
    await send(notification(anonymous));
    await send(notification(person));
    const names = await h.ctx.db.execute(sql`
      select d.kind, d.name, d.name_consent from gifts g join donors d on d.id = g.donor_id
      where g.external_ref in (${anonymous.outTradeNo}, ${person.outTradeNo}) order by g.amount_fen`);
    expect((names as unknown as { rows: unknown[] }).rows).toEqual([
      { kind: 'anonymous', name: '爱心人士', name_consent: false },
      { kind: 'person', name: '欧阳明月', name_consent: false },
    ]);
  });
});
