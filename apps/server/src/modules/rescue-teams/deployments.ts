import {
  rescueMinutesToHours,
  shanghaiDate,
  type RescueDeployment,
  type RescueDeploymentInput,
} from '@boai/contracts';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { findEventForOrg } from '../disaster-events/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { membersServing, notInFuture } from './repository.ts';
import { rescueDeploymentMembers, rescueDeployments, rescueTeamMembers, rescueTeams } from './schema.ts';

type DeploymentRow = typeof rescueDeployments.$inferSelect;
const dayCount = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * The rules of a deployment record: past dates in order; members of the team serving when it set
 * out; nobody credited with more than 24 hours a day of it (to today while still deployed).
 */
export async function checkDeployment(
  q: Queryable,
  teamId: number,
  input: RescueDeploymentInput,
  now = new Date(),
) {
  notInFuture(input.startedOn, 'startedOn', now);
  notInFuture(input.endedOn, 'endedOn', now);
  if (input.endedOn && input.endedOn < input.startedOn) throw invalid('RESCUE_TEAM_DATE_ORDER', 'endedOn');
  const ids = input.members.map((m) => m.memberId);
  const members = await membersServing(q, teamId, ids, input.startedOn, (i) => `members.${i}.memberId`);
  const maxHours = 24 * dayCount(input.startedOn, input.endedOn ?? shanghaiDate(now));
  input.members.forEach((m, i) => {
    if (m.hours > maxHours)
      throw invalid('RESCUE_TEAM_HOURS_EXCEED', `members.${i}.hours`, {
        name: members.get(m.memberId)!.name,
        max: maxHours,
      });
  });
}

/**
 * The event name a deployment is recorded under. A registered event must be one the actor sees, of the
 * team's own society or of one above or below it (a sibling's or a missing one is NOT_FOUND on eventId);
 * a closed one is fine, as teams are often logged after the response ends. Its name is copied as it
 * stands now, so the record reads the same if the event is renamed later; without an event, the name
 * as written.
 */
export async function deploymentEventName(
  q: Queryable,
  actor: Actor,
  teamOrgId: number,
  input: RescueDeploymentInput,
): Promise<string> {
  if (!input.eventId) return input.eventName;
  const event = await findEventForOrg(q, actor, input.eventId, {
    orgId: teamOrgId,
    allowClosed: true,
    field: 'eventId',
  });
  return event.name;
}

/** Deployments with team and society names and each member's hours, in three queries. */
export async function presentDeployments(q: Queryable, rows: DeploymentRow[]): Promise<RescueDeployment[]> {
  if (!rows.length) return [];
  const dm = rescueDeploymentMembers;
  const people = await q
    .select({
      deploymentId: dm.deploymentId,
      memberId: dm.memberId,
      name: rescueTeamMembers.name,
      minutes: dm.minutes,
    })
    .from(dm)
    .innerJoin(rescueTeamMembers, eq(dm.memberId, rescueTeamMembers.id))
    .where(
      inArray(
        dm.deploymentId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(dm.memberId));
  const teams = new Map(
    (
      await q
        .select({ id: rescueTeams.id, name: rescueTeams.name })
        .from(rescueTeams)
        .where(inArray(rescueTeams.id, [...new Set(rows.map((r) => r.teamId))]))
    ).map((t) => [t.id, t.name]),
  );
  const orgNames = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => {
    const own = people.filter((p) => p.deploymentId === r.id);
    return {
      id: r.id,
      teamId: r.teamId,
      teamName: teams.get(r.teamId) ?? '',
      orgName: orgNames.get(r.orgId) ?? '',
      eventId: r.eventId,
      eventName: r.eventName,
      startedOn: r.startedOn,
      endedOn: r.endedOn,
      location: r.location,
      summary: r.summary,
      members: own.map((p) => ({
        memberId: p.memberId,
        name: p.name,
        hours: rescueMinutesToHours(p.minutes),
      })),
      totalHours: rescueMinutesToHours(own.reduce((s, p) => s + p.minutes, 0)),
    };
  });
}
