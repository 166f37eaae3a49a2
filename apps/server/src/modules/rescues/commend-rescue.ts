import type { Rescue } from '@boai/contracts';
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
 * 表彰: records the commendation a verified case received (e.g. "2026 年度无锡市应急救护先进个人").
 * It then shows on the rescuer's public certificate check, so only a verified case can carry one.
 */
export async function commendRescue(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  id: number,
  commendation: string,
  now = new Date(),
): Promise<Rescue> {
  await requireAccess(tx, actor, 'training:manage', rescues, rescues.id, rescues.orgId, [id]);
  const [before] = await tx.select().from(rescues).where(eq(rescues.id, id)).for('update');
  if (before!.status !== 'verified') throw conflict('RESCUE_NOT_VERIFIED');
  if (before!.commendation) throw conflict('RESCUE_ALREADY_COMMENDED');
  const [row] = await tx
    .update(rescues)
    .set({ commendation, commendedBy: actorName(actor), commendedAt: now })
    .where(eq(rescues.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'rescue.commend',
    orgId: row!.orgId,
    entityType: 'rescue',
    entityId: id,
    after: { commendation },
  });
  return (await presentRescues(tx, pii, [row!]))[0]!;
}
