import { shanghaiDate, type CreateGiftInput } from '@boai/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { queryRows, type Queryable, type Tx } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import { recordPublicEvents } from '../../platform/ledger/index.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { publicDonorName } from './repository.ts';
import { orgs } from '../orgs/index.ts';
import { donors, gifts } from './schema.ts';

export type GiftRow = typeof gifts.$inferSelect;

export interface RecordGiftInput extends CreateGiftInput {
  /** Bank transaction id, platform order number or payment order: the same one twice is one gift. */
  externalRef?: string | null;
  importId?: number | null;
  note?: string | null;
}

/** What the checks learn about a gift's society, donor and appeal — enough to present the gift. */
export interface GiftTargets {
  orgName: string;
  donorName: string;
  donorPublicName: string;
  appealName: string | null;
}

type Target = { orgId: number; donorId: number; appealId?: number | null; receivedOn: string };

/**
 * Checks gifts about to be recorded by one actor, in ONE query however many there are: the society
 * is in the actor's scope and active, the donor and the appeal are that society's own (an appeal of
 * another society cannot take this society's money), the date is not in the future. Out-of-scope rows
 * answer NOT_FOUND, like missing ones. Returns, per gift in order, its targets or why it is refused.
 */
export async function checkGiftTargetsMany(
  q: Queryable,
  actor: Actor,
  inputs: readonly Target[],
  now = new Date(),
): Promise<(GiftTargets | AppError)[]> {
  if (!inputs.length) return [];
  const targets = rowsOf(
    { i: 'int', org_id: 'int', donor_id: 'int', appeal_id: 'int' },
    inputs.map((t, i) => ({ i, org_id: t.orgId, donor_id: t.donorId, appeal_id: t.appealId ?? null })),
  );
  const rows = await queryRows<{
    i: number;
    org_active: boolean | null;
    org_in_scope: boolean | null;
    org_name: string | null;
    donor_org_id: number | null;
    donor_in_scope: boolean | null;
    donor_kind: string | null;
    donor_name: string | null;
    name_consent: boolean | null;
    appeal_org_id: number | null;
    appeal_open: boolean | null;
    appeal_name: string | null;
  }>(
    q,
    sql`select v.i, orgs.active as org_active, ${inScope(actor, 'donations:manage', orgs.id)} as org_in_scope,
          orgs.name as org_name, donors.org_id as donor_org_id,
          ${inScope(actor, 'donations:manage', donors.orgId)} as donor_in_scope,
          donors.kind as donor_kind, donors.name as donor_name, donors.name_consent,
          appeals.org_id as appeal_org_id, appeals.open as appeal_open, appeals.name as appeal_name
        from ${targets} as v
        left join orgs on orgs.id = v.org_id
        left join donors on donors.id = v.donor_id
        left join appeals on appeals.id = v.appeal_id
        order by v.i`,
  );
  const today = shanghaiDate(now);
  return rows.map((r, i) => {
    const input = inputs[i]!;
    if (input.receivedOn > today) return invalid('GIFT_DATE_IN_FUTURE', 'receivedOn');
    if (!r.org_in_scope) return invalid('NOT_FOUND', 'orgId');
    if (!r.org_active) return invalid('ORG_INACTIVE', 'orgId');
    if (r.donor_org_id === null || !r.donor_in_scope) return invalid('NOT_FOUND', 'donorId');
    if (r.donor_org_id !== input.orgId) return invalid('GIFT_DONOR_OTHER_ORG', 'donorId');
    if (input.appealId) {
      if (r.appeal_org_id !== input.orgId) return invalid('GIFT_APPEAL_OTHER_ORG', 'appealId');
      if (!r.appeal_open) return invalid('GIFT_APPEAL_CLOSED', 'appealId');
    }
    return {
      orgName: r.org_name!,
      donorName: r.donor_name!,
      donorPublicName: publicDonorName({
        kind: r.donor_kind!,
        name: r.donor_name!,
        nameConsent: r.name_consent!,
      }),
      appealName: r.appeal_name,
    };
  });
}

/** The single-gift form of `checkGiftTargetsMany`: throws the refusal. */
export async function checkGiftTargets(q: Queryable, actor: Actor, input: Target, now = new Date()) {
  const [result] = await checkGiftTargetsMany(q, actor, [input], now);
  if (result instanceof AppError) throw result;
  return result!;
}

/** A gift's columns; `donorPublicName` is how its donor is shown at the moment it is recorded. */
export const giftValues = (input: RecordGiftInput, donorPublicName: string) => ({
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
  donorPublicName,
});

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
  const targets = await checkGiftTargets(tx, actor, input, now);
  const [gift] = await tx
    .insert(gifts)
    .values(giftValues(input, targets.donorPublicName))
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
  await recordPublicEvents(tx, [{ orgId: gift.orgId, kind: 'gift.received', ref: `gift:${gift.id}` }]);
  return { gift, duplicate: false };
}
