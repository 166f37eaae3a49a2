import { shanghaiDate, type PublicReceipt } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { presentGifts } from './list-gifts.ts';
import { gifts, receipts } from './schema.ts';

/**
 * Public check of a receipt by its number (the QR code on the PDF leads here). Unscoped by design:
 * it answers only what the public disclosure shows anyway — amount, date, society, designation and
 * the donor's public name (masked unless they consented, 爱心人士 if anonymous).
 */
export async function verifyReceipt(q: Queryable, number: string): Promise<PublicReceipt> {
  const [r] = await q.select().from(receipts).where(eq(receipts.number, number));
  if (!r) throw notFound();
  const [row] = await q.select().from(gifts).where(eq(gifts.id, r.giftId));
  const [g] = await presentGifts(q, [row!]);
  const [successor] = await q
    .select({ number: receipts.number })
    .from(receipts)
    .where(eq(receipts.replacesId, r.id));
  return {
    number: r.number,
    status: r.status as PublicReceipt['status'],
    issuedOn: shanghaiDate(r.issuedAt),
    amountFen: r.amountFen,
    orgName: g!.orgName,
    donorPublicName: g!.donorPublicName,
    designation: g!.appealName ?? g!.purpose,
    receivedOn: g!.receivedOn,
    replacedBy: r.status === 'voided' ? (successor?.number ?? null) : null,
  };
}
