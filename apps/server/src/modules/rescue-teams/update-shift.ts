import type { DutyShift, DutyShiftInput } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { membersServing, requireTeam, stoodDown } from './repository.ts';
import { presentShifts, refuseOverlaps, shiftWindow } from './roster-rules.ts';
import { rescueDutyAssignments, rescueDutyShifts } from './schema.ts';

/** Changes a shift's time, level or people (the whole shift is sent again), under the same overlap rule. */
export async function updateShift(
  tx: Tx,
  actor: Actor,
  teamId: number,
  shiftId: number,
  input: DutyShiftInput,
): Promise<DutyShift> {
  const team = await requireTeam(tx, actor, 'relief:manage', teamId, true);
  if (team.status !== 'active') throw stoodDown();
  const s = rescueDutyShifts;
  const [before] = await tx
    .select()
    .from(s)
    .where(and(eq(s.id, shiftId), eq(s.teamId, teamId)));
  if (!before) throw notFound();
  const members = await membersServing(tx, teamId, input.memberIds, input.dutyDate, (i) => `memberIds.${i}`);
  const window = shiftWindow(input);
  await refuseOverlaps(tx, members, input.memberIds, window, shiftId);
  const beforeMembers = (
    await tx
      .select({ id: rescueDutyAssignments.memberId })
      .from(rescueDutyAssignments)
      .where(eq(rescueDutyAssignments.shiftId, shiftId))
  ).map((r) => r.id);
  const [row] = await tx
    .update(s)
    .set({
      dutyDate: input.dutyDate,
      allDay: input.allDay,
      startTime: input.allDay ? null : input.startTime!,
      endTime: input.allDay ? null : input.endTime!,
      ...window,
      standbyLevel: input.standbyLevel,
      notes: input.notes ?? null,
    })
    .where(eq(s.id, shiftId))
    .returning();
  await tx.delete(rescueDutyAssignments).where(eq(rescueDutyAssignments.shiftId, shiftId));
  await tx
    .insert(rescueDutyAssignments)
    .values(input.memberIds.map((memberId) => ({ shiftId, memberId, orgId: team.orgId })));
  await recordAudit(tx, actor, {
    action: 'rescue_team.shift_update',
    orgId: team.orgId,
    entityType: 'rescue_duty_shift',
    entityId: shiftId,
    before: {
      dutyDate: before.dutyDate,
      allDay: before.allDay,
      startTime: before.startTime,
      endTime: before.endTime,
      standbyLevel: before.standbyLevel,
      memberIds: beforeMembers,
    },
    after: input,
  });
  return (await presentShifts(tx, [row!]))[0]!;
}
