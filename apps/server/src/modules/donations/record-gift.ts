import { shanghaiDate, type CreateGiftInput } from '@boai/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { orgs } from '../orgs/index.ts';
import { appeals, donors, gifts } from './schema.ts';

export type GiftRow = typeof gifts.$inferSelect;

export interface RecordGiftInput extends CreateGiftInput {
  /** Bank transaction id, platform order number or payment order: the same one twice is one gift. */
  externalRef?: string | null;
  importId?: number | null;
  note?: string | null;
}

/**
 * Checks in one query that the society is in the actor's scope and active, and that the donor and
 * the appeal are that society's own (an appeal of another society cannot take this society's money).
 * Out-of-scope rows answer NOT_FOUND, like missing ones.
 */
export async function checkGiftTargets(
  q: Queryable,
  actor: Actor,
  input: { orgId: number; donorId: number; appealId?: number | null },
) {
  const [row] = await q
    .select({
      orgActive: orgs.active,
      orgInScope: sql<boolean>`${inScope(actor, 'donations:manage', orgs.id)}`,
      donorOrgId: donors.orgId,
      donorInScope: sql<boolean>`${inScope(actor, 'donations:manage', donors.orgId)}`,
      appealOrgId: appeals.orgId,
      appealOpen: appeals.open,
    })
    .from(orgs)
    .leftJoin(donors, eq(donors.id, input.donorId))
    .leftJoin(appeals, eq(appeals.id, input.appealId ?? 0))
    .where(eq(orgs.id, input.orgId));
  if (!row || !row.orgInScope) throw invalid('NOT_FOUND', 'orgId');
  if (!row.orgActive) throw invalid('ORG_INACTIVE', 'orgId');
  if (row.donorOrgId === null || !row.donorInScope) throw invalid('NOT_FOUND', 'donorId');
  if (row.donorOrgId !== input.orgId) throw invalid('GIFT_DONOR_OTHER_ORG', 'donorId');
  if (input.appealId) {
    if (row.appealOrgId !== input.orgId) throw invalid('GIFT_APPEAL_OTHER_ORG', 'appealId');
    if (!row.appealOpen) throw invalid('GIFT_APPEAL_CLOSED', 'appealId');
  }
}

/**
 * Records a confirmed gift of money. Its receipt is numbered by the receipt desk right after this
 * transaction commits (the caller settles it: see receipt-desk.ts). A gift carrying an external
 * reference that is already recorded is not recorded again: the existing one comes back, marked.
 */
export async function recordGift(
  tx: Tx,
  actor: Actor,
  input: RecordGiftInput,
  now = new Date(),
): Promise<{ gift: GiftRow; duplicate: boolean }> {
  if (input.receivedOn > shanghaiDate(now)) throw invalid('GIFT_DATE_IN_FUTURE', 'receivedOn');
  await checkGiftTargets(tx, actor, input);
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
      externalRef: input.externalRef ?? null,
      importId: input.importId ?? null,
      note: input.note ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!gift) {
    const [existing] = await tx
      .select()
      .from(gifts)
      .where(
        and(
          eq(gifts.orgId, input.orgId),
          eq(gifts.channel, input.channel),
          eq(gifts.externalRef, input.externalRef!),
        ),
      );
    return { gift: existing!, duplicate: true };
  }
  await recordAudit(tx, actor, {
    action: 'gifts.create',
    orgId: gift.orgId,
    entityType: 'gift',
    entityId: gift.id,
    after: input,
  });
  return { gift, duplicate: false };
}
