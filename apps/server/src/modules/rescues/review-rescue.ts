import type { Rescue, ReviewRescueInput } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { presentRescues } from './repository.ts';
import { rescues } from './schema.ts';

/**
 * Staff of the issuing society (or above) verify a reported case — having called the rescuer, the
 * hospital or the ambulance service — or decline it with the reason. Decided once: a second decision
 * on the same case, even a concurrent one, is refused.
 */
export async function reviewRescue(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  id: number,
  input: ReviewRescueInput,
  now = new Date(),
): Promise<Rescue> {
  await requireAccess(tx, actor, 'training:manage', rescues, rescues.id, rescues.orgId, [id]);
  const [before] = await tx.select().from(rescues).where(eq(rescues.id, id)).for('update');
  if (before!.status !== 'reported') throw conflict('RESCUE_NOT_PENDING');
  const [row] = await tx
    .update(rescues)
    .set({
      status: input.decision,
      reviewNote: input.note ?? null,
      reviewedBy: actorName(actor),
      reviewedAt: now,
    })
    .where(eq(rescues.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'rescue.review',
    orgId: row!.orgId,
    entityType: 'rescue',
    entityId: id,
    before: { status: 'reported' },
    after: { status: input.decision, note: input.note ?? null },
  });
  return (await presentRescues(tx, pii, [row!]))[0]!;
}
