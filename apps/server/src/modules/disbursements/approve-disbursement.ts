import { shanghaiDate, type Disbursement } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { recordPublicEvents } from '../../platform/ledger/index.ts';
import { lockDisbursement } from './decide.ts';
import { auditDisbursement, presentDisbursement } from './repository.ts';
import { disbursements } from './schema.ts';

/**
 * 批准拨付. The amount was reserved when requested, so approval needs no balance check. The approver
 * is never the requester (四眼原则): one person cannot both ask for money and release it.
 */
export async function approveDisbursement(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { paidOn?: string; note?: string },
  now = new Date(),
): Promise<Disbursement> {
  const before = await lockDisbursement(tx, actor, 'disbursements:approve', id);
  if (before.status !== 'pending') throw conflict('DISBURSEMENT_NOT_PENDING');
  if (before.requestedBy === actorName(actor)) throw new AppError('DISBURSEMENT_SELF_APPROVAL', 403);
  const today = shanghaiDate(now);
  const paidOn = input.paidOn ?? today;
  if (paidOn > today) throw invalid('DISBURSEMENT_PAID_ON_FUTURE', 'paidOn');
  const [row] = await tx
    .update(disbursements)
    .set({
      status: 'approved',
      decidedBy: actorName(actor),
      decidedAt: now,
      decisionNote: input.note ?? null,
      paidOn,
    })
    .where(eq(disbursements.id, id))
    .returning();
  // Approval is when the money is released (paid on `paidOn`): the public event 拨付使用.
  await recordPublicEvents(tx, [{ orgId: row!.orgId, kind: 'disbursement.made', ref: `disbursement:${id}` }]);
  await recordAudit(tx, actor, {
    action: 'disbursements.approve',
    orgId: row!.orgId,
    entityType: 'disbursement',
    entityId: id,
    before: auditDisbursement(before),
    after: auditDisbursement(row!),
  });
  return presentDisbursement(tx, row!);
}
