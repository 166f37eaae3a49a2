import { rescueMinutesToHours, type RescueDrill } from '@boai/contracts';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { requireTeam } from './repository.ts';
import { rescueDrillParticipants, rescueDrills, rescueTeamMembers } from './schema.ts';

export async function presentDrills(
  q: Queryable,
  rows: (typeof rescueDrills.$inferSelect)[],
): Promise<RescueDrill[]> {
  if (!rows.length) return [];
  const p = rescueDrillParticipants;
  const people = await q
    .select({ drillId: p.drillId, id: rescueTeamMembers.id, name: rescueTeamMembers.name })
    .from(p)
    .innerJoin(rescueTeamMembers, eq(p.memberId, rescueTeamMembers.id))
    .where(
      inArray(
        p.drillId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(rescueTeamMembers.id));
  return rows.map((r) => ({
    id: r.id,
    teamId: r.teamId,
    heldOn: r.heldOn,
    subject: r.subject,
    location: r.location,
    hours: rescueMinutesToHours(r.minutes),
    participants: people.filter((x) => x.drillId === r.id).map(({ id, name }) => ({ id, name })),
    notes: r.notes,
  }));
}

/** A team's drills, newest first. */
export async function listDrills(q: Queryable, actor: Actor, teamId: number): Promise<RescueDrill[]> {
  await requireTeam(q, actor, 'relief:read', teamId);
  const rows = await q
    .select()
    .from(rescueDrills)
    .where(eq(rescueDrills.teamId, teamId))
    .orderBy(desc(rescueDrills.heldOn), desc(rescueDrills.id));
  return presentDrills(q, rows);
}
