import { and, eq, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict } from '../../platform/errors.ts';
import { recordPublicEvents } from '../../platform/ledger/index.ts';
import { gifts, receipts } from './schema.ts';
import type { GiftRow } from './record-gift.ts';

/**
 * Locks a gift the actor may void receipts of, for a change of its receipt or status. The row lock
 * makes a concurrent cancel and reissue of the same gift take turns (and the desk skip it meanwhile).
 */
export async function lockGiftForVoiding(tx: Tx, actor: Actor, giftId: number): Promise<GiftRow> {
  await requireAccess(tx, actor, 'donations:void', gifts, gifts.id, gifts.orgId, [giftId]);
  const [gift] = await tx.select().from(gifts).where(eq(gifts.id, giftId)).for('update');
  if (gift!.status !== 'confirmed') throw conflict('GIFT_CANCELLED');
  return gift!;
}

/**
 * 冲红: the live receipt is marked voided with its reason — never edited otherwise, never deleted —
 * and returned for the audit trail. The number stays used, so the series keeps no gap. The voiding
 * is a public event of the society's transparency log.
 */
export async function voidLiveReceipt(tx: Tx, actor: Actor, gift: GiftRow, reason: string) {
  if (!gift.receiptId) return null;
  const [voided] = await tx
    .update(receipts)
    .set({ status: 'voided', voidedAt: sql`now()`, voidReason: reason, voidedBy: actorName(actor) })
    .where(and(eq(receipts.id, gift.receiptId), eq(receipts.status, 'issued')))
    .returning({ id: receipts.id, number: receipts.number });
  if (voided)
    await recordPublicEvents(tx, [
      { orgId: gift.orgId, kind: 'receipt.voided', ref: `receipt:${voided.id}` },
    ]);
  return voided ?? null;
}
