import type { GiftImport, GiftImportSource, GiftImportStatus } from '@boai/contracts';
import { and, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { presentImport, presentSummaries, type StoredRows } from './repository.ts';
import { giftImports } from './schema.ts';

export interface ListImportsFilter {
  page: number;
  pageSize: number;
  orgId?: number;
  source?: GiftImportSource;
  status?: GiftImportStatus;
}

/** The import history of the societies in scope, newest first — without the rows themselves. */
export async function listImports(q: Queryable, actor: Actor, f: ListImportsFilter) {
  const where: SQL[] = [inScope(actor, 'donations:read', giftImports.orgId)];
  if (f.orgId !== undefined) where.push(inOrgSubtree(giftImports.orgId, f.orgId));
  if (f.source) where.push(eq(giftImports.source, f.source));
  if (f.status) where.push(eq(giftImports.status, f.status));
  const cond = and(...where);
  const [count] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(giftImports)
    .where(cond);
  const rows = await q
    .select({
      ...getTableColumns(giftImports),
      // A statement's rows can run to thousands; the history needs only the figures beside them.
      rows: sql<StoredRows>`${giftImports.rows} - 'items'`,
      errors: sql<unknown>`'[]'::jsonb`,
    })
    .from(giftImports)
    .where(cond)
    .orderBy(desc(giftImports.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: await presentSummaries(q, rows), total: count?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

/** One import with every row error; out-of-scope and missing imports are both NOT_FOUND. */
export async function getImport(q: Queryable, actor: Actor, id: number): Promise<GiftImport> {
  const [row] = await q
    .select()
    .from(giftImports)
    .where(and(eq(giftImports.id, id), inScope(actor, 'donations:read', giftImports.orgId)));
  if (!row) throw notFound();
  return presentImport(q, row);
}
