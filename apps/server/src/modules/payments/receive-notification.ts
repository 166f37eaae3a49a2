import { asc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/messages.ts';
import { orgs } from '../orgs/index.ts';
import { confirmPayment, type ConfirmOutcome } from './confirm-payment.ts';
import type { NotificationHeaders, NotificationRefusal, PaymentProvider } from './provider.ts';
import { paymentNotifications, paymentOrders } from './schema.ts';

const REFUSALS: Record<NotificationRefusal, { code: MessageKey; status: number }> = {
  malformed: { code: 'PAYMENT_NOTIFY_MALFORMED', status: 400 },
  unknown_key: { code: 'PAYMENT_NOTIFY_UNKNOWN_KEY', status: 401 },
  bad_signature: { code: 'PAYMENT_NOTIFY_BAD_SIGNATURE', status: 401 },
  stale: { code: 'PAYMENT_NOTIFY_STALE', status: 401 },
};

const MAX_KEPT_BODY = 16_384;

/**
 * What is kept of a notification: the body as JSON when it is clean JSON, else as base64 (jsonb
 * refuses NUL characters and lone surrogates, and a forged body may hold anything), plus the headers
 * the signature depends on.
 */
function keptPayload(headers: NotificationHeaders, raw: Buffer) {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string' && /^(sandbox|wechatpay|alipay|unionpay)-/i.test(name)) {
      kept[name] = value.slice(0, 300);
    }
  }
  const text = raw.subarray(0, MAX_KEPT_BODY).toString('utf8');
  try {
    const json = JSON.stringify(JSON.parse(text));
    if (raw.length <= MAX_KEPT_BODY && !/\\u0000|\\ud[89a-f]/i.test(json)) {
      return { headers: kept, body: JSON.parse(json) as unknown };
    }
  } catch {
    // not JSON: kept as bytes below
  }
  return { headers: kept, bodyBase64: raw.subarray(0, MAX_KEPT_BODY).toString('base64'), bytes: raw.length };
}

/**
 * Files a notification. Every one is kept, forged ones too: with its order when one can be named,
 * otherwise with the root society (the installation's owner), since a row belongs to a society.
 */
async function file(
  ctx: AppContext,
  provider: PaymentProvider,
  n: { outTradeNo: string | null; notifyId: string | null; verified: boolean; outcome: string },
  headers: NotificationHeaders,
  raw: Buffer,
) {
  const [order] = n.outTradeNo
    ? await ctx.db
        .select({ id: paymentOrders.id, orgId: paymentOrders.orgId })
        .from(paymentOrders)
        .where(eq(paymentOrders.outTradeNo, n.outTradeNo))
    : [];
  const orgId =
    order?.orgId ??
    (
      await ctx.db
        .select({ id: orgs.id })
        .from(orgs)
        .where(isNull(orgs.parentId))
        .orderBy(asc(orgs.id))
        .limit(1)
    )[0]?.id;
  if (orgId === undefined) return; // no society at all yet: nothing can have been paid to it
  await ctx.db.insert(paymentNotifications).values({
    orgId,
    orderId: order?.id ?? null,
    provider: provider.name,
    notifyId: (n.notifyId ?? '-').slice(0, 64),
    verified: n.verified,
    outcome: n.outcome,
    payload: keptPayload(headers, raw),
  });
}

const confirmRefusal = (r: ConfirmOutcome): AppError | null =>
  r.outcome === 'amount_mismatch'
    ? new AppError('PAYMENT_NOTIFY_AMOUNT_MISMATCH', 409)
    : r.outcome === 'unknown_order'
      ? new AppError('PAYMENT_NOTIFY_UNKNOWN_ORDER', 404)
      : r.outcome === 'refused'
        ? new AppError('PAYMENT_NOTIFY_NOT_RECORDED', 409)
        : null;

/**
 * A provider's notification, as it arrived. Verified (signature, key, time window) before anything
 * is believed; a verified payment becomes its gift through `confirmPayment`; events that are not a
 * payment ('user paying', 'closed') never undo one. Every notification is filed with its outcome.
 * Refusals come back as AppErrors (4xx), so the provider resends; nothing here answers 5xx to input.
 */
export async function receiveNotification(
  ctx: AppContext,
  provider: PaymentProvider,
  headers: NotificationHeaders,
  raw: Buffer,
  now = new Date(),
): Promise<void> {
  const check = provider.verifyNotification(headers, raw, now);
  if (!check.ok) {
    await file(
      ctx,
      provider,
      {
        outTradeNo: check.claimedOutTradeNo,
        notifyId: check.notifyId,
        verified: false,
        outcome: check.reason,
      },
      headers,
      raw,
    );
    const { code, status } = REFUSALS[check.reason];
    throw new AppError(code, status);
  }
  const { event } = check;
  if (event.state !== 'paid') {
    await file(
      ctx,
      provider,
      {
        outTradeNo: event.outTradeNo,
        notifyId: event.notifyId,
        verified: true,
        outcome: `noted:${event.state}`,
      },
      headers,
      raw,
    );
    return;
  }
  const result = await confirmPayment(ctx.db, ctx.pii, {
    outTradeNo: event.outTradeNo,
    providerTxnId: event.providerTxnId,
    amountFen: event.amountFen,
    paidAt: event.paidAt!,
  });
  const outcome = result.outcome === 'refused' ? `refused:${result.code}` : result.outcome;
  await file(
    ctx,
    provider,
    { outTradeNo: event.outTradeNo, notifyId: event.notifyId, verified: true, outcome },
    headers,
    raw,
  );
  const refusal = confirmRefusal(result);
  if (refusal) throw refusal;
}
