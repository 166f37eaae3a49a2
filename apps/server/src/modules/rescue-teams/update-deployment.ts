import { rescueHoursToMinutes, type RescueDeployment, type RescueDeploymentInput } from '@boai/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { checkDeployment, deploymentEventName, presentDeployments } from './deployments.ts';
import { requireTeam } from './repository.ts';
import { rescueDeploymentMembers, rescueDeployments } from './schema.ts';

/**
 * Corrects a deployment or closes it (收队: the end date and the confirmed hours). The whole record
 * is sent again; the audit row keeps what it replaced.
 */
export async function updateDeployment(
  tx: Tx,
  actor: Actor,
  teamId: number,
  deploymentId: number,
  input: RescueDeploymentInput,
): Promise<RescueDeployment> {
  const team = await requireTeam(tx, actor, 'relief:manage', teamId, true);
  const d = rescueDeployments;
  const [row] = await tx
    .select()
    .from(d)
    .where(and(eq(d.id, deploymentId), eq(d.teamId, teamId)));
  if (!row) throw notFound();
  await checkDeployment(tx, teamId, input);
  const eventName = await deploymentEventName(tx, actor, team.orgId, input);
  const [before] = await presentDeployments(tx, [row]);
  const [updated] = await tx
    .update(d)
    .set({
      eventId: input.eventId ?? null,
      eventName,
      startedOn: input.startedOn,
      endedOn: input.endedOn ?? null,
      location: input.location,
      summary: input.summary ?? null,
      updatedAt: sql`now()`,
    })
    .where(eq(d.id, deploymentId))
    .returning();
  await tx.delete(rescueDeploymentMembers).where(eq(rescueDeploymentMembers.deploymentId, deploymentId));
  await tx.insert(rescueDeploymentMembers).values(
    input.members.map((m) => ({
      deploymentId,
      memberId: m.memberId,
      orgId: team.orgId,
      minutes: rescueHoursToMinutes(m.hours),
    })),
  );
  await recordAudit(tx, actor, {
    action: 'rescue_team.deployment_update',
    orgId: team.orgId,
    entityType: 'rescue_deployment',
    entityId: deploymentId,
    before,
    after: { ...input, eventName },
  });
  return (await presentDeployments(tx, [updated!]))[0]!;
}
