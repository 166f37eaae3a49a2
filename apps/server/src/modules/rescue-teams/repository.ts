import {
  RESCUE_CERT_SOON_DAYS,
  rescueMinutesToHours,
  shanghaiDate,
  type Permission,
  type RescueGender,
  type RescueMember,
  type RescueMemberRole,
  type RescueTeam,
  type RescueTeamStatus,
  type RescueTeamType,
  type RescueTeamYear,
  addDays,
} from '@boai/contracts';
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { queryRows, type Queryable } from '../../platform/db/client.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { maskMobile, type PiiVault } from '../../platform/pii/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import {
  rescueDeploymentMembers,
  rescueDeployments,
  rescueDrillParticipants,
  rescueDrills,
  rescueMemberCertificates,
  rescueTeamMembers,
  rescueTeams,
} from './schema.ts';

export type TeamRow = typeof rescueTeams.$inferSelect;
export type MemberRow = typeof rescueTeamMembers.$inferSelect;

export const stoodDown = () => new AppError('RESCUE_TEAM_STOOD_DOWN', 409);

/** Records of what happened (deployments, drills, founding) cannot be dated after today. */
export function notInFuture(day: string | null | undefined, field: string, now = new Date()) {
  if (day && day > shanghaiDate(now)) throw invalid('RESCUE_TEAM_DATE_IN_FUTURE', field);
}

/**
 * A team the actor may act on with `permission` (else the same NOT_FOUND as a missing one). Writes
 * lock the team row: everything below a team is changed one writer at a time per team.
 */
export async function requireTeam(
  q: Queryable,
  actor: Actor,
  permission: Permission,
  teamId: number,
  lock = false,
): Promise<TeamRow> {
  await requireAccess(q, actor, permission, rescueTeams, rescueTeams.id, rescueTeams.orgId, [teamId]);
  const query = q.select().from(rescueTeams).where(eq(rescueTeams.id, teamId));
  const [row] = lock ? await query.for('update') : await query;
  return row!;
}

/** The team's members named by `ids`, each checked to serve on `day` (joined by then, not yet left). */
export async function membersServing(
  q: Queryable,
  teamId: number,
  ids: readonly number[],
  day: string,
  fieldOf: (i: number) => string,
): Promise<Map<number, MemberRow>> {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) throw invalid('RESCUE_TEAM_MEMBER_DUPLICATE', fieldOf(i));
  });
  const rows = new Map(
    (
      await q
        .select()
        .from(rescueTeamMembers)
        .where(and(eq(rescueTeamMembers.teamId, teamId), inArray(rescueTeamMembers.id, [...ids])))
    ).map((m) => [m.id, m]),
  );
  ids.forEach((id, i) => {
    const m = rows.get(id);
    if (!m) throw invalid('RESCUE_TEAM_MEMBER_NOT_IN_TEAM', fieldOf(i));
    if (m.joinedOn > day || (m.leftOn !== null && m.leftOn < day))
      throw invalid('RESCUE_TEAM_MEMBER_NOT_SERVING', fieldOf(i), { name: m.name, date: day });
  });
  return rows;
}

/** Teams as the console lists them: society names, serving members, expired certificates, this year's hours. */
export async function presentTeams(
  q: Queryable,
  pii: PiiVault,
  rows: TeamRow[],
  now = new Date(),
): Promise<RescueTeam[]> {
  if (!rows.length) return [];
  const today = shanghaiDate(now);
  const ids = rows.map((r) => r.id);
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  const m = rescueTeamMembers;
  const c = rescueMemberCertificates;
  const serving = and(inArray(m.teamId, ids), isNull(m.leftOn));
  const members = new Map(
    (
      await q
        .select({ teamId: m.teamId, n: sql<number>`count(*)::int` })
        .from(m)
        .where(serving)
        .groupBy(m.teamId)
    ).map((r) => [r.teamId, r.n]),
  );
  const expired = new Map(
    (
      await q
        .select({ teamId: m.teamId, n: sql<number>`count(distinct ${m.id})::int` })
        .from(m)
        .innerJoin(c, eq(c.memberId, m.id))
        .where(and(serving, lt(c.expiresOn, today)))
        .groupBy(m.teamId)
    ).map((r) => [r.teamId, r.n]),
  );
  const thisYear = today.slice(0, 4);
  const hours = new Map(
    (await teamYearTotals(q, ids, Number(thisYear))).map((r) => [r.teamId, r.deploymentHours]),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    name: r.name,
    type: r.type as RescueTeamType,
    foundedOn: r.foundedOn,
    leaderName: r.leaderName,
    contactPhoneMasked: maskMobile(pii.decrypt(r.contactPhoneEnc)),
    baseAddress: r.baseAddress,
    status: r.status as RescueTeamStatus,
    memberCount: members.get(r.id) ?? 0,
    expiredCertificateMembers: expired.get(r.id) ?? 0,
    hoursThisYear: hours.get(r.id) ?? 0,
  }));
}

/**
 * Deployments and drills per team and calendar year (a deployment counts in the year it started).
 * Hours are person-hours: deployed members' own hours; a drill's length times its participants.
 */
