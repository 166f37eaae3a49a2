import { shanghaiDate, type CreateDonationOrderInput } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Tx } from '../../platform/db/client.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { appeals } from '../donations/index.ts';
import { orgs } from '../orgs/index.ts';
import type { OrderRow } from './confirm-payment.ts';
import { paymentOrders } from './schema.ts';

/** How long a donor has to pay before the order is closed (WeChat Pay and Alipay default to about this). */
export const ORDER_TTL_MS = 30 * 60_000;

export const hashViewToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** D + Shanghai date + 10 random digits: unique enough to retry on the rare clash, unguessable enough to list nothing. */
const newOrderNo = (now: Date) =>
  `D${shanghaiDate(now).replaceAll('-', '')}${String(randomInt(0, 1e10)).padStart(10, '0')}`;

/**
 * Opens a payment order for a gift to an appeal, as the public asked by scanning its code. The
 * appeal must be open and its society active. The donor's mobile is kept encrypted (with a lookup
 * hash), and the view token that lets this browser see the receipt is returned once — only its
 * SHA-256 is stored. Nothing is a gift yet: that happens when the provider confirms the payment.
 */
export async function createDonationOrder(
  tx: Tx,
  pii: PiiVault,
  provider: string,
  input: CreateDonationOrderInput,
  now = new Date(),
): Promise<{ order: OrderRow; viewToken: string }> {
  const [appeal] = await tx
    .select({ orgId: appeals.orgId, open: appeals.open, orgActive: orgs.active })
    .from(appeals)
    .innerJoin(orgs, eq(orgs.id, appeals.orgId))
    .where(eq(appeals.id, input.appealId));
  if (!appeal) throw invalid('NOT_FOUND', 'appealId');
  if (!appeal.open || !appeal.orgActive) throw conflict('GIFT_APPEAL_CLOSED', 'appealId');

  const viewToken = randomBytes(24).toString('base64url');
  const mobile = input.mobile ?? null;
  const values = {
    orgId: appeal.orgId,
    appealId: input.appealId,
    provider,
    amountFen: input.amountFen,
    donorName: input.anonymous ? null : input.name!,
    nameConsent: input.anonymous ? false : input.nameConsent,
    mobileEnc: mobile ? pii.encrypt(mobile) : null,
    mobileHash: mobile ? pii.lookupHash('mobile', mobile) : null,
    viewTokenHash: hashViewToken(viewToken),
    createdAt: now,
    expiresAt: new Date(now.getTime() + ORDER_TTL_MS),
  };
  for (;;) {
    const [order] = await tx
      .insert(paymentOrders)
      .values({ ...values, outTradeNo: newOrderNo(now) })
      .onConflictDoNothing()
      .returning();
    if (order) return { order, viewToken };
  }
}
