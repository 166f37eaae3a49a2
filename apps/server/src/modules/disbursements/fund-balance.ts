import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { appeals, gifts } from '../donations/index.ts';
import { disbursements } from './schema.ts';

/** A fund (资金池) of a society: an appeal's, one designated gift's, or (neither) its general funds. */
export interface FundKey {
  orgId: number;
  appealId?: number | null;
  giftId?: number | null;
}

export interface FundBalance {
  receivedFen: number;
  /** Pending and approved disbursements: a request reserves its amount as soon as it is made. */
  committedFen: number;
  balanceFen: number;
}

/** Disbursement statuses that hold money: a pending request already reserves its amount. */
export const COMMITTING = ['pending', 'approved'] as const;

/** Confirmed money gifts that fall into the fund. */
export function fundGifts(key: FundKey): SQL {
  const money = and(eq(gifts.form, 'money'), eq(gifts.status, 'confirmed'))!;
  if (key.appealId) return and(money, eq(gifts.orgId, key.orgId), eq(gifts.appealId, key.appealId))!;
  if (key.giftId)
    return and(money, eq(gifts.orgId, key.orgId), eq(gifts.id, key.giftId), isNull(gifts.appealId))!;
  return and(money, eq(gifts.orgId, key.orgId), isNull(gifts.appealId), isNull(gifts.purpose))!;
}

/** Disbursements drawn from the fund, whatever their status. */
export function fundDisbursements(key: FundKey): SQL {
  if (key.appealId) return and(eq(disbursements.orgId, key.orgId), eq(disbursements.appealId, key.appealId))!;
  if (key.giftId) return and(eq(disbursements.orgId, key.orgId), eq(disbursements.giftId, key.giftId))!;
  return and(
    eq(disbursements.orgId, key.orgId),
    isNull(disbursements.appealId),
    isNull(disbursements.giftId),
  )!;
}

/**
 * Serialises everything that can lower a fund's balance — a request, a gift's cancellation — for the
 * rest of the transaction: the appeal or gift row is locked FOR UPDATE, and the general funds, which
 * have no row of their own, take a transaction-scoped advisory lock on the society. Two requests that
 * each see enough money can therefore never both be inserted. Only meaningful inside a transaction.
 */
export async function lockFund(tx: Queryable, key: FundKey): Promise<void> {
  if (key.appealId) {
    await tx.select({ id: appeals.id }).from(appeals).where(eq(appeals.id, key.appealId)).for('update');
  } else if (key.giftId) {
    await tx.select({ id: gifts.id }).from(gifts).where(eq(gifts.id, key.giftId)).for('update');
  } else {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`disb-general:${key.orgId}`}, 0))`);
  }
}

/**
 * Balance of a fund = confirmed money received − disbursements pending or approved. With `lock` it
 * first takes the same lock as a disbursement request, so the answer holds until the transaction ends
 * (the donations module uses that to refuse cancelling a gift whose money is already committed).
 */
export async function fundBalance(
  q: Queryable,
  key: FundKey,
  opts: { lock?: boolean } = {},
): Promise<FundBalance> {
  if (opts.lock) await lockFund(q, key);
  const [received] = await q
    .select({ fen: sql<number>`coalesce(sum(${gifts.amountFen}), 0)::bigint` })
    .from(gifts)
    .where(fundGifts(key));
  const [committed] = await q
    .select({ fen: sql<number>`coalesce(sum(${disbursements.amountFen}), 0)::bigint` })
    .from(disbursements)
    .where(and(fundDisbursements(key), inArray(disbursements.status, [...COMMITTING])));
  const receivedFen = Number(received?.fen ?? 0);
  const committedFen = Number(committed?.fen ?? 0);
  return { receivedFen, committedFen, balanceFen: receivedFen - committedFen };
}