export async function teamYearTotals(
  q: Queryable,
  teamIds: number[],
  year?: number,
): Promise<(RescueTeamYear & { teamId: number })[]> {
  if (!teamIds.length) return [];
  const d = rescueDeployments;
  const dm = rescueDeploymentMembers;
  const dr = rescueDrills;
  const dp = rescueDrillParticipants;
  const inYear = (col: typeof d.startedOn | typeof dr.heldOn) =>
    year === undefined ? sql`true` : sql`${col} between ${`${year}-01-01`} and ${`${year}-12-31`}`;
  const rows = await queryRows<{
    team_id: number;
    y: number;
    dep: number;
    dep_min: number;
    dri: number;
    dri_min: number;
  }>(
    q,
    sql`with dep as (
          select ${d.teamId} as team_id, extract(year from ${d.startedOn})::int as y, count(*)::int as n,
            coalesce(sum((select sum(${dm.minutes}) from ${dm} where ${dm.deploymentId} = ${d.id})), 0)::int as minutes
          from ${d} where ${inArray(d.teamId, teamIds)} and ${inYear(d.startedOn)} group by 1, 2
        ), dri as (
          select ${dr.teamId} as team_id, extract(year from ${dr.heldOn})::int as y, count(*)::int as n,
            coalesce(sum(${dr.minutes} * (select count(*) from ${dp} where ${dp.drillId} = ${dr.id})), 0)::int as minutes
          from ${dr} where ${inArray(dr.teamId, teamIds)} and ${inYear(dr.heldOn)} group by 1, 2
        )
        select coalesce(dep.team_id, dri.team_id) as team_id, coalesce(dep.y, dri.y) as y,
          coalesce(dep.n, 0) as dep, coalesce(dep.minutes, 0) as dep_min,
          coalesce(dri.n, 0) as dri, coalesce(dri.minutes, 0) as dri_min
        from dep full join dri on dep.team_id = dri.team_id and dep.y = dri.y
        order by 2 desc, 1`,
  );
  return rows.map((r) => ({
    teamId: Number(r.team_id),
    year: Number(r.y),
    deployments: Number(r.dep),
    deploymentHours: rescueMinutesToHours(Number(r.dep_min)),
    drills: Number(r.dri),
    drillHours: rescueMinutesToHours(Number(r.dri_min)),
  }));
}

/** Members with their certificates, each marked expired / expiring soon as of today (Shanghai). */
export async function presentMembers(
  q: Queryable,
  pii: PiiVault,
  rows: MemberRow[],
  now = new Date(),
): Promise<RescueMember[]> {
  if (!rows.length) return [];
  const today = shanghaiDate(now);
  const soon = addDays(today, RESCUE_CERT_SOON_DAYS);
  const certs = await q
    .select()
    .from(rescueMemberCertificates)
    .where(
      inArray(
        rescueMemberCertificates.memberId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(rescueMemberCertificates.id));
  return rows.map((r) => {
    const own = certs
      .filter((c) => c.memberId === r.id)
      .map((c) => ({
        id: c.id,
        name: c.name,
        number: c.number,
        issuer: c.issuer,
        expiresOn: c.expiresOn,
        expired: c.expiresOn !== null && c.expiresOn < today,
        expiringSoon: c.expiresOn !== null && c.expiresOn >= today && c.expiresOn <= soon,
      }));
    return {
      id: r.id,
      teamId: r.teamId,
      name: r.name,
      gender: r.gender as RescueGender,
      phoneMasked: maskMobile(pii.decrypt(r.phoneEnc)),
      role: r.role as RescueMemberRole,
      joinedOn: r.joinedOn,
      leftOn: r.leftOn,
      skills: r.skills,
      certificates: own,
      expiredCertificates: own.filter((c) => c.expired).length,
    };
  });
}

/** A second serving 队长 (the partial unique index decides between two appointments). */
export const leaderTaken = () => conflict('RESCUE_TEAM_LEADER_TAKEN', 'role');
export const teamNameTaken = (name: string) =>
  new AppError('RESCUE_TEAM_NAME_TAKEN', 409, [{ field: 'name', code: 'RESCUE_TEAM_NAME_TAKEN' }], { name });

/** Replaces a member's certificates with `certs` (nothing else refers to a certificate row). */
export async function writeCertificates(
  tx: Queryable,
  member: MemberRow,
  certs: { name: string; number: string; issuer: string; expiresOn?: string | null }[],
) {
  await tx.delete(rescueMemberCertificates).where(eq(rescueMemberCertificates.memberId, member.id));
  if (certs.length)
    await tx.insert(rescueMemberCertificates).values(
      certs.map((c) => ({
        orgId: member.orgId,
        memberId: member.id,
        name: c.name,
        number: c.number,
        issuer: c.issuer,
        expiresOn: c.expiresOn ?? null,
      })),
    );
}

/** Serving first by rank (队长, 副队长, 队员), then by seniority. */
export const memberOrder = [
  sql`${rescueTeamMembers.leftOn} is not null`,
  sql`case ${rescueTeamMembers.role} when 'leader' then 0 when 'deputy' then 1 else 2 end`,
  asc(rescueTeamMembers.joinedOn),
  asc(rescueTeamMembers.id),
];
