import type { MyGiftFundUse } from '@boai/contracts';
import { and, desc, eq, gte, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { orgs } from '../orgs/index.ts';
import { disbursements } from './schema.ts';

/**
 * Where a fund's money went, as the public may see it: approved disbursements only, with the receiving
 * society's name or the named recipient — never who requested or approved them. With `appealId` the
 * appeal's fund; with `giftId` that designated gift's; with only `orgId` the society's general funds.
 * `since` (a day) keeps the disbursements paid on or after it — what a gift received that day can have paid for.
 */
export async function useOfFunds(
  q: Queryable,
  fund: { appealId?: number; giftId?: number; orgId?: number },
  opts: { limit?: number; since?: string } = {},
): Promise<MyGiftFundUse[]> {
  const source: SQL | undefined = fund.appealId
    ? eq(disbursements.appealId, fund.appealId)
    : fund.giftId
      ? eq(disbursements.giftId, fund.giftId)
      : fund.orgId
        ? and(
            eq(disbursements.orgId, fund.orgId),
            isNull(disbursements.appealId),
            isNull(disbursements.giftId),
          )
        : undefined;
  // No fund named is a caller's mistake, not "every disbursement everywhere".
  if (!source) return [];
  const rows = await q
    .select({
      id: disbursements.id,
      paidOn: disbursements.paidOn,
      amountFen: disbursements.amountFen,
      purpose: disbursements.purpose,
      recipient: sql<string | null>`coalesce(${orgs.name}, ${disbursements.recipientName})`,
      aidBatchRef: disbursements.aidBatchRef,
    })
    .from(disbursements)
    .leftJoin(orgs, eq(orgs.id, disbursements.recipientOrgId))
    .where(
      and(source, eq(disbursements.status, 'approved'), opts.since ? gte(disbursements.paidOn, opts.since) : undefined),
    )
    .orderBy(desc(disbursements.paidOn), desc(disbursements.id))
    .limit(opts.limit ?? 1000);
  return rows;
}
