import type { Disbursement } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { lockDisbursement } from './decide.ts';
import { auditDisbursement, presentDisbursement } from './repository.ts';
import { disbursements } from './schema.ts';

/** 驳回: releases the reserved amount back to the fund; the note tells the requester why. */
export async function rejectDisbursement(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { note: string },
  now = new Date(),
): Promise<Disbursement> {
  const before = await lockDisbursement(tx, actor, 'disbursements:approve', id);
  if (before.status !== 'pending') throw conflict('DISBURSEMENT_NOT_PENDING');
  // A requester who changes their mind cancels; rejecting is another person's decision.
  if (before.requestedBy === actorName(actor)) throw new AppError('DISBURSEMENT_SELF_APPROVAL', 403);
  const [row] = await tx
    .update(disbursements)
    .set({ status: 'rejected', decidedBy: actorName(actor), decidedAt: now, decisionNote: input.note })
    .where(eq(disbursements.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'disbursements.reject',
    orgId: row!.orgId,
    entityType: 'disbursement',
    entityId: id,
    before: auditDisbursement(before),
    after: auditDisbursement(row!),
  });
  return presentDisbursement(tx, row!);
}
