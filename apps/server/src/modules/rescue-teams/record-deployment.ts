import { rescueHoursToMinutes, type RescueDeployment, type RescueDeploymentInput } from '@boai/contracts';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { checkDeployment, deploymentEventName, presentDeployments } from './deployments.ts';
import { requireTeam, stoodDown } from './repository.ts';
import { rescueDeploymentMembers, rescueDeployments } from './schema.ts';

/** 出队登记: the event (a registered one or a name), dates, place, summary, and each member's hours. */
export async function recordDeployment(
  tx: Tx,
  actor: Actor,
  teamId: number,
  input: RescueDeploymentInput,
): Promise<RescueDeployment> {
  const team = await requireTeam(tx, actor, 'relief:manage', teamId, true);
  if (team.status !== 'active') throw stoodDown();
  await checkDeployment(tx, teamId, input);
  const eventName = await deploymentEventName(tx, actor, team.orgId, input);
  const [row] = await tx
    .insert(rescueDeployments)
    .values({
      orgId: team.orgId,
      teamId,
      eventId: input.eventId ?? null,
      eventName,
      startedOn: input.startedOn,
      endedOn: input.endedOn ?? null,
      location: input.location,
      summary: input.summary ?? null,
      createdBy: actorName(actor),
    })
    .returning();
  await tx.insert(rescueDeploymentMembers).values(
    input.members.map((m) => ({
      deploymentId: row!.id,
      memberId: m.memberId,
      orgId: team.orgId,
      minutes: rescueHoursToMinutes(m.hours),
    })),
  );
  await recordAudit(tx, actor, {
    action: 'rescue_team.deployment_create',
    orgId: team.orgId,
    entityType: 'rescue_deployment',
    entityId: row!.id,
    after: { teamId, ...input, eventName },
  });
  return (await presentDeployments(tx, [row!]))[0]!;
}
