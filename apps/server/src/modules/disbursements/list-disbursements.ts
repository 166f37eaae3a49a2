import {
  startOfShanghaiDay,
  type DisbursementStatus,
  type FundSource,
  type ListDisbursementsQuery,
} from '@boai/contracts';
import { and, eq, gte, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { selectDisbursements } from './repository.ts';
import { disbursements } from './schema.ts';

export type DisbursementFilter = Omit<ListDisbursementsQuery, 'page' | 'pageSize'>;

const DAY_MS = 86_400_000;

/** The filter of the list and its export, always inside the actor's scope. */
function disbursementsWhere(actor: Actor, f: DisbursementFilter): SQL | undefined {
  const where: SQL[] = [inScope(actor, 'donations:read', disbursements.orgId)];
  if (f.orgId !== undefined) where.push(inOrgSubtree(disbursements.orgId, f.orgId));
  if (f.status) where.push(eq(disbursements.status, f.status));
  if (f.source) where.push(sourceIs(f.source));
  if (f.appealId !== undefined) where.push(eq(disbursements.appealId, f.appealId));
  if (f.giftId !== undefined) where.push(eq(disbursements.giftId, f.giftId));
  if (f.from) where.push(gte(disbursements.requestedAt, startOfShanghaiDay(f.from)));
  // Shanghai has had no daylight saving since 1991, so the next day starts 24 hours later.
  if (f.to) where.push(lt(disbursements.requestedAt, new Date(startOfShanghaiDay(f.to).getTime() + DAY_MS)));
  return and(...where);
}

const sourceIs = (source: FundSource): SQL =>
  source === 'appeal'
    ? isNotNull(disbursements.appealId)
    : source === 'gift'
      ? isNotNull(disbursements.giftId)
      : and(isNull(disbursements.appealId), isNull(disbursements.giftId))!;

const sumWhere = (status: DisbursementStatus) =>
  sql<number>`coalesce(sum(${disbursements.amountFen}) filter (where ${disbursements.status} = ${status}), 0)::bigint`;

/** Disbursements in scope, newest first, with the filter's sums by status (in fen, summed in the database). */
export async function listDisbursements(q: Queryable, actor: Actor, f: ListDisbursementsQuery) {
  const { page, pageSize, ...filter } = f;
  const cond = disbursementsWhere(actor, filter);
  const [agg] = await q
    .select({
      n: sql<number>`count(*)::int`,
      pendingFen: sumWhere('pending'),
      approvedFen: sumWhere('approved'),
      rejectedFen: sumWhere('rejected'),
      cancelledFen: sumWhere('cancelled'),
    })
    .from(disbursements)
    .where(cond);
  return {
    items: await selectDisbursements(q, cond, { limit: pageSize, offset: (page - 1) * pageSize }),
    total: agg?.n ?? 0,
    page,
    pageSize,
    totals: {
      pendingFen: Number(agg?.pendingFen ?? 0),
      approvedFen: Number(agg?.approvedFen ?? 0),
      rejectedFen: Number(agg?.rejectedFen ?? 0),
      cancelledFen: Number(agg?.cancelledFen ?? 0),
    },
  };
}

/** Every disbursement of the filter, newest first, read a thousand at a time (for the export). */
export async function* iterateDisbursements(q: Queryable, actor: Actor, f: DisbursementFilter) {
  const cond = disbursementsWhere(actor, f);
  let before: number | null = null;
  for (;;) {
    const chunk = await selectDisbursements(
      q,
      before === null ? cond : and(cond, lt(disbursements.id, before)),
      {
        limit: 1000,
        offset: 0,
      },
    );
    yield* chunk;
    if (chunk.length < 1000) return;
    before = chunk[chunk.length - 1]!.id;
  }
}
