import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { BulkImport, CreateBulkImportQuery } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { presentBulkImport } from './get-bulk-import.ts';
import { trainingBulkImports, trainingClasses } from './schema.ts';

const sha256Of = (file: string) =>
  new Promise<string>((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (b) => h.update(b))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });

/**
 * Registers a bulk roster upload (already saved to `file`) as a queued job; run-bulk-import.ts does the
 * work after the request has answered. The society must be one the actor manages; a default class, if
 * given, must be an open class of that society's subtree.
 */
export async function createBulkImport(
  tx: Tx,
  actor: Actor,
  query: CreateBulkImportQuery,
  file: string,
): Promise<BulkImport> {
  await requireWritableOrg(tx, actor, 'training:manage', query.orgId);
  if (query.classId) {
    const [cls] = await tx
      .select({ status: trainingClasses.status })
      .from(trainingClasses)
      .where(
        and(
          eq(trainingClasses.id, query.classId),
          inScope(actor, 'training:manage', trainingClasses.orgId),
          inOrgSubtree(trainingClasses.orgId, query.orgId),
        ),
      );
    if (!cls) throw invalid('NOT_FOUND', 'classId');
    if (cls.status !== 'open') throw conflict('TRAINING_CLASS_COMPLETED', 'classId');
  }
  if ((await stat(file)).size === 0) throw invalid('TRAINING_IMPORT_FILE_EMPTY', 'file');
  const [row] = await tx
    .insert(trainingBulkImports)
    .values({
      orgId: query.orgId,
      classId: query.classId ?? null,
      fileName: query.fileName,
      fileSha256: await sha256Of(file),
      createdBy: actorName(actor),
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'training.bulk_import',
    orgId: query.orgId,
    entityType: 'training_bulk_import',
    entityId: row!.id,
    after: { fileName: query.fileName, fileSha256: row!.fileSha256, classId: query.classId ?? null },
  });
  return presentBulkImport(row!);
}
