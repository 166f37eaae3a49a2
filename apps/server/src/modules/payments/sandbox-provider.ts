import { AppError } from '../../platform/errors.ts';
import type { NotificationCheck, NotificationHeaders, PaymentProvider, PaymentState } from './provider.ts';
import {
  SANDBOX_EVENTS,
  sandboxCreatedSchema,
  sandboxNotificationSchema,
  sandboxQueryResultSchema,
} from './sandbox-protocol.ts';
import { keySerial, SANDBOX_HEADERS, verifySandboxSignature } from './sandbox-signature.ts';

/** A notification older or newer than this is refused: a captured one cannot be replayed later. */
export const NOTIFY_WINDOW_SECONDS = 300;
const TIMEOUT_MS = 5000;

const header = (h: NotificationHeaders, name: string): string | null => {
  const v = h[name];
  return typeof v === 'string' && v.length <= 200 ? v : null;
};

/** Whatever an unverified body claims, for filing it — never trusted for anything else. */
function claims(raw: Buffer): { outTradeNo: string | null; notifyId: string | null } {
  try {
    const body = JSON.parse(raw.toString('utf8')) as { id?: unknown; resource?: { out_trade_no?: unknown } };
    // Only what an order number or id can look like: anything else is never put in a query.
    const str = (v: unknown) => (typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : null);
    return { outTradeNo: str(body?.resource?.out_trade_no), notifyId: str(body?.id) };
  } catch {
    return { outTradeNo: null, notifyId: null };
  }
}

const unavailable = () => new AppError('PAYMENT_PROVIDER_UNAVAILABLE', 503);

/**
 * Our adapter for the built-in sandbox provider. It talks to the sandbox over real HTTP, exactly as
 * an adapter for WeChat Pay or Alipay talks to theirs, so the whole path (create, notify, query) is
 * exercised in development and in tests.
 */
export function sandboxProvider(opts: { baseUrl: string; publicKeyPem: string }): PaymentProvider {
  const serial = keySerial(opts.publicKeyPem);
  const base = opts.baseUrl.replace(/\/$/, '');

  return {
    name: 'sandbox',
    acknowledgement: { contentType: 'application/json', body: JSON.stringify({ code: 'SUCCESS' }) },

    async createPayment(order) {
      let res: Response;
      try {
        res = await fetch(`${base}/sandbox/pay/transactions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            merchantOrderNo: order.outTradeNo,
            amountFen: order.amountFen,
            notifyUrl: order.notifyUrl,
          }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch {
        throw unavailable();
      }
      const created = sandboxCreatedSchema.safeParse(await res.json().catch(() => null));
      if (!res.ok || !created.success) throw unavailable();
      // Like WeChat Pay's H5 URL, the merchant appends where the payer returns afterwards.
      const payUrl = new URL(created.data.payUrl);
      payUrl.searchParams.set('redirect_url', order.returnUrl);
      return { payUrl: payUrl.toString() };
    },

    verifyNotification(headers, rawBody, now): NotificationCheck {
      const claimed = claims(rawBody);
      const refuse = (
        reason: 'malformed' | 'unknown_key' | 'bad_signature' | 'stale',
      ): NotificationCheck => ({
        ok: false,
        reason,
        claimedOutTradeNo: claimed.outTradeNo,
        notifyId: claimed.notifyId,
      });
      const timestamp = header(headers, SANDBOX_HEADERS.timestamp);
      const nonce = header(headers, SANDBOX_HEADERS.nonce);
      const signature = header(headers, SANDBOX_HEADERS.signature);
      const keyId = header(headers, SANDBOX_HEADERS.serial);
      if (!timestamp || !nonce || !signature || !keyId || !/^\d{1,12}$/.test(timestamp))
        return refuse('malformed');
      if (keyId !== serial) return refuse('unknown_key');
      if (!verifySandboxSignature(opts.publicKeyPem, timestamp, nonce, rawBody, signature)) {
        return refuse('bad_signature');
      }
      // Checked after the signature, so a forged timestamp is reported as forged, not as stale.
      if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > NOTIFY_WINDOW_SECONDS) return refuse('stale');
      let parsed;
      try {
        parsed = sandboxNotificationSchema.safeParse(JSON.parse(rawBody.toString('utf8')));
      } catch {
        return refuse('malformed');
      }
      if (!parsed.success) return refuse('malformed');
      const n = parsed.data;
      const paidAt = n.resource.success_time ? new Date(n.resource.success_time) : null;
      if (paidAt && Number.isNaN(paidAt.getTime())) return refuse('malformed');
      const state =
        n.event_type === SANDBOX_EVENTS.paid
          ? 'paid'
          : n.event_type === SANDBOX_EVENTS.closed
            ? 'closed'
            : 'pending';
      if (state === 'paid' && !paidAt) return refuse('malformed');
      return {
        ok: true,
        event: {
          notifyId: n.id,
          outTradeNo: n.resource.out_trade_no,
          providerTxnId: n.resource.transaction_id,
          state,
          amountFen: n.resource.amount.total,
          paidAt,
        },
      };
    },

    async queryPayment(outTradeNo): Promise<PaymentState> {
      let res: Response;
      try {
        res = await fetch(`${base}/sandbox/pay/orders/${encodeURIComponent(outTradeNo)}`, {
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch {
        throw unavailable();
      }
      if (res.status === 404) return { state: 'not_found' };
      const found = sandboxQueryResultSchema.safeParse(await res.json().catch(() => null));
      if (!res.ok || !found.success) throw unavailable();
      const p = found.data;
      if (p.status === 'paid' && p.paidAt) {
        return { state: 'paid', providerTxnId: p.txnId, amountFen: p.amountFen, paidAt: new Date(p.paidAt) };
      }
      return { state: p.status === 'closed' ? 'closed' : 'pending' };
    },
  };
}
