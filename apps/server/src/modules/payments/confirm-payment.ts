import { shanghaiDate, type CreateDonorInput } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { systemActor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { appeals, receiptDeskFor, recordGift, registerDonor } from '../donations/index.ts';
import { paymentOrders } from './schema.ts';

/** Every gift a payment confirms is written by this named job, and audited under its name. */
export const paymentsActor = systemActor('payments');

export type OrderRow = typeof paymentOrders.$inferSelect;

/** A confirmed payment as the provider reported it (by notification or by our query). */
export interface PaidEvent {
  outTradeNo: string;
  providerTxnId: string;
  amountFen: number;
  paidAt: Date;
}

export type ConfirmOutcome =
  | { outcome: 'paid'; order: OrderRow; giftId: number }
  | { outcome: 'duplicate'; order: OrderRow; giftId: number }
  | { outcome: 'amount_mismatch'; order: OrderRow }
  | { outcome: 'unknown_order'; order: null }
  | { outcome: 'refused'; order: OrderRow; code: string };

/**
 * Turns a confirmed payment into exactly one gift, however many times and in whatever order the
 * confirmation arrives (resent notifications, our own query, several at once).
 *
 * Locked: the order row (FOR UPDATE) for the whole transaction. Whoever takes the lock first records
 * the gift and sets `gift_id`; everyone after sees it set and records nothing. The gift's external
 * reference (our order number, unique per society and channel) is a second guard should a gift ever
 * be recorded by another path.
 *
 * An order we had already closed as expired is still confirmed: the money was taken, so it is a gift.
 * If its appeal closed meanwhile, the gift keeps the donor's intent as its stated purpose instead.
 */
export async function confirmPaymentIn(tx: Tx, pii: PiiVault, event: PaidEvent): Promise<ConfirmOutcome> {
  const [order] = await tx
    .select()
    .from(paymentOrders)
    .where(eq(paymentOrders.outTradeNo, event.outTradeNo))
    .for('update');
  if (!order) return { outcome: 'unknown_order', order: null };
  if (order.giftId !== null) return { outcome: 'duplicate', order, giftId: order.giftId };
  if (order.amountFen !== event.amountFen) return { outcome: 'amount_mismatch', order };

  const [appeal] = await tx
    .select({ name: appeals.name, open: appeals.open })
    .from(appeals)
    .where(eq(appeals.id, order.appealId));
  const mobile = order.mobileEnc ? pii.decrypt(order.mobileEnc) : null;
  const donorInput: CreateDonorInput = order.donorName
    ? { kind: 'person', orgId: order.orgId, name: order.donorName, nameConsent: order.nameConsent, mobile }
    : { kind: 'anonymous', orgId: order.orgId, mobile };
  try {
    // A savepoint, so a refused gift leaves no donor registered for it either.
    const gift = await tx.transaction(async (sp) => {
      const { donor } = await registerDonor(sp, pii, paymentsActor, donorInput);
      const recorded = await recordGift(sp, paymentsActor, {
        orgId: order.orgId,
        donorId: donor.id,
        channel: 'scan',
        amountFen: order.amountFen,
        // Never after today by our clock, should the provider's run a little ahead of it.
        receivedOn: shanghaiDate(new Date(Math.min(event.paidAt.getTime(), Date.now()))),
        appealId: appeal!.open ? order.appealId : null,
        purpose: appeal!.open ? null : appeal!.name,
        externalRef: order.outTradeNo,
        note: `扫码捐赠 ${order.provider} ${event.providerTxnId}`,
      });
      return recorded.gift;
    });
    const [paid] = await tx
      .update(paymentOrders)
      .set({ status: 'paid', giftId: gift.id, providerTxnId: event.providerTxnId, paidAt: event.paidAt })
      .where(eq(paymentOrders.id, order.id))
      .returning();
    await recordAudit(tx, paymentsActor, {
      action: 'payments.paid',
      orgId: order.orgId,
      entityType: 'payment_order',
      entityId: order.id,
      before: { status: order.status },
      after: {
        outTradeNo: order.outTradeNo,
        provider: order.provider,
        providerTxnId: event.providerTxnId,
        amountFen: order.amountFen,
        giftId: gift.id,
      },
    });
    return { outcome: 'paid', order: paid!, giftId: gift.id };
  } catch (e) {
    // The society was deactivated, say: the money stays unrecorded, the order open, and the
    // refusal on file (payment_notifications) for the office to resolve; the provider resends.
    if (e instanceof AppError) return { outcome: 'refused', order, code: e.code };
    throw e;
  }
}

/** `confirmPaymentIn` in its own transaction, then the receipt numbered before answering. */
export async function confirmPayment(db: Db, pii: PiiVault, event: PaidEvent): Promise<ConfirmOutcome> {
  const result = await db.transaction((tx) => confirmPaymentIn(tx, pii, event));
  if (result.outcome === 'paid') await receiptDeskFor(db).settle([result.giftId]);
  return result;
}
