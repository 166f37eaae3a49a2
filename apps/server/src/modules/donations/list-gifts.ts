import type { Gift, GiftChannel, GiftForm, GiftStatus } from '@boai/contracts';
import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { orgNamesById } from '../orgs/index.ts';
import { publicDonorName } from './repository.ts';
import { appeals, donors, gifts, receipts } from './schema.ts';

type GiftRow = typeof gifts.$inferSelect;

/** Gifts with their donor, appeal and current (issued) receipt, in three set queries for the page. */
export async function presentGifts(q: Queryable, rows: GiftRow[]): Promise<Gift[]> {
  if (!rows.length) return [];
  const donorRows = await q
    .select({ id: donors.id, kind: donors.kind, name: donors.name, nameConsent: donors.nameConsent })
    .from(donors)
    .where(inArray(donors.id, [...new Set(rows.map((g) => g.donorId))]));
  const donorById = new Map(donorRows.map((d) => [d.id, d]));
  const appealIds = [...new Set(rows.flatMap((g) => (g.appealId ? [g.appealId] : [])))];
  const appealNames = new Map(
    appealIds.length
      ? (
          await q
            .select({ id: appeals.id, name: appeals.name })
            .from(appeals)
            .where(inArray(appeals.id, appealIds))
        ).map((a) => [a.id, a.name])
      : [],
  );
  const receiptIds = rows.flatMap((g) => (g.receiptId ? [g.receiptId] : []));
  const receiptNumbers = new Map(
    receiptIds.length
      ? (
          await q
            .select({ id: receipts.id, number: receipts.number })
            .from(receipts)
            .where(inArray(receipts.id, receiptIds))
        ).map((r) => [r.id, r.number])
      : [],
  );
  const orgNames = await orgNamesById(
    q,
    rows.map((g) => g.orgId),
  );
  return rows.map((g) => {
    const d = donorById.get(g.donorId)!;
    return {
      id: g.id,
      orgId: g.orgId,
      orgName: orgNames.get(g.orgId) ?? '',
      donorId: g.donorId,
      donorName: d.name,
      donorPublicName: publicDonorName(d),
      channel: g.channel as GiftChannel,
      amountFen: g.amountFen,
      receivedOn: g.receivedOn,
      appealId: g.appealId,
      appealName: g.appealId ? (appealNames.get(g.appealId) ?? null) : null,
      purpose: g.purpose,
      form: g.form as GiftForm,
      status: g.status as GiftStatus,
      receiptNo: g.receiptId ? (receiptNumbers.get(g.receiptId) ?? '') : '',
      createdAt: g.createdAt.toISOString(),
    };
  });
}

/** One gift as staff see it; out-of-scope and missing gifts are both NOT_FOUND. */
export async function getGift(q: Queryable, actor: Actor, id: number): Promise<Gift> {
  const rows = await q
    .select()
    .from(gifts)
    .where(and(eq(gifts.id, id), inScope(actor, 'donations:read', gifts.orgId)));
  if (!rows.length) throw notFound();
  return (await presentGifts(q, rows))[0]!;
}

export interface ListGiftsFilter {
  page: number;
  pageSize: number;
  orgId?: number;
  appealId?: number;
  donorId?: number;
  channel?: GiftChannel;
  from?: string;
  to?: string;
  receiptNo?: string;
}

/** Gifts in scope with the filtered total in fen (computed in the database, never by adding floats). */
export async function listGifts(q: Queryable, actor: Actor, f: ListGiftsFilter) {
  const where: SQL[] = [inScope(actor, 'donations:read', gifts.orgId)];
  if (f.orgId !== undefined) where.push(inOrgSubtree(gifts.orgId, f.orgId));
  if (f.appealId !== undefined) where.push(eq(gifts.appealId, f.appealId));
  if (f.donorId !== undefined) where.push(eq(gifts.donorId, f.donorId));
  if (f.channel) where.push(eq(gifts.channel, f.channel));
  if (f.from) where.push(gte(gifts.receivedOn, f.from));
  if (f.to) where.push(lte(gifts.receivedOn, f.to));
  if (f.receiptNo) {
    where.push(
      sql`${gifts.id} in (select ${receipts.giftId} from ${receipts} where ${receipts.number} = ${f.receiptNo})`,
    );
  }
  const cond = and(...where);
  const [agg] = await q
    .select({ n: sql<number>`count(*)::int`, fen: sql<number>`coalesce(sum(${gifts.amountFen}), 0)::bigint` })
    .from(gifts)
    .where(cond);
  const rows = await q
    .select()
    .from(gifts)
    .where(cond)
    .orderBy(desc(gifts.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return {
    items: await presentGifts(q, rows),
    total: agg?.n ?? 0,
    totalFen: Number(agg?.fen ?? 0),
    page: f.page,
    pageSize: f.pageSize,
  };
}
