import { describe, expect, it } from 'vitest';
import {
  get,
  h,
  liangxi,
  newTeam,
  ok,
  put,
  readXlsx,
  today,
  useRescueTeamHarness,
  wx,
  xs,
} from './testing.ts';

useRescueTeamHarness();

const thisYear = Number(today.slice(0, 4));
const CRITERIA = [
  { name: '队伍建设', maxScore: 30 },
  { name: '培训演练', maxScore: 40 },
  { name: '应急响应', maxScore: 30 },
];
type Set = { criteria: { id: number; maxScore: number }[] };
const scores = (set: Set, marks: number[]) =>
  set.criteria.map((c, i) => ({ criterionId: c.id, score: marks[i]! }));

describe('yearly assessment (考核评估)', () => {
  it('keeps criteria per society and year, in the order given, refusing duplicate names', async () => {
    const set = ok(
      await put('/api/rescue-teams/criteria', { orgId: liangxi, year: thisYear, criteria: CRITERIA }),
    );
    expect(set).toMatchObject({ orgName: '梁溪区红十字会', maxTotal: 100, locked: false });
    expect(set.criteria.map((c: { name: string; sortOrder: number }) => [c.name, c.sortOrder])).toEqual([
      ['队伍建设', 1],
      ['培训演练', 2],
      ['应急响应', 3],
    ]);
    const dup = await put('/api/rescue-teams/criteria', {
      orgId: liangxi,
      year: thisYear,
      criteria: [...CRITERIA, { name: '培训演练', maxScore: 5 }],
    });
    expect(dup.json().fields[0]).toMatchObject({
      field: 'criteria.3.name',
      code: 'RESCUE_CRITERIA_DUPLICATE',
    });
    expect((await get(`/api/rescue-teams/criteria?orgId=${liangxi}&year=${thisYear}`, xs)).statusCode).toBe(
      404,
    );
    expect(
      (await put('/api/rescue-teams/criteria', { orgId: liangxi, year: thisYear, criteria: CRITERIA }, xs))
        .statusCode,
    ).toBe(400);
  });

  it('scores within each maximum, completes only when all are scored, and grades by share of the maximum', async () => {
    const set = ok(
      await put('/api/rescue-teams/criteria', { orgId: liangxi, year: thisYear - 1, criteria: CRITERIA }),
    );
    const { team } = await newTeam(1);
    const url = `/api/rescue-teams/${team.id}/assessments/${thisYear - 1}`;
    const over = await put(url, { assessorOrgId: liangxi, scores: scores(set, [31, 20, 20]) });
    expect(over.json().fields[0]).toMatchObject({
      field: 'scores.0.score',
      code: 'RESCUE_ASSESSMENT_SCORE_OVER_MAX',
    });
    expect(over.json().message).toContain('30');
    const foreign = await put(url, { assessorOrgId: liangxi, scores: [{ criterionId: 999_999, score: 1 }] });
    expect(foreign.json().fields[0]).toMatchObject({
      field: 'scores.0.criterionId',
      code: 'RESCUE_ASSESSMENT_CRITERION_UNKNOWN',
    });

    const draft = ok(await put(url, { assessorOrgId: liangxi, scores: scores(set, [27, 36]).slice(0, 2) }));
    expect(draft).toMatchObject({ status: 'draft', scoredCount: 2, total: 63, maxTotal: 100, grade: null });
    expect(draft.scores[2]).toMatchObject({ name: '应急响应', score: null });
    const early = await put(url, {
      assessorOrgId: liangxi,
      scores: scores(set, [27, 36]).slice(0, 2),
      finalize: true,
    });
    expect(early.json().fields[0]).toMatchObject({ field: 'scores', code: 'RESCUE_ASSESSMENT_INCOMPLETE' });
    expect(early.json().message).toContain('1 项');

    // 27 + 36 + 27 = 90 of 100: exactly 90 % is 优秀.
    const done = ok(
      await put(url, { assessorOrgId: liangxi, scores: scores(set, [27, 36, 27]), finalize: true }),
    );
    expect(done).toMatchObject({ status: 'final', total: 90, grade: 'excellent', finalizedBy: 'lx_admin' });
    const again = await put(url, { assessorOrgId: liangxi, scores: scores(set, [30, 40, 30]) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('RESCUE_ASSESSMENT_FINAL');

    // Criteria a team was scored on are fixed.
    const change = await put('/api/rescue-teams/criteria', {
      orgId: liangxi,
      year: thisYear - 1,
      criteria: CRITERIA.slice(1),
    });
    expect(change.json().code).toBe('RESCUE_CRITERIA_IN_USE');
    expect(ok(await get(`/api/rescue-teams/criteria?orgId=${liangxi}&year=${thisYear - 1}`)).locked).toBe(
      true,
    );
    expect(ok(await get(`/api/rescue-teams/${team.id}/assessments`))[0]).toMatchObject({
      year: thisYear - 1,
      grade: 'excellent',
    });
  });

  it('grades 良好 from 75 %, 合格 from 60 %, else 不合格', async () => {
    const set = ok(await get(`/api/rescue-teams/criteria?orgId=${liangxi}&year=${thisYear}`));
    const graded = [];
    for (const marks of [
      [30, 30, 29],
      [22, 30, 23],
      [20, 20, 20],
      [20, 19, 20],
    ]) {
      const { team } = await newTeam(1);
      graded.push(
        ok(
          await put(`/api/rescue-teams/${team.id}/assessments/${thisYear}`, {
            assessorOrgId: liangxi,
            scores: scores(set, marks),
          }),
        ),
      );
    }
    expect(graded.map((a) => [a.total, a.grade])).toEqual([
      [89, 'good'],
      [75, 'good'],
      [60, 'pass'],
      [59, 'fail'],
    ]);
  });

  it('is done by the team’s own society or one above, once a year, never by a sibling or a child', async () => {
    const { team } = await newTeam(1);
    const year = thisYear - 1;
    // 无锡市 (above 梁溪区) has criteria from the demo.
    const city = ok(await get(`/api/rescue-teams/criteria?orgId=${h.seed.orgs.wuxi}&year=${year}`, wx));
    const byCity = ok(
      await put(
        `/api/rescue-teams/${team.id}/assessments/${year}`,
        {
          assessorOrgId: h.seed.orgs.wuxi,
          scores: scores(
            city,
            city.criteria.map((c: { maxScore: number }) => c.maxScore),
          ),
        },
        wx,
      ),
    );
    expect(byCity).toMatchObject({ assessorOrgName: '无锡市红十字会', grade: 'excellent' });
    const second = await put(`/api/rescue-teams/${team.id}/assessments/${year}`, {
      assessorOrgId: liangxi,
      scores: [],
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'RESCUE_ASSESSMENT_EXISTS' });
    expect(second.json().message).toContain('无锡市红十字会');

    // A child society (崇安寺街道) may not assess its parent's team, even with criteria of its own.
    const child = h.seed.orgs.chonganshi!;
    ok(await put('/api/rescue-teams/criteria', { orgId: child, year: thisYear, criteria: CRITERIA }));
    const other = await newTeam(1);
    const below = await put(`/api/rescue-teams/${other.team.id}/assessments/${thisYear}`, {
      assessorOrgId: child,
      scores: [],
    });
    expect(below.json().fields[0]).toMatchObject({
      field: 'assessorOrgId',
      code: 'RESCUE_ASSESSMENT_ASSESSOR_NOT_ABOVE',
    });
    const none = await put(`/api/rescue-teams/${other.team.id}/assessments/${thisYear - 3}`, {
      assessorOrgId: liangxi,
      scores: [],
    });
    expect(none.json().fields[0]).toMatchObject({
      field: 'assessorOrgId',
      code: 'RESCUE_ASSESSMENT_NO_CRITERIA',
    });
    const future = await put(`/api/rescue-teams/${other.team.id}/assessments/${thisYear + 1}`, {
      assessorOrgId: liangxi,
      scores: [],
    });
    expect(future.json().fields[0]).toMatchObject({ field: 'year', code: 'RESCUE_ASSESSMENT_YEAR_FUTURE' });
    expect(
      (
        await put(
          `/api/rescue-teams/${other.team.id}/assessments/${thisYear}`,
          { assessorOrgId: h.seed.orgs.xishan, scores: [] },
          xs,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('lists the year per team in scope, the unassessed last, and exports it', async () => {
    const year = thisYear - 1;
    const city = ok(await get(`/api/rescue-teams/assessments?year=${year}&pageSize=200`, wx));
    const names = city.items.map((r: { teamName: string }) => r.teamName);
    expect(names).toContain('江阴市红十字长江水上救援队');
    expect(names).not.toContain('吴中区红十字太湖山地救援队'); // 苏州, not below 无锡
    const assessed = city.items.filter((r: { assessment: unknown }) => r.assessment);
    const shares = assessed.map(
      (r: { assessment: { total: number; maxTotal: number } }) => r.assessment.total / r.assessment.maxTotal,
    );
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(city.items.at(-1).assessment).toBeNull();
    const fails = ok(await get(`/api/rescue-teams/assessments?year=${year}&grade=fail&pageSize=200`, wx));
    expect(fails.items.every((r: { assessment: { grade: string } }) => r.assessment.grade === 'fail')).toBe(
      true,
    );
    expect(fails.items.length).toBeGreaterThan(0);
    const sibling = ok(await get(`/api/rescue-teams/assessments?year=${year}&pageSize=200`, xs));
    expect(sibling.items.some((r: { orgName: string }) => r.orgName.startsWith('梁溪区'))).toBe(false);

    const rows = await readXlsx(await get(`/api/rescue-teams/assessments.xlsx?year=${year}`, wx));
    expect(rows[0]).toEqual([
      '所属红十字会',
      '救援队',
      '类型',
      '考核单位',
      '状态',
      '得分',
      '满分',
      '得分率',
      '等级',
    ]);
    expect(rows.length - 1).toBe(city.total);
    expect(rows.slice(1).some((r) => r[8] === '优秀')).toBe(true);
    expect(rows.slice(1).some((r) => r[4] === '未考核')).toBe(true);
  });
});
