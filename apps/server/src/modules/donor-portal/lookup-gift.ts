import type { MyGiftsLookupInput, MyGiftsLookupResult } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { donors, gifts, receipts, verifyReceipt } from '../donations/index.ts';
import { issueDocumentToken } from './document-token.ts';
import { presentMyGifts } from './present-my-gifts.ts';
import { clearAttempts, countAttempt, lock, type ThrottleRule } from './throttle.ts';

/** Five tries per receipt number, then a quarter of an hour's pause (the brief's rule). */
export const RECEIPT_RULE: ThrottleRule = { limit: 5, windowMinutes: 15, lockMinutes: 15 };
/** Enough for a family checking its receipts, too few to walk through receipt numbers. */
export const LOOKUP_IP_RULE: ThrottleRule = { limit: 20, windowMinutes: 15, lockMinutes: 15 };

const tooMany = (minutes: number) => new AppError('MY_GIFTS_TOO_MANY_TRIES', 429, [], { minutes });
// One answer for a missing receipt, a wrong phone and a donor who left no phone: a guesser learns nothing.
const noMatch = () => new AppError('MY_GIFTS_NO_MATCH', 404);

/**
 * 票据号查询: finds a gift by its receipt number (live or voided) and the last four digits of the
 * donor's mobile. Attempts are counted before the answer is checked, per receipt number and per
 * address, and the counts are committed whatever the answer (no transaction around them).
 */
export async function lookupGift(
  db: Db,
  pii: PiiVault,
  input: MyGiftsLookupInput,
  ip: string,
): Promise<MyGiftsLookupResult> {
  const ipKey = `my-gifts:ip:${ip}`;
  const receiptKey = `my-gifts:receipt:${input.receiptNo}`;
  const byIp = await countAttempt(db, ipKey, LOOKUP_IP_RULE);
  if (!byIp.allowed) throw tooMany(byIp.minutesLeft);
  const byReceipt = await countAttempt(db, receiptKey, RECEIPT_RULE);
  if (!byReceipt.allowed) throw tooMany(byReceipt.minutesLeft);

  const [row] = await db
    .select({ gift: gifts, mobileEnc: donors.mobileEnc })
    .from(receipts)
    .innerJoin(gifts, eq(gifts.id, receipts.giftId))
    .innerJoin(donors, eq(donors.id, gifts.donorId))
    .where(eq(receipts.number, input.receiptNo));
  const matches = !!row?.mobileEnc && pii.decrypt(row.mobileEnc).slice(-4) === input.phoneLast4;
  if (!row || !matches) {
    if (byReceipt.n >= RECEIPT_RULE.limit) await lock(db, receiptKey, RECEIPT_RULE);
    if (byIp.n >= LOOKUP_IP_RULE.limit) await lock(db, ipKey, LOOKUP_IP_RULE);
    throw noMatch();
  }
  await clearAttempts(db, receiptKey);
  const { token, expiresAt } = issueDocumentToken(pii, row.gift.id);
  return {
    receipt: await verifyReceipt(db, input.receiptNo),
    gift: (await presentMyGifts(db, [row.gift]))[0]!,
    documentToken: token,
    documentTokenExpiresAt: expiresAt.toISOString(),
  };
}
