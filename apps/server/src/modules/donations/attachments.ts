import { createHash } from 'node:crypto';
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentMime,
  type CreateAttachmentInput,
  type GiftAttachment,
} from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { contentIsOfType } from '../../platform/files/file-type.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { giftAttachments, giftItems, gifts } from './schema.ts';

type AttachmentRow = typeof giftAttachments.$inferSelect;

const present = (a: Omit<AttachmentRow, 'content' | 'orgId'>): GiftAttachment => ({
  id: a.id,
  giftId: a.giftId,
  itemId: a.itemId,
  fileName: a.fileName,
  mime: a.mime as AttachmentMime,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  createdAt: a.createdAt.toISOString(),
});

/** Attaches a quality document, delivery note or agreement to a gift (optionally to one of its lines). */
export async function attachToGift(
  tx: Tx,
  actor: Actor,
  giftId: number,
  input: CreateAttachmentInput,
): Promise<GiftAttachment> {
  await requireAccess(tx, actor, 'donations:manage', gifts, gifts.id, gifts.orgId, [giftId]);
  const [gift] = await tx.select({ orgId: gifts.orgId }).from(gifts).where(eq(gifts.id, giftId));
  await requireWritableOrg(tx, actor, 'donations:manage', gift!.orgId);
  if (input.itemId) {
    const [item] = await tx
      .select({ id: giftItems.id })
      .from(giftItems)
      .where(and(eq(giftItems.id, input.itemId), eq(giftItems.giftId, giftId)));
    if (!item) throw invalid('NOT_FOUND', 'itemId');
  }
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length > ATTACHMENT_MAX_BYTES) throw invalid('GOODS_ATTACHMENT_TOO_LARGE', 'contentBase64');
  if (!contentIsOfType(content, input.mime)) throw invalid('GOODS_ATTACHMENT_TYPE_MISMATCH', 'contentBase64');
  const sha256 = createHash('sha256').update(content).digest('hex');
  const [row] = await tx
    .insert(giftAttachments)
    .values({
      orgId: gift!.orgId,
      giftId,
      itemId: input.itemId ?? null,
      fileName: input.fileName,
      mime: input.mime,
      sizeBytes: content.length,
      sha256,
      content,
    })
    .returning();
  // The audit keeps what identifies the file (its hash), never the file itself.
  await recordAudit(tx, actor, {
    action: 'gifts.attach',
    orgId: gift!.orgId,
    entityType: 'gift',
    entityId: giftId,
    after: {
      attachmentId: row!.id,
      itemId: row!.itemId,
      fileName: input.fileName,
      mime: input.mime,
      sizeBytes: content.length,
      sha256,
    },
  });
  return present(row!);
}

/** One attachment of a gift with its content; a gift out of scope answers NOT_FOUND like a missing one. */
export async function readAttachment(
  q: Queryable,
  actor: Actor,
  giftId: number,
  attachmentId: number,
): Promise<GiftAttachment & { content: Buffer }> {
  await requireAccess(q, actor, 'donations:read', gifts, gifts.id, gifts.orgId, [giftId]);
  const [row] = await q
    .select()
    .from(giftAttachments)
    .where(and(eq(giftAttachments.id, attachmentId), eq(giftAttachments.giftId, giftId)));
  if (!row) throw notFound();
  return { ...present(row), content: row.content };
}
