import { shanghaiDate, type MyGift, type MyGiftFundUse, type MyGiftJourney } from '@boai/contracts';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { donors, gifts, presentGifts, receipts, type GiftRow } from '../donations/index.ts';
import { useOfFunds } from '../disbursements/index.ts';
import { publishedDays } from '../disclosure/index.ts';

/** How many of a fund's disbursements a journey lists; the total adds all useOfFunds returns (its latest 1,000). */
const USES_SHOWN = 20;

type Fund = MyGiftJourney['use']['source'];

/** Whose money the gift joined, as the disbursements module keys its funds. */
function fundOf(g: GiftRow): {
  source: Fund;
  key: string;
  filter: { appealId?: number; giftId?: number; orgId?: number };
} {
  if (g.appealId) return { source: 'appeal', key: `a${g.appealId}`, filter: { appealId: g.appealId } };
  if (g.purpose) return { source: 'gift', key: `g${g.id}`, filter: { giftId: g.id } };
  return { source: 'general', key: `o${g.orgId}`, filter: { orgId: g.orgId } };
}

/**
 * Gifts as their donor sees them, each with its journey: received → receipted → published in the
 * daily disclosure → what its fund was spent on. Only what the public record shows of the money's
 * use; the donor's own identity is theirs already, so the public name is shown as a reminder of how
 * others see them.
 */
export async function presentMyGifts(q: Queryable, rows: GiftRow[]): Promise<MyGift[]> {
  if (!rows.length) return [];
  const presented = await presentGifts(q, rows);
  const receiptIds = rows.flatMap((g) => (g.receiptId ? [g.receiptId] : []));
  const issued = new Map(
    receiptIds.length
      ? (
          await q
            .select({ id: receipts.id, number: receipts.number, issuedAt: receipts.issuedAt })
            .from(receipts)
            .where(inArray(receipts.id, receiptIds))
        ).map((r) => [r.id, r])
      : [],
  );
  const published = await publishedDays(
    q,
    rows.map((g) => g.id),
  );
  const uses = new Map<string, { items: MyGiftFundUse[]; totalFen: number }>();
  for (const g of rows) {
    const fund = fundOf(g);
    if (g.status !== 'confirmed' || uses.has(fund.key)) continue;
    const all = await useOfFunds(q, fund.filter);
    uses.set(fund.key, {
      items: all.slice(0, USES_SHOWN),
      totalFen: all.reduce((sum, u) => sum + u.amountFen, 0),
    });
  }
  return rows.map((g, i) => {
    const p = presented[i]!;
    const receipt = g.receiptId ? issued.get(g.receiptId) : undefined;
    const fund = fundOf(g);
    const used = uses.get(fund.key);
    return {
      id: g.id,
      orgName: p.orgName,
      amountFen: g.amountFen,
      form: p.form,
      channel: p.channel,
      receivedOn: g.receivedOn,
      appealName: p.appealName,
      purpose: p.purpose,
      status: p.status,
      receiptNo: p.receiptNo,
      publicName: p.donorPublicName,
      journey: {
        receivedOn: g.receivedOn,
        receipt: receipt ? { number: receipt.number, issuedOn: shanghaiDate(receipt.issuedAt) } : null,
        published: published.get(g.id) ?? null,
        use: {
          source: fund.source,
          designation: p.appealName ?? p.purpose,
          // A cancelled gift's money is not spent: its journey stops where it was cancelled.
          items: g.status === 'confirmed' ? (used?.items ?? []) : [],
          totalFen: g.status === 'confirmed' ? (used?.totalFen ?? 0) : 0,
        },
      },
    };
  });
}

/**
 * Every gift given from a mobile, at every society, newest first. UNSCOPED: the caller must have
 * proved the phone is the donor's (an SMS code), since this crosses all societies by design.
 */
export async function unsafeGiftsOfMobile(q: Queryable, mobileHash: string, limit = 200): Promise<GiftRow[]> {
  const rows = await q
    .select({ g: gifts })
    .from(gifts)
    .innerJoin(donors, eq(donors.id, gifts.donorId))
    .where(eq(donors.mobileHash, mobileHash))
    .orderBy(desc(gifts.receivedOn), desc(gifts.id))
    .limit(limit);
  return rows.map((r) => r.g);
}
