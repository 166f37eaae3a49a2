import type { Appeal, AppealKind } from '@boai/contracts';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { orgNamesById, requireWritableOrg } from '../orgs/index.ts';
import { appeals, gifts } from './schema.ts';

type AppealRow = typeof appeals.$inferSelect;

/** Appeals with what they have received so far (one grouped query for the whole list). */
async function presentAppeals(q: Queryable, rows: AppealRow[]): Promise<Appeal[]> {
  const ids = rows.map((r) => r.id);
  const totals = new Map<number, { fen: number; n: number }>();
  if (ids.length) {
    const sums = await q
      .select({
        id: gifts.appealId,
        fen: sql<number>`coalesce(sum(${gifts.amountFen}), 0)::bigint`,
        n: sql<number>`count(*)::int`,
      })
      .from(gifts)
      .where(and(inArray(gifts.appealId, ids), eq(gifts.status, 'confirmed'), eq(gifts.form, 'money')))
      .groupBy(gifts.appealId);
    for (const s of sums) totals.set(s.id!, { fen: Number(s.fen), n: s.n });
  }
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    kind: r.kind as AppealKind,
    name: r.name,
    filingNo: r.filingNo,
    targetFen: r.targetFen,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    open: r.open,
    receivedFen: totals.get(r.id)?.fen ?? 0,
    giftCount: totals.get(r.id)?.n ?? 0,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listAppeals(
  q: Queryable,
  actor: Actor,
  f: { orgId?: number; open?: 'true' | 'false' },
) {
  const where: SQL[] = [inScope(actor, 'donations:read', appeals.orgId)];
  if (f.orgId !== undefined) where.push(inOrgSubtree(appeals.orgId, f.orgId));
  if (f.open) where.push(eq(appeals.open, f.open === 'true'));
  const rows = await q
    .select()
    .from(appeals)
    .where(and(...where))
    .orderBy(asc(appeals.id));
  return presentAppeals(q, rows);
}

export interface CreateAppealInput {
  orgId: number;
  kind: AppealKind;
  name: string;
  filingNo?: string | null;
  targetFen?: number | null;
  startsOn?: string | null;
  endsOn?: string | null;
}

export async function createAppeal(tx: Tx, actor: Actor, input: CreateAppealInput): Promise<Appeal> {
  await requireWritableOrg(tx, actor, 'donations:manage', input.orgId);
  const [row] = await tx
    .insert(appeals)
    .values({
      orgId: input.orgId,
      kind: input.kind,
      name: input.name,
      filingNo: input.filingNo ?? null,
      targetFen: input.targetFen ?? null,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'appeals.create',
    orgId: row!.orgId,
    entityType: 'appeal',
    entityId: row!.id,
    after: input,
  });
  return (await presentAppeals(tx, [row!]))[0]!;
}
