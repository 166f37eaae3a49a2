import { shanghaiDate, type CreateGiftInput, type Gift } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { issueReceipt } from './issue-receipt.ts';
import { presentGifts } from './list-gifts.ts';
import { appeals, donors, gifts } from './schema.ts';

/**
 * Records a gift of money received by a society and issues its receipt in the same transaction:
 * the gift and its receipt number exist together or not at all. The donor and the appeal must be
 * the society's own (an appeal of another society cannot take this society's money).
 */
export async function recordGift(
  tx: Tx,
  actor: Actor,
  input: CreateGiftInput,
  now = new Date(),
): Promise<Gift> {
  await requireWritableOrg(tx, actor, 'donations:manage', input.orgId);
  if (input.receivedOn > shanghaiDate(now)) throw invalid('GIFT_DATE_IN_FUTURE', 'receivedOn');
  try {
    await requireAccess(tx, actor, 'donations:manage', donors, donors.id, donors.orgId, [input.donorId]);
  } catch {
    throw invalid('NOT_FOUND', 'donorId');
  }
  const [donor] = await tx.select({ orgId: donors.orgId }).from(donors).where(eq(donors.id, input.donorId));
  if (donor!.orgId !== input.orgId) throw invalid('GIFT_DONOR_OTHER_ORG', 'donorId');
  if (input.appealId) {
    const [appeal] = await tx
      .select({ open: appeals.open })
      .from(appeals)
      .where(and(eq(appeals.id, input.appealId), eq(appeals.orgId, input.orgId)));
    if (!appeal) throw invalid('GIFT_APPEAL_OTHER_ORG', 'appealId');
    if (!appeal.open) throw invalid('GIFT_APPEAL_CLOSED', 'appealId');
  }
  const [gift] = await tx
    .insert(gifts)
    .values({
      orgId: input.orgId,
      donorId: input.donorId,
      channel: input.channel,
      amountFen: input.amountFen,
      receivedOn: input.receivedOn,
      appealId: input.appealId ?? null,
      purpose: input.purpose ?? null,
    })
    .returning();
  const receipt = await issueReceipt(tx, gift!, Number(shanghaiDate(now).slice(0, 4)));
  await recordAudit(tx, actor, {
    action: 'gifts.create',
    orgId: gift!.orgId,
    entityType: 'gift',
    entityId: gift!.id,
    after: { ...input, receiptNo: receipt.number },
  });
  return (await presentGifts(tx, [gift!]))[0]!;
}
