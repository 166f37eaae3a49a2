import { LABELS_MAX } from '@boai/contracts';
import { eq, isNotNull, and } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { unsafePresentBatchesById } from './batches-repository.ts';
import { labelsPdf } from './labels-pdf.ts';
import { goodsInLines, goodsInNotes, stockBatches } from './schema.ts';

function checkCount(batches: number, copies: number): void {
  if (batches * copies > LABELS_MAX) throw invalid('RELIEF_LABELS_TOO_MANY', 'copies', { max: LABELS_MAX });
}

/** Labels of chosen batches (any the actor may see), in the order asked. */
export async function batchLabels(
  q: Queryable,
  actor: Actor,
  batchIds: number[],
  copies: number,
): Promise<Buffer> {
  checkCount(batchIds.length, copies);
  const b = stockBatches;
  await requireAccess(q, actor, 'relief:read', b, b.id, b.orgId, batchIds);
  const byId = new Map((await unsafePresentBatchesById(q, batchIds)).map((x) => [x.id, x]));
  return labelsPdf(
    batchIds.map((id) => byId.get(id)!),
    copies,
    '批次标签',
  );
}

/** Labels of every batch a goods-in note created, in line order: printed at the dock as the goods are shelved. */
export async function goodsInLabels(
  q: Queryable,
  actor: Actor,
  noteId: number,
  copies: number,
): Promise<Buffer> {
  const n = goodsInNotes;
  await requireAccess(q, actor, 'relief:read', n, n.id, n.orgId, [noteId]);
  const lines = await q
    .select({ batchId: goodsInLines.batchId })
    .from(goodsInLines)
    .where(and(eq(goodsInLines.noteId, noteId), isNotNull(goodsInLines.batchId)))
    .orderBy(goodsInLines.lineNo);
  const ids = lines.map((l) => l.batchId!);
  checkCount(ids.length, copies);
  const byId = new Map((await unsafePresentBatchesById(q, ids)).map((x) => [x.id, x]));
  return labelsPdf(
    ids.map((id) => byId.get(id)!),
    copies,
    `入库单 ${noteId} 批次标签`,
  );
}
