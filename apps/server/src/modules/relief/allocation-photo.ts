import { createHash } from 'node:crypto';
import { ALLOCATION_PHOTO_MAX_BYTES, type AllocationPhotoInput } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { contentIsOfType } from '../../platform/files/file-type.ts';
import { allocationVisible } from './allocation-repository.ts';
import { allocations, reliefAttachments } from './schema.ts';

/** Checks and stores the photo of a signed delivery note (签收单) with its allocation. */
export async function storeAllocationPhoto(
  tx: Tx,
  actor: Actor,
  alloc: { id: number; orgId: number },
  photo: AllocationPhotoInput,
): Promise<{ id: number; sha256: string; sizeBytes: number }> {
  const content = Buffer.from(photo.contentBase64, 'base64');
  if (content.length > ALLOCATION_PHOTO_MAX_BYTES)
    throw invalid('ALLOCATION_PHOTO_TOO_LARGE', 'photo.contentBase64');
  if (!contentIsOfType(content, photo.mime))
    throw invalid('ALLOCATION_PHOTO_TYPE_MISMATCH', 'photo.contentBase64');
  const sha256 = createHash('sha256').update(content).digest('hex');
  const [row] = await tx
    .insert(reliefAttachments)
    .values({
      orgId: alloc.orgId,
      entityType: 'allocation',
      entityId: alloc.id,
      fileName: photo.fileName,
      mime: photo.mime,
      sizeBytes: content.length,
      sha256,
      content,
      createdBy: actorName(actor),
    })
    .returning({ id: reliefAttachments.id });
  return { id: row!.id, sha256, sizeBytes: content.length };
}

/** One photo of an allocation the actor sees (NOT_FOUND otherwise, as for a missing one). */
export async function readAllocationPhoto(
  q: Queryable,
  actor: Actor,
  allocationId: number,
  attachmentId: number,
) {
  const [seen] = await q
    .select({ id: allocations.id })
    .from(allocations)
    .where(and(eq(allocations.id, allocationId), allocationVisible(actor)));
  if (!seen) throw notFound();
  const [row] = await q
    .select()
    .from(reliefAttachments)
    .where(
      and(
        eq(reliefAttachments.id, attachmentId),
        eq(reliefAttachments.entityType, 'allocation'),
        eq(reliefAttachments.entityId, allocationId),
      ),
    );
  if (!row) throw notFound();
  return row;
}
