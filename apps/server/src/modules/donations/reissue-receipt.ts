import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict } from '../../platform/errors.ts';
import { gifts } from './schema.ts';
import { lockGiftForVoiding, voidLiveReceipt } from './void-receipt.ts';

/**
 * A receipt printed wrong, lost or torn: it is voided (冲红) with the reason and the gift goes back
 * to the receipt desk, which issues a new number naming the voided one. The gift itself stands.
 */
export async function reissueReceipt(tx: Tx, actor: Actor, giftId: number, reason: string) {
  const gift = await lockGiftForVoiding(tx, actor, giftId);
  if (!gift.receiptId) throw conflict('RECEIPT_PENDING');
  const voided = await voidLiveReceipt(tx, actor, gift, reason);
  await tx.update(gifts).set({ receiptId: null }).where(eq(gifts.id, giftId));
  await recordAudit(tx, actor, {
    action: 'receipts.void_reissue',
    orgId: gift.orgId,
    entityType: 'gift',
    entityId: gift.id,
    before: { receiptNo: voided?.number },
    after: { reason },
  });
  return { id: gift.id };
}
