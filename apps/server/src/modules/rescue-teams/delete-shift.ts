import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { requireTeam } from './repository.ts';
import { presentShifts } from './roster-rules.ts';
import { rescueDutyShifts } from './schema.ts';

/** 取消排班. The audit row keeps the whole shift (who was on it) as it was. */
export async function deleteShift(
  tx: Tx,
  actor: Actor,
  teamId: number,
  shiftId: number,
): Promise<{ deleted: true }> {
  const team = await requireTeam(tx, actor, 'relief:manage', teamId, true);
  const s = rescueDutyShifts;
  const [row] = await tx
    .select()
    .from(s)
    .where(and(eq(s.id, shiftId), eq(s.teamId, teamId)));
  if (!row) throw notFound();
  const [shown] = await presentShifts(tx, [row]);
  await tx.delete(s).where(eq(s.id, shiftId));
  await recordAudit(tx, actor, {
    action: 'rescue_team.shift_delete',
    orgId: team.orgId,
    entityType: 'rescue_duty_shift',
    entityId: shiftId,
    before: shown,
  });
  return { deleted: true };
}
