import type { Gift, GiftChannel, GiftForm, GiftStatus, GiftStockStatus } from '@boai/contracts';
import { and, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { orgs } from '../orgs/index.ts';
import { publicDonorName } from './repository.ts';
import { appeals, donors, gifts, receipts } from './schema.ts';

type GiftRow = typeof gifts.$inferSelect;

/**
 * Gifts as staff see them — donor, appeal, society and live receipt joined in ONE query, because
 * every recorded gift is answered with it.
 */
async function selectGifts(q: Queryable, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const query = q
    .select({
      g: gifts,
      donorKind: donors.kind,
      donorName: donors.name,
      nameConsent: donors.nameConsent,
      appealName: appeals.name,
      receiptNo: receipts.number,
      orgName: orgs.name,
    })
    .from(gifts)
    .innerJoin(donors, eq(donors.id, gifts.donorId))
    .innerJoin(orgs, eq(orgs.id, gifts.orgId))
    .leftJoin(appeals, eq(appeals.id, gifts.appealId))
    .leftJoin(receipts, eq(receipts.id, gifts.receiptId))
    .where(where)
    .orderBy(desc(gifts.id));
  const rows = await (page ? query.limit(page.limit).offset(page.offset) : query);
  return rows.map((r) =>
    toGift(r.g, {
      orgName: r.orgName,
      donorName: r.donorName,
      donorPublicName: publicDonorName({ kind: r.donorKind, name: r.donorName, nameConsent: r.nameConsent }),
      appealName: r.appealName,
      receiptNo: r.receiptNo ?? '',
    }),
  );
}

/** The names a gift is shown with, read beside it (a join, or the checks made before recording it). */
export interface GiftNames {
  orgName: string;
  donorName: string;
  donorPublicName: string;
  appealName: string | null;
  /** '' while the receipt desk has yet to number it. */
  receiptNo: string;
}

/** A gift row as staff see it: the one mapping of the gift contract. */
export const toGift = (g: GiftRow, n: GiftNames): Gift => ({
  id: g.id,
  orgId: g.orgId,
  orgName: n.orgName,
  donorId: g.donorId,
  donorName: n.donorName,
  donorPublicName: n.donorPublicName,
  channel: g.channel as GiftChannel,
  amountFen: g.amountFen,
  receivedOn: g.receivedOn,
  appealId: g.appealId,
  appealName: n.appealName,
  purpose: g.purpose,
  form: g.form as GiftForm,
  stockStatus: g.stockStatus as GiftStockStatus | null,
  status: g.status as GiftStatus,
  receiptNo: n.receiptNo,
  createdAt: g.createdAt.toISOString(),
});

/** Presents gift rows already read, in their order. */
export async function presentGifts(q: Queryable, rows: GiftRow[]): Promise<Gift[]> {
  if (!rows.length) return [];
  const byId = new Map(
    (
      await selectGifts(
        q,
        inArray(
          gifts.id,
          rows.map((g) => g.id),
        ),
      )
    ).map((g) => [g.id, g]),
  );
  return rows.map((g) => byId.get(g.id)!);
}

/** One gift as staff see it; out-of-scope and missing gifts are both NOT_FOUND. */
export async function getGift(q: Queryable, actor: Actor, id: number): Promise<Gift> {
  const [gift] = await selectGifts(q, and(eq(gifts.id, id), inScope(actor, 'donations:read', gifts.orgId)));
  if (!gift) throw notFound();
  return gift;
}

export interface ListGiftsFilter {
  page: number;
  pageSize: number;
  orgId?: number;
  appealId?: number;
  donorId?: number;
  channel?: GiftChannel;
  form?: GiftForm;
  stockStatus?: GiftStockStatus;
  from?: string;
  to?: string;
  receiptNo?: string;
}

/** The filter of the gift list and its export, always inside the actor's scope. */
function giftsWhere(actor: Actor, f: Omit<ListGiftsFilter, 'page' | 'pageSize'>): SQL | undefined {
  const where: SQL[] = [inScope(actor, 'donations:read', gifts.orgId)];
  if (f.orgId !== undefined) where.push(inOrgSubtree(gifts.orgId, f.orgId));
  if (f.appealId !== undefined) where.push(eq(gifts.appealId, f.appealId));
  if (f.donorId !== undefined) where.push(eq(gifts.donorId, f.donorId));
  if (f.channel) where.push(eq(gifts.channel, f.channel));
  if (f.form) where.push(eq(gifts.form, f.form));
  if (f.stockStatus) where.push(eq(gifts.stockStatus, f.stockStatus));
  if (f.from) where.push(gte(gifts.receivedOn, f.from));
  if (f.to) where.push(lte(gifts.receivedOn, f.to));
  if (f.receiptNo) {
    // Any receipt the gift ever had: a voided number still finds the gift it was for.
    where.push(
      sql`${gifts.id} in (select ${receipts.giftId} from ${receipts} where ${receipts.number} = ${f.receiptNo})`,
    );
  }
  return and(...where);
}

/** Gifts in scope with the filtered total in fen (computed in the database, never by adding floats). */
export async function listGifts(q: Queryable, actor: Actor, f: ListGiftsFilter) {
  const cond = giftsWhere(actor, f);
  const [agg] = await q
    .select({
      n: sql<number>`count(*)::int`,
      // Cancelled gifts are listed (with their status) but never counted as money received.
      fen: sql<number>`coalesce(sum(${gifts.amountFen}) filter (where ${gifts.status} = 'confirmed'), 0)::bigint`,
    })
    .from(gifts)
    .where(cond);
  return {
    items: await selectGifts(q, cond, { limit: f.pageSize, offset: (f.page - 1) * f.pageSize }),
    total: agg?.n ?? 0,
    totalFen: Number(agg?.fen ?? 0),
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** Every gift of the filter, newest first, read a thousand at a time (for exports). */
export async function* iterateGifts(
  q: Queryable,
  actor: Actor,
  f: Omit<ListGiftsFilter, 'page' | 'pageSize'>,
) {
  const cond = giftsWhere(actor, f);
  let before: number | null = null;
  for (;;) {
    const page = before === null ? cond : and(cond, lt(gifts.id, before));
    const chunk = await selectGifts(q, page, { limit: 1000, offset: 0 });
    yield* chunk;
    if (chunk.length < 1000) return;
    before = chunk[chunk.length - 1]!.id;
  }
}
