import type { DonationOrderStatus } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { AppContext } from '../../platform/http/context.ts';
import {
  ANONYMOUS_NAME,
  appeals,
  certificatePdf,
  donors,
  gifts,
  publicDonorName,
  receipts,
} from '../donations/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import type { OrderRow } from './confirm-payment.ts';
import { hashViewToken } from './create-order.ts';
import type { PaymentProvider } from './provider.ts';
import { reconcileOrder } from './reconcile-orders.ts';
import { paymentOrders } from './schema.ts';

/** Ask the provider at most this often per poll: the donor's page polls every two seconds. */
const ASK_AFTER_MS = 3_000;

/**
 * The order a view token opens. A wrong token answers exactly like a missing order: NOT_FOUND,
 * no hint that the number exists.
 */
export async function orderByToken(q: Queryable, orderNo: string, token: string): Promise<OrderRow> {
  const [order] = await q
    .select()
    .from(paymentOrders)
    .where(and(eq(paymentOrders.outTradeNo, orderNo), eq(paymentOrders.viewTokenHash, hashViewToken(token))));
  if (!order) throw notFound();
  return order;
}

/**
 * Where the donor's order stands, for the page their browser polls after paying. While it waits for
 * confirmation the provider is asked directly (a lost notification does not keep the donor waiting
 * for the background job). Once paid: the receipt number and the name the public record shows.
 */
export async function donationOrderStatus(
  ctx: AppContext,
  provider: PaymentProvider | null,
  orderNo: string,
  token: string,
  now = new Date(),
): Promise<DonationOrderStatus> {
  let order = await orderByToken(ctx.db, orderNo, token);
  if (order.status === 'created' && provider && now.getTime() - order.createdAt.getTime() > ASK_AFTER_MS) {
    // A provider that cannot be reached now leaves the order waiting; the page simply polls again.
    await reconcileOrder(ctx, provider, order, now).catch(() => undefined);
    order = await orderByToken(ctx.db, orderNo, token);
  }
  const [appeal] = await ctx.db
    .select({ name: appeals.name })
    .from(appeals)
    .where(eq(appeals.id, order.appealId));
  const orgName = (await orgNamesById(ctx.db, [order.orgId])).get(order.orgId) ?? '';
  const [paid] = order.giftId
    ? await ctx.db
        .select({ donor: donors, receiptNo: receipts.number })
        .from(gifts)
        .innerJoin(donors, eq(donors.id, gifts.donorId))
        .leftJoin(receipts, eq(receipts.id, gifts.receiptId))
        .where(eq(gifts.id, order.giftId))
    : [];
  const publicName = paid
    ? publicDonorName(paid.donor)
    : order.donorName
      ? publicDonorName({ kind: 'person', name: order.donorName, nameConsent: order.nameConsent })
      : ANONYMOUS_NAME;
  return {
    orderNo: order.outTradeNo,
    status: order.status as DonationOrderStatus['status'],
    amountFen: order.amountFen,
    appealName: appeal?.name ?? '',
    orgName,
    publicName,
    receiptNo: paid?.receiptNo ?? null,
    paidAt: order.paidAt ? order.paidAt.toISOString() : null,
  };
}

/** The 捐赠证书 of a paid order, for the browser holding its view token. */
export async function orderCertificate(ctx: AppContext, orderNo: string, token: string) {
  const order = await orderByToken(ctx.db, orderNo, token);
  if (!order.giftId) throw conflict('PAYMENT_NOT_PAID');
  return certificatePdf(ctx.db, order.giftId, ctx.config.publicUrl);
}
