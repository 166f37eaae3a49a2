import {
  RESCUE_ASSESSMENT_GRADE_LABELS,
  RESCUE_ASSESSMENT_STATUS_LABELS,
  RESCUE_TEAM_TYPE_LABELS,
  type RescueAssessment,
  type RescueAssessmentListQuery,
  type RescueAssessmentRow,
  type RescueTeamType,
} from '@boai/contracts';
import { and, asc, count, desc, eq, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { orgNamesById } from '../orgs/index.ts';
import { presentAssessments } from './assessments.ts';
import { requireTeam } from './repository.ts';
import { rescueAssessments, rescueTeams } from './schema.ts';

/** Every year's assessment of one team, newest first. */
export async function teamAssessments(
  q: Queryable,
  actor: Actor,
  teamId: number,
): Promise<RescueAssessment[]> {
  await requireTeam(q, actor, 'relief:read', teamId);
  const rows = await q
    .select()
    .from(rescueAssessments)
    .where(eq(rescueAssessments.teamId, teamId))
    .orderBy(desc(rescueAssessments.year));
  return presentAssessments(q, rows);
}

type Filters = Omit<RescueAssessmentListQuery, 'page' | 'pageSize'>;
type JoinedRow = {
  team: typeof rescueTeams.$inferSelect;
  assessment: typeof rescueAssessments.$inferSelect | null;
};

const t = rescueTeams;
const a = rescueAssessments;
const joinYear = (year: number) => and(eq(a.teamId, t.id), eq(a.year, year));

/** Teams in scope for the year: active ones (assessed or still to be) and any assessed that year. */
const yearFilter = (actor: Actor, query: Filters): SQL =>
  and(
    inScope(actor, 'relief:read', t.orgId),
    query.orgId ? inOrgSubtree(t.orgId, query.orgId) : undefined,
    or(eq(t.status, 'active'), isNotNull(a.id)),
    query.grade ? eq(a.grade, query.grade) : undefined,
  )!;

/** Best share of the maximum first (criteria differ between assessors), teams not yet assessed last. */
const ranking = [
  sql`${a.total}::numeric / nullif(${a.maxTotal}, 0) desc nulls last`,
  asc(t.orgId),
  asc(t.id),
];

async function present(q: Queryable, rows: JoinedRow[]): Promise<RescueAssessmentRow[]> {
  const shown = new Map(
    (
      await presentAssessments(
        q,
        rows.flatMap((r) => (r.assessment ? [r.assessment] : [])),
      )
    ).map((x) => [x.teamId, x]),
  );
  const names = await orgNamesById(
    q,
    rows.map((r) => r.team.orgId),
  );
  return rows.map(({ team }) => {
    const x = shown.get(team.id);
    return {
      teamId: team.id,
      teamName: team.name,
      orgName: names.get(team.orgId) ?? '',
      type: team.type as RescueTeamType,
      assessment: x
        ? {
            id: x.id,
            assessorOrgName: x.assessorOrgName,
            status: x.status,
            total: x.total,
            maxTotal: x.maxTotal,
            grade: x.grade,
          }
        : null,
    };
  });
}

/** 年度考核结果: one line per team in scope. */
export async function listAssessments(q: Queryable, actor: Actor, query: RescueAssessmentListQuery) {
  const where = yearFilter(actor, query);
  const [{ total }] = (await q
    .select({ total: count() })
    .from(t)
    .leftJoin(a, joinYear(query.year))
    .where(where)) as [{ total: number }];
  const rows = await q
    .select({ team: t, assessment: a })
    .from(t)
    .leftJoin(a, joinYear(query.year))
    .where(where)
    .orderBy(...ranking)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await present(q, rows), total, page: query.page, pageSize: query.pageSize };
}

const COLUMNS = [
  { header: '所属红十字会', width: 20 },
  { header: '救援队', width: 26 },
  { header: '类型', width: 12 },
  { header: '考核单位', width: 20 },
  { header: '状态', width: 8 },
  { header: '得分', width: 8 },
  { header: '满分', width: 8 },
  { header: '得分率', width: 8 },
  { header: '等级', width: 8 },
];

export async function exportAssessments(q: Queryable, actor: Actor, query: Filters): Promise<Readable> {
  const items = await present(
    q,
    await q
      .select({ team: t, assessment: a })
      .from(t)
      .leftJoin(a, joinYear(query.year))
      .where(yearFilter(actor, query))
      .orderBy(...ranking)
      .limit(5000),
  );
  async function* rows() {
    for (const r of items) {
      const x = r.assessment;
      yield [
        r.orgName,
        r.teamName,
        RESCUE_TEAM_TYPE_LABELS[r.type].zh,
        x?.assessorOrgName ?? '',
        x ? RESCUE_ASSESSMENT_STATUS_LABELS[x.status].zh : '未考核',
        x?.total ?? '',
        x?.maxTotal ?? '',
        x && x.maxTotal ? `${Math.round((x.total * 1000) / x.maxTotal) / 10}%` : '',
        x?.grade ? RESCUE_ASSESSMENT_GRADE_LABELS[x.grade].zh : '',
      ];
    }
  }
  return streamXlsx(`${query.year}年度考核`, COLUMNS, rows());
}
