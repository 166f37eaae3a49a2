import { createHash } from 'node:crypto';
import {
  ATTACHMENT_MAX_BYTES,
  type Adjustment,
  type AdjustmentKind,
  type AdjustmentStatus,
  type AttachmentMime,
  type Permission,
} from '@boai/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { contentIsOfType } from '../../platform/files/file-type.ts';
import { orgNamesById } from '../orgs/index.ts';
import { findBatchByCode } from './batches-repository.ts';
import { reliefAttachments, reliefItems, stockAdjustments, stockBatches, warehouses } from './schema.ts';
import type { StockBatchRow } from './stock.ts';

export type AdjustmentRow = typeof stockAdjustments.$inferSelect;

/**
 * The batch a write-off or return is about, named by id (picked from a list) or by its label code
 * (scanned or typed, any case). One the actor may not `permission` answers the same NOT_FOUND on the
 * field as a missing one, so a sibling society learns nothing about its batches.
 */
export async function batchFor(
  q: Queryable,
  actor: Actor,
  permission: Permission,
  ref: { batchId?: number; batchCode?: string },
): Promise<StockBatchRow> {
  const field = ref.batchId !== undefined ? 'batchId' : 'batchCode';
  try {
    const id = ref.batchId ?? (await findBatchByCode(q, actor, ref.batchCode!, permission)).id;
    await requireAccess(q, actor, permission, stockBatches, stockBatches.id, stockBatches.orgId, [id]);
    const [row] = await q.select().from(stockBatches).where(eq(stockBatches.id, id));
    return row!;
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw invalid('NOT_FOUND', field);
    throw e;
  }
}

/** The adjustment a decision is about, locked: an approval racing a rejection queues here. */
export async function lockAdjustment(
  tx: Tx,
  actor: Actor,
  permission: Permission,
  id: number,
  kind: AdjustmentKind,
): Promise<AdjustmentRow> {
  const t = stockAdjustments;
  await requireAccess(tx, actor, permission, t, t.id, t.orgId, [id]);
  const [row] = await tx.select().from(t).where(eq(t.id, id)).for('update');
  if (row!.kind !== kind) throw notFound();
  return row!;
}

/** Adjustments as the console shows them: with the batch, item, warehouse, society and attachments. */
export async function presentAdjustments(q: Queryable, rows: AdjustmentRow[]): Promise<Adjustment[]> {
  if (!rows.length) return [];
  const batches = await q
    .select({
      id: stockBatches.id,
      code: stockBatches.code,
      itemId: stockBatches.itemId,
      itemName: reliefItems.name,
      unit: reliefItems.unit,
      unitValueFen: stockBatches.unitValueFen,
      warehouseName: warehouses.name,
    })
    .from(stockBatches)
    .innerJoin(reliefItems, eq(reliefItems.id, stockBatches.itemId))
    .innerJoin(warehouses, eq(warehouses.id, stockBatches.warehouseId))
    .where(
      inArray(
        stockBatches.id,
        rows.map((r) => r.batchId),
      ),
    );
  const batchOf = new Map(batches.map((b) => [b.id, b]));
  const files = await q
    .select({
      id: reliefAttachments.id,
      entityType: reliefAttachments.entityType,
      entityId: reliefAttachments.entityId,
      fileName: reliefAttachments.fileName,
      mime: reliefAttachments.mime,
      sizeBytes: reliefAttachments.sizeBytes,
    })
    .from(reliefAttachments)
    .where(
      and(
        inArray(reliefAttachments.entityType, ['write_off', 'return']),
        inArray(
          reliefAttachments.entityId,
          rows.map((r) => r.id),
        ),
      ),
    );
  const orgNames = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => {
    const b = batchOf.get(r.batchId)!;
    return {
      id: r.id,
      kind: r.kind as AdjustmentKind,
      status: r.status as AdjustmentStatus,
      orgId: r.orgId,
      orgName: orgNames.get(r.orgId) ?? '',
      warehouseId: r.warehouseId,
      warehouseName: b.warehouseName,
      batchId: r.batchId,
      batchCode: b.code,
      itemId: b.itemId,
      itemName: b.itemName,
      unit: b.unit,
      quantity: r.quantity,
      valueFen: r.quantity * b.unitValueFen,
      reason: r.reason,
      note: r.note,
      counterparty: r.counterparty,
      allocationId: r.allocationId,
      requestedBy: r.requestedBy,
      requestedAt: r.requestedAt.toISOString(),
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
      decisionNote: r.decisionNote,
      attachments: files
        .filter((f) => f.entityId === r.id && f.entityType === attachmentEntity(r.kind as AdjustmentKind))
        .map(({ id, fileName, mime, sizeBytes }) => ({ id, fileName, mime, sizeBytes })),
    };
  });
}

/** What the audit trail keeps of an adjustment. */
export const auditAdjustment = (r: AdjustmentRow) => ({
  kind: r.kind,
  batchId: r.batchId,
  quantity: r.quantity,
  reason: r.reason,
  status: r.status,
  allocationId: r.allocationId,
  decidedBy: r.decidedBy,
  decisionNote: r.decisionNote,
});

/** relief_attachments names write-offs 'write_off' and both kinds of return 'return'. */
export const attachmentEntity = (kind: AdjustmentKind) => (kind === 'write_off' ? 'write_off' : 'return');

/** Keeps a photo (or scan) with an adjustment, in the caller's transaction; returns its hash for the audit. */
export async function attachToAdjustment(
  tx: Tx,
  adj: AdjustmentRow,
  createdBy: string,
  file: { fileName: string; mime: AttachmentMime; contentBase64: string },
  field = 'photo.contentBase64',
): Promise<{ id: number; sha256: string }> {
  const content = Buffer.from(file.contentBase64, 'base64');
  if (content.length > ATTACHMENT_MAX_BYTES) throw invalid('GOODS_ATTACHMENT_TOO_LARGE', field);
  if (!contentIsOfType(content, file.mime)) throw invalid('GOODS_ATTACHMENT_TYPE_MISMATCH', field);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const [row] = await tx
    .insert(reliefAttachments)
    .values({
      orgId: adj.orgId,
      entityType: attachmentEntity(adj.kind as AdjustmentKind),
      entityId: adj.id,
      fileName: file.fileName,
      mime: file.mime,
      sizeBytes: content.length,
      sha256,
      content,
      createdBy,
    })
    .returning({ id: reliefAttachments.id });
  return { id: row!.id, sha256 };
}
