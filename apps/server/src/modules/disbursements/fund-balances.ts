import type { FundBalanceRow } from '@boai/contracts';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireOrgAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { appeals, donors, gifts, publicDonorName, receipts } from '../donations/index.ts';
import { COMMITTING } from './fund-balance.ts';
import { disbursements } from './schema.ts';

const fundKey = (appealId: number | null, giftId: number | null) =>
  appealId ? `a${appealId}` : giftId ? `g${giftId}` : 'general';

/**
 * 资金余额 of one society: its general funds, each of its appeals, and each designated gift that still
 * has money left or reserved — received, reserved (pending), spent (approved) and balance. Three
 * grouped queries whatever the number of funds.
 */
export async function fundBalances(q: Queryable, actor: Actor, orgId: number): Promise<FundBalanceRow[]> {
  await requireOrgAccess(q, actor, 'donations:read', [orgId]);
  const money = and(eq(gifts.orgId, orgId), eq(gifts.form, 'money'), eq(gifts.status, 'confirmed'));

  const committed = new Map<string, { reservedFen: number; spentFen: number }>();
  for (const r of await q
    .select({
      appealId: disbursements.appealId,
      giftId: disbursements.giftId,
      reservedFen: sql<number>`coalesce(sum(${disbursements.amountFen}) filter (where ${disbursements.status} = 'pending'), 0)::bigint`,
      spentFen: sql<number>`coalesce(sum(${disbursements.amountFen}) filter (where ${disbursements.status} = 'approved'), 0)::bigint`,
    })
    .from(disbursements)
    .where(and(eq(disbursements.orgId, orgId), inArray(disbursements.status, [...COMMITTING])))
    .groupBy(disbursements.appealId, disbursements.giftId)) {
    committed.set(fundKey(r.appealId, r.giftId), {
      reservedFen: Number(r.reservedFen),
      spentFen: Number(r.spentFen),
    });
  }

  const [general] = await q
    .select({ fen: sql<number>`coalesce(sum(${gifts.amountFen}), 0)::bigint` })
    .from(gifts)
    .where(and(money, isNull(gifts.appealId), isNull(gifts.purpose)));
  const appealRows = await q
    .select({
      id: appeals.id,
      name: appeals.name,
      fen: sql<number>`coalesce(sum(${gifts.amountFen}), 0)::bigint`,
    })
    .from(appeals)
    .leftJoin(gifts, and(eq(gifts.appealId, appeals.id), money))
    .where(eq(appeals.orgId, orgId))
    .groupBy(appeals.id, appeals.name)
    .orderBy(asc(appeals.id));
  const designated = await q
    .select({
      id: gifts.id,
      purpose: gifts.purpose,
      amountFen: gifts.amountFen,
      receiptNo: receipts.number,
      kind: donors.kind,
      name: donors.name,
      nameConsent: donors.nameConsent,
    })
    .from(gifts)
    .innerJoin(donors, eq(donors.id, gifts.donorId))
    .leftJoin(receipts, eq(receipts.id, gifts.receiptId))
    .where(and(money, isNull(gifts.appealId), isNotNull(gifts.purpose)))
    .orderBy(asc(gifts.id));

  const row = (
    base: Pick<
      FundBalanceRow,
      'source' | 'appealId' | 'giftId' | 'name' | 'giftReceiptNo' | 'donorPublicName'
    >,
    receivedFen: number,
  ): FundBalanceRow => {
    const c = committed.get(fundKey(base.appealId, base.giftId)) ?? { reservedFen: 0, spentFen: 0 };
    return { ...base, orgId, receivedFen, ...c, balanceFen: receivedFen - c.reservedFen - c.spentFen };
  };
  return [
    row(
      {
        source: 'general',
        appealId: null,
        giftId: null,
        name: '非定向资金',
        giftReceiptNo: null,
        donorPublicName: null,
      },
      Number(general?.fen ?? 0),
    ),
    ...appealRows.map((a) =>
      row(
        {
          source: 'appeal',
          appealId: a.id,
          giftId: null,
          name: a.name,
          giftReceiptNo: null,
          donorPublicName: null,
        },
        Number(a.fen),
      ),
    ),
    ...designated
      .map((g) =>
        row(
          {
            source: 'gift',
            appealId: null,
            giftId: g.id,
            name: g.purpose!,
            giftReceiptNo: g.receiptNo,
            donorPublicName: publicDonorName(g),
          },
          g.amountFen,
        ),
      )
      // A designated gift spent to the last fen is done: it leaves the list (its history stays in the list of disbursements).
      .filter((f) => f.balanceFen > 0 || f.reservedFen > 0),
  ];
}
