import type { DutyShift, DutyShiftInput } from '@boai/contracts';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { membersServing, requireTeam, stoodDown } from './repository.ts';
import { presentShifts, refuseOverlaps, shiftWindow } from './roster-rules.ts';
import { rescueDutyAssignments, rescueDutyShifts } from './schema.ts';

/** 排班: puts members of the team on a shift; nobody may be on two shifts that overlap. */
export async function createShift(
  tx: Tx,
  actor: Actor,
  teamId: number,
  input: DutyShiftInput,
): Promise<DutyShift> {
  // The team row lock serializes every roster write of the team — and a member is only ever on their
  // own team's shifts — so the overlap check below and the insert are one step.
  const team = await requireTeam(tx, actor, 'relief:manage', teamId, true);
  if (team.status !== 'active') throw stoodDown();
  const members = await membersServing(tx, teamId, input.memberIds, input.dutyDate, (i) => `memberIds.${i}`);
  const window = shiftWindow(input);
  await refuseOverlaps(tx, members, input.memberIds, window);
  const [row] = await tx
    .insert(rescueDutyShifts)
    .values({
      orgId: team.orgId,
      teamId,
      dutyDate: input.dutyDate,
      allDay: input.allDay,
      startTime: input.allDay ? null : input.startTime!,
      endTime: input.allDay ? null : input.endTime!,
      ...window,
      standbyLevel: input.standbyLevel,
      notes: input.notes ?? null,
      createdBy: actorName(actor),
    })
    .returning();
  await tx
    .insert(rescueDutyAssignments)
    .values(input.memberIds.map((memberId) => ({ shiftId: row!.id, memberId, orgId: team.orgId })));
  await recordAudit(tx, actor, {
    action: 'rescue_team.shift_create',
    orgId: team.orgId,
    entityType: 'rescue_duty_shift',
    entityId: row!.id,
    after: { teamId, ...input },
  });
  return (await presentShifts(tx, [row!]))[0]!;
}
