import type { DonationOrderCreated } from '@boai/contracts';
import type { AppContext } from '../../platform/http/context.ts';
import { appeals } from '../donations/index.ts';
import { eq } from 'drizzle-orm';
import type { PaymentProvider } from './provider.ts';
import { notifyUrl, orderPageUrl } from './providers.ts';
import { paymentOrders } from './schema.ts';

/**
 * What the order's creating transaction hands over: its number, and the view token encrypted. The
 * idempotency store keeps this answer for replays, so the token is never at rest in clear there.
 */
export interface CreatedOrder {
  orderNo: string;
  viewTokenEnc: string;
}

/**
 * Asks the provider for the payment of an order that has committed. Outside the order's transaction
 * on purpose: a provider call over the network must not hold a database transaction open (on PGlite
 * the sandbox, which answers from this very database, would wait for it forever). A retry with the
 * same Idempotency-Key replays the order and asks again; providers answer the same payment for the
 * same order number.
 */
export async function openPayment(
  ctx: AppContext,
  provider: PaymentProvider,
  created: CreatedOrder,
): Promise<DonationOrderCreated> {
  const [row] = await ctx.db
    .select({ order: paymentOrders, appealName: appeals.name })
    .from(paymentOrders)
    .innerJoin(appeals, eq(appeals.id, paymentOrders.appealId))
    .where(eq(paymentOrders.outTradeNo, created.orderNo));
  const { order, appealName } = row!;
  const { payUrl } = await provider.createPayment({
    outTradeNo: order.outTradeNo,
    amountFen: order.amountFen,
    description: appealName,
    notifyUrl: notifyUrl(ctx.config, provider),
    returnUrl: orderPageUrl(ctx.config, order.outTradeNo),
    expiresAt: order.expiresAt,
  });
  return { orderNo: order.outTradeNo, payUrl, viewToken: ctx.pii.decrypt(created.viewTokenEnc) };
}
