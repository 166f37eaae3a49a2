import type { DisclosureBatchDetail } from '@boai/contracts';
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { presentBatches, selectLines } from './repository.ts';
import { disclosureBatches, disclosureLines } from './schema.ts';

export interface ListBatchesFilter {
  page: number;
  pageSize: number;
  orgId?: number;
  from?: string;
  to?: string;
}

/** Published batches of the societies the actor may see, newest day first. */
export async function listBatches(q: Queryable, actor: Actor, f: ListBatchesFilter) {
  const where: SQL[] = [inScope(actor, 'donations:read', disclosureBatches.orgId)];
  if (f.orgId !== undefined) where.push(eq(disclosureBatches.orgId, f.orgId));
  if (f.from) where.push(gte(disclosureBatches.day, f.from));
  if (f.to) where.push(lte(disclosureBatches.day, f.to));
  const cond = and(...where);
  const [agg] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(disclosureBatches)
    .where(cond);
  const rows = await q
    .select()
    .from(disclosureBatches)
    .where(cond)
    .orderBy(desc(disclosureBatches.day), desc(disclosureBatches.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: await presentBatches(q, rows), total: agg?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

/** One batch with all its lines; out of scope and missing both answer NOT_FOUND. */
export async function getBatch(q: Queryable, actor: Actor, id: number): Promise<DisclosureBatchDetail> {
  await requireAccess(
    q,
    actor,
    'donations:read',
    disclosureBatches,
    disclosureBatches.id,
    disclosureBatches.orgId,
    [id],
  );
  const rows = await q.select().from(disclosureBatches).where(eq(disclosureBatches.id, id));
  const [batch] = await presentBatches(q, rows);
  const { items } = await selectLines(q, eq(disclosureLines.batchId, id));
  return { batch: batch!, lines: items };
}
