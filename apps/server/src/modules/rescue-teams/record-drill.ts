import { rescueHoursToMinutes, type RescueDrill, type RescueDrillInput } from '@boai/contracts';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { presentDrills } from './list-drills.ts';
import { membersServing, notInFuture, requireTeam, stoodDown } from './repository.ts';
import { rescueDrillParticipants, rescueDrills } from './schema.ts';

/** 演练记录: what was drilled, where, how long, and who took part (each credited with its length). */
export async function recordDrill(
  tx: Tx,
  actor: Actor,
  teamId: number,
  input: RescueDrillInput,
): Promise<RescueDrill> {
  const team = await requireTeam(tx, actor, 'relief:manage', teamId, true);
  if (team.status !== 'active') throw stoodDown();
  notInFuture(input.heldOn, 'heldOn');
  await membersServing(tx, teamId, input.memberIds, input.heldOn, (i) => `memberIds.${i}`);
  const [row] = await tx
    .insert(rescueDrills)
    .values({
      orgId: team.orgId,
      teamId,
      heldOn: input.heldOn,
      subject: input.subject,
      location: input.location ?? null,
      minutes: rescueHoursToMinutes(input.hours),
      notes: input.notes ?? null,
      createdBy: actorName(actor),
    })
    .returning();
  await tx
    .insert(rescueDrillParticipants)
    .values(input.memberIds.map((memberId) => ({ drillId: row!.id, memberId, orgId: team.orgId })));
  await recordAudit(tx, actor, {
    action: 'rescue_team.drill_create',
    orgId: team.orgId,
    entityType: 'rescue_drill',
    entityId: row!.id,
    after: { teamId, ...input },
  });
  return (await presentDrills(tx, [row!]))[0]!;
}
