import { formatFen, type CreateDisbursementInput, type Disbursement } from '@boai/contracts';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { appeals, gifts } from '../donations/index.ts';
import { orgs, requireWritableOrg } from '../orgs/index.ts';
import { fundBalance, lockFund, type FundKey } from './fund-balance.ts';
import { auditDisbursement, presentDisbursement } from './repository.ts';
import { disbursements } from './schema.ts';

/**
 * 申请拨付: reserves the amount from its fund at once. The fund is locked before anything about it is
 * read, so the balance checked is the balance the insert lands on — concurrent requests queue, and
 * the fund can never go below zero.
 */
export async function requestDisbursement(
  tx: Tx,
  actor: Actor,
  input: CreateDisbursementInput,
  now = new Date(),
): Promise<Disbursement> {
  const org = await requireWritableOrg(tx, actor, 'disbursements:request', input.orgId);
  const key: FundKey = { orgId: org.id, appealId: input.appealId ?? null, giftId: input.giftId ?? null };
  await lockFund(tx, key);

  if (key.appealId) {
    const [appeal] = await tx
      .select({ orgId: appeals.orgId })
      .from(appeals)
      .where(and(eq(appeals.id, key.appealId), inScope(actor, 'disbursements:request', appeals.orgId)));
    if (!appeal) throw invalid('NOT_FOUND', 'appealId');
    if (appeal.orgId !== org.id) throw invalid('DISBURSEMENT_SOURCE_OTHER_ORG', 'appealId');
  }
  if (key.giftId) {
    const [gift] = await tx
      .select()
      .from(gifts)
      .where(and(eq(gifts.id, key.giftId), inScope(actor, 'disbursements:request', gifts.orgId)));
    if (!gift) throw invalid('NOT_FOUND', 'giftId');
    if (gift.orgId !== org.id) throw invalid('DISBURSEMENT_SOURCE_OTHER_ORG', 'giftId');
    if (gift.form !== 'money' || gift.status !== 'confirmed' || !gift.purpose || gift.appealId)
      throw invalid('DISBURSEMENT_GIFT_NOT_DESIGNATED', 'giftId');
    // The donor's intent binds the use: the purpose is the gift's own, word for word.
    if (input.purpose !== gift.purpose)
      throw invalid('DISBURSEMENT_PURPOSE_MISMATCH', 'purpose', { purpose: gift.purpose });
    const named = await namedRecipient(tx, org.id, gift.purpose);
    if (named && !(input.recipientOrgId && (await isWithin(tx, input.recipientOrgId, named.id))))
      throw invalid('DISBURSEMENT_RECIPIENT_MISMATCH', 'recipientOrgId', { recipient: named.name });
  }
  if (input.recipientOrgId) {
    const [recipient] = await tx
      .select({ active: orgs.active })
      .from(orgs)
      .where(
        and(
          eq(orgs.id, input.recipientOrgId),
          sql`(${inScope(actor, 'disbursements:request', orgs.id)} or ${inOrgSubtree(orgs.id, org.id)})`,
        ),
      );
    if (!recipient) throw invalid('NOT_FOUND', 'recipientOrgId');
    if (!recipient.active) throw invalid('ORG_INACTIVE', 'recipientOrgId');
  }

  const { balanceFen } = await fundBalance(tx, key);
  if (input.amountFen > balanceFen)
    throw invalid('DISBURSEMENT_INSUFFICIENT_FUNDS', 'amountFen', { balance: formatFen(balanceFen) });

  const [row] = await tx
    .insert(disbursements)
    .values({
      orgId: org.id,
      appealId: key.appealId,
      giftId: key.giftId,
      amountFen: input.amountFen,
      purpose: input.purpose,
      recipientOrgId: input.recipientOrgId ?? null,
      recipientName: input.recipientName ?? null,
      aidBatchRef: input.aidBatchRef ?? null,
      requestedBy: actorName(actor),
      requestedAt: now,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'disbursements.request',
    orgId: row!.orgId,
    entityType: 'disbursement',
    entityId: row!.id,
    after: auditDisbursement(row!),
  });
  return presentDisbursement(tx, row!);
}

/**
 * The society a designated gift's purpose names, if any: a society below the receiving one whose name
 * (without 红十字会) appears in the purpose, e.g. “崇安寺街道困难家庭春节慰问” names 崇安寺街道红十字会.
 * The longest name wins, so a community named inside a street's name is told apart from the street.
 */
async function namedRecipient(tx: Tx, orgId: number, purpose: string) {
  const shortName = sql`regexp_replace(${orgs.name}, '红十字会$', '')`;
  const [named] = await tx
    .select({ id: orgs.id, name: orgs.name })
    .from(orgs)
    .where(
      and(
        inOrgSubtree(orgs.id, orgId),
        ne(orgs.id, orgId),
        sql`length(${shortName}) >= 2 and strpos(${purpose}, ${shortName}) > 0`,
      ),
    )
    .orderBy(desc(sql`length(${shortName})`))
    .limit(1);
  return named;
}

/** Whether society `id` is `ancestorId` or below it. */
async function isWithin(tx: Tx, id: number, ancestorId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(eq(orgs.id, id), inOrgSubtree(orgs.id, ancestorId)));
  return !!row;
}
