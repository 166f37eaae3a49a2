import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict } from '../../platform/errors.ts';
import { recordPublicEvents } from '../../platform/ledger/index.ts';
import { fundBalance } from '../disbursements/index.ts';
import { gifts } from './schema.ts';
import { lockGiftForVoiding, voidLiveReceipt } from './void-receipt.ts';

/**
 * A gift that should not stand (recorded twice, bounced, refunded): its receipt is voided (冲红) and
 * the gift cancelled, never deleted. Money already committed to disbursements cannot be taken back
 * this way: the fund is locked as disbursement requests lock it, and a cancel that would leave it
 * negative is refused. A gift already published in a daily disclosure gets a reversal line there.
 */
export async function cancelGift(tx: Tx, actor: Actor, giftId: number, reason: string) {
  const gift = await lockGiftForVoiding(tx, actor, giftId);
  if (gift.form === 'money') {
    const fund = await fundBalance(
      tx,
      { orgId: gift.orgId, appealId: gift.appealId, giftId: gift.purpose && !gift.appealId ? gift.id : null },
      { lock: true },
    );
    if (fund.balanceFen < gift.amountFen) throw conflict('GIFT_FUNDS_COMMITTED');
  }
  const voided = await voidLiveReceipt(tx, actor, gift, reason);
  await tx.update(gifts).set({ status: 'cancelled', cancelReason: reason }).where(eq(gifts.id, giftId));
  await recordPublicEvents(tx, [{ orgId: gift.orgId, kind: 'gift.cancelled', ref: `gift:${gift.id}` }]);
  await recordAudit(tx, actor, {
    action: 'gifts.cancel',
    orgId: gift.orgId,
    entityType: 'gift',
    entityId: gift.id,
    before: { status: 'confirmed', receiptNo: voided?.number ?? null },
    after: { status: 'cancelled', reason },
  });
  return { id: gift.id };
}
