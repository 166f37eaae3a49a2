import { createHash } from 'node:crypto';
import { ALLOCATION_PHOTO_MAX_BYTES, type AllocationPhotoInput } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { allocationVisible } from './allocation-repository.ts';
import { allocations, reliefAttachments } from './schema.ts';

/**
 * The first bytes a JPEG and a PNG start with. The declared type proves nothing: a page or a script
 * renamed .jpg would otherwise be stored and served back as a "photo".
 */
const MAGIC: Record<AllocationPhotoInput['mime'], Buffer> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};

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
  const magic = MAGIC[photo.mime];
  if (content.length < magic.length || !content.subarray(0, magic.length).equals(magic))
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
