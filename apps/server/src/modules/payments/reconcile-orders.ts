import { and, asc, eq, lt } from 'drizzle-orm';
import type { AppContext } from '../../platform/http/context.ts';
import { every } from '../../platform/jobs.ts';
import { confirmPayment, type OrderRow } from './confirm-payment.ts';
import type { PaymentProvider } from './provider.ts';
import { paymentOrders } from './schema.ts';

/** A notification normally arrives within seconds; after this we stop waiting and ask. */
export const QUERY_AFTER_MS = 10_000;
const BATCH = 50;

/**
 * Asks the provider about one unconfirmed order and acts on the answer: paid → the gift, through
 * the same confirmation as a notification; not paid and past its expiry → closed. A closed order
 * that is paid after all is still confirmed when its notification comes (see confirm-payment.ts).
 */
export async function reconcileOrder(
  ctx: AppContext,
  provider: PaymentProvider,
  order: OrderRow,
  now = new Date(),
): Promise<void> {
  const state = await provider.queryPayment(order.outTradeNo);
  if (state.state === 'paid') {
    await confirmPayment(ctx.db, ctx.pii, {
      outTradeNo: order.outTradeNo,
      providerTxnId: state.providerTxnId,
      amountFen: state.amountFen,
      paidAt: state.paidAt,
    });
  } else if (order.expiresAt <= now) {
    await ctx.db
      .update(paymentOrders)
      .set({ status: 'closed' })
      .where(and(eq(paymentOrders.id, order.id), eq(paymentOrders.status, 'created')));
  }
}

/**
 * The background job behind missing notifications: every order still waiting for confirmation after
 * `QUERY_AFTER_MS` is looked up at the provider. Returns how many orders it asked about.
 */
export async function reconcileOpenOrders(
  ctx: AppContext,
  provider: PaymentProvider,
  now = new Date(),
): Promise<number> {
  const waiting = await ctx.db
    .select()
    .from(paymentOrders)
    .where(
      and(
        eq(paymentOrders.status, 'created'),
        eq(paymentOrders.provider, provider.name),
        lt(paymentOrders.createdAt, new Date(now.getTime() - QUERY_AFTER_MS)),
      ),
    )
    .orderBy(asc(paymentOrders.createdAt))
    .limit(BATCH);
  for (const order of waiting) await reconcileOrder(ctx, provider, order, now);
  return waiting.length;
}

/** Runs the job every `intervalMs` in the server; returns how to stop it. */
export function startReconciler(
  ctx: AppContext,
  provider: PaymentProvider,
  intervalMs: number,
  onError: (err: unknown) => void,
): () => void {
  return every(intervalMs, () => reconcileOpenOrders(ctx, provider), onError);
}
