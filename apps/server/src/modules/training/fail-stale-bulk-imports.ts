import { and, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { messageFor } from '../../platform/i18n/messages.ts';
import { trainingBulkImports } from './schema.ts';

/**
 * A bulk import runs inside the server process that took the upload, from a temporary file. If that
 * process stopped (a restart, a crash), its job would read "running" for ever and its file is gone:
 * a job unfinished an hour after its upload — a 200,000-row file takes well under a minute — is
 * marked failed with the usual advice (re-upload; the rows already enrolled are skipped). An hour, not
 * "any unfinished job at start", because another server process may be running a young one.
 */
export async function failStaleBulkImports(db: Db, now = new Date()): Promise<number> {
  const b = trainingBulkImports;
  const failed = await db
    .update(b)
    .set({ status: 'failed', failure: messageFor('zh-CN', 'TRAINING_BULK_IMPORT_FAILED'), finishedAt: now })
    .where(
      and(
        inArray(b.status, ['queued', 'running']),
        lt(b.createdAt, sql`${now.toISOString()}::timestamptz - interval '1 hour'`),
      ),
    )
    .returning({ id: b.id });
  return failed.length;
}
