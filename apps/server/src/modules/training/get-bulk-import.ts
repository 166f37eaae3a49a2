import type { BulkImport } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { trainingBulkImports } from './schema.ts';

type Row = typeof trainingBulkImports.$inferSelect;

export function presentBulkImport(r: Row): BulkImport {
  return {
    id: r.id,
    orgId: r.orgId,
    classId: r.classId,
    fileName: r.fileName,
    status: r.status as BulkImport['status'],
    progress: r.progress,
    totalRows: r.totalRows,
    created: r.created,
    duplicates: r.duplicates,
    errorRows: r.errorRows,
    errors: r.errors as BulkImport['errors'],
    failure: r.failure,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** A bulk import's state, for the console's progress bar. */
export async function getBulkImport(q: Queryable, actor: Actor, id: number): Promise<BulkImport> {
  const b = trainingBulkImports;
  await requireAccess(q, actor, 'training:read', b, b.id, b.orgId, [id]);
  return presentBulkImport((await q.select().from(b).where(eq(b.id, id)))[0]!);
}
