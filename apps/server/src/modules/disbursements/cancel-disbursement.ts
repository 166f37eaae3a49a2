import type { Disbursement } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { lockDisbursement } from './decide.ts';
import { auditDisbursement, presentDisbursement } from './repository.ts';
import { disbursements } from './schema.ts';

/**
 * 撤销: releases the amount back to the fund. A pending request may be withdrawn by whoever asked or
 * by an approver; money already approved only by an approver, with the reason on record. A cancelled
 * disbursement that was already published is answered by a reversal line in the next disclosure
 * (disclosure module). The decision columns then hold the cancellation; the approval stays in the
 * audit trail.
 */
export async function cancelDisbursement(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { reason: string },
  now = new Date(),
): Promise<Disbursement> {
  const before = await lockDisbursement(tx, actor, 'disbursements:request', id);
  if (before.status !== 'pending' && before.status !== 'approved')
    throw conflict('DISBURSEMENT_ALREADY_CLOSED');
  const isRequester = before.requestedBy === actorName(actor);
  if (!(before.status === 'pending' && isRequester) && !(await isApprover(tx, actor, id)))
    throw new AppError('DISBURSEMENT_CANCEL_NOT_ALLOWED', 403);
  const [row] = await tx
    .update(disbursements)
    .set({ status: 'cancelled', decidedBy: actorName(actor), decidedAt: now, decisionNote: input.reason })
    .where(eq(disbursements.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'disbursements.cancel',
    orgId: row!.orgId,
    entityType: 'disbursement',
    entityId: id,
    before: auditDisbursement(before),
    after: auditDisbursement(row!),
  });
  return presentDisbursement(tx, row!);
}

async function isApprover(tx: Tx, actor: Actor, id: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: disbursements.id })
    .from(disbursements)
    .where(and(eq(disbursements.id, id), inScope(actor, 'disbursements:approve', disbursements.orgId)));
  return !!row;
}
