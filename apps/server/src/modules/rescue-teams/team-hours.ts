import {
  RESCUE_TEAM_TYPE_LABELS,
  type RescueTeamHoursQuery,
  type RescueTeamHoursRow,
  type RescueTeamType,
} from '@boai/contracts';
import { and, asc, eq, exists, or, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { orgNamesById } from '../orgs/index.ts';
import { teamYearTotals } from './repository.ts';
import { rescueDeployments, rescueTeams } from './schema.ts';

/**
 * 年度出勤统计: per team in scope, the year's deployments and drills with their person-hours. Active
 * teams are listed even with nothing that year; a team stood down appears if it deployed.
 */
export async function teamHours(
  q: Queryable,
  actor: Actor,
  query: RescueTeamHoursQuery,
): Promise<RescueTeamHoursRow[]> {
  const t = rescueTeams;
  const d = rescueDeployments;
  const teams = await q
    .select()
    .from(t)
    .where(
      and(
        inScope(actor, 'relief:read', t.orgId),
        query.orgId ? inOrgSubtree(t.orgId, query.orgId) : undefined,
        or(
          eq(t.status, 'active'),
          exists(
            q
              .select({ one: sql`1` })
              .from(d)
              .where(
                and(
                  eq(d.teamId, t.id),
                  sql`${d.startedOn} between ${`${query.year}-01-01`} and ${`${query.year}-12-31`}`,
                ),
              ),
          ),
        ),
      ),
    )
    .orderBy(asc(t.orgId), asc(t.name))
    .limit(2000);
  const totals = new Map(
    (
      await teamYearTotals(
        q,
        teams.map((x) => x.id),
        query.year,
      )
    ).map((r) => [r.teamId, r]),
  );
  const names = await orgNamesById(
    q,
    teams.map((x) => x.orgId),
  );
  return teams
    .map((x) => ({
      teamId: x.id,
      teamName: x.name,
      orgName: names.get(x.orgId) ?? '',
      type: x.type as RescueTeamType,
      year: query.year,
      deployments: totals.get(x.id)?.deployments ?? 0,
      deploymentHours: totals.get(x.id)?.deploymentHours ?? 0,
      drills: totals.get(x.id)?.drills ?? 0,
      drillHours: totals.get(x.id)?.drillHours ?? 0,
    }))
    .sort((a, b) => b.deploymentHours + b.drillHours - (a.deploymentHours + a.drillHours));
}

const COLUMNS = [
  { header: '所属红十字会', width: 20 },
  { header: '救援队', width: 26 },
  { header: '类型', width: 12 },
  { header: '出队次数', width: 10 },
  { header: '出队人时', width: 10 },
  { header: '演练次数', width: 10 },
  { header: '演练人时', width: 10 },
  { header: '合计人时', width: 10 },
];

export async function exportTeamHours(
  q: Queryable,
  actor: Actor,
  query: RescueTeamHoursQuery,
): Promise<Readable> {
  const items = await teamHours(q, actor, query);
  async function* rows() {
    for (const r of items)
      yield [
        r.orgName,
        r.teamName,
        RESCUE_TEAM_TYPE_LABELS[r.type].zh,
        r.deployments,
        r.deploymentHours,
        r.drills,
        r.drillHours,
        Math.round((r.deploymentHours + r.drillHours) * 10) / 10,
      ];
  }
  return streamXlsx(`${query.year}年度出勤`, COLUMNS, rows());
}
