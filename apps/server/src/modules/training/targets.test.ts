import { shanghaiDate } from '@boai/contracts';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { goalOf } from './targets.ts';
import {
  awarenessCourse,
  get,
  h,
  idCard,
  importRoster,
  liangxi,
  lx,
  newClass,
  post,
  useTrainingHarness,
  xs,
} from './testing.ts';

useTrainingHarness();

const today = shanghaiDate(new Date());
const year = Number(today.slice(0, 4));
const month = Number(today.slice(5, 7));

interface Counts {
  certified: number;
  reached: number;
}
interface Progress extends Counts {
  target: { certifiedGoal: number; reachedGoal: number; basis: string } | null;
  children: (Counts & { orgId: number; orgName: string; target: unknown })[];
  months: (Counts & { month: number })[];
  sectors: (Counts & { sector: string })[];
}
const progress = async (orgId: number, cookie = lx) => {
  const res = await get(`/api/training/targets/progress?orgId=${orgId}&year=${year}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Progress;
};
const put = (body: unknown, cookie = lx) => h.req('PUT', '/api/training/targets', { cookie, body });

/** Runs a class to its end: everyone attends but the last, results as the course judges, certificates. */
async function runClass(
  orgId: number,
  courseId: number | undefined,
  sector: string,
  people: number,
  from: number,
) {
  const cls = await newClass({
    orgId,
    sector,
    startsOn: today,
    endsOn: today,
    ...(courseId ? { courseId, instructorIds: [] } : {}),
  });
  await importRoster(
    cls.id,
    Array.from(
      { length: people },
      (_, i) => [`学员${from + i}`, idCard(from + i), null] as [string, string, null],
    ),
  );
  const trainees = (await get(`/api/training/classes/${cls.id}`)).json().trainees as { id: number }[];
  const res = await post(`/api/training/classes/${cls.id}/results`, {
    results: trainees.map((t, i) => ({
      traineeId: t.id,
      attended: i < people - 1,
      ...(courseId ? {} : { theoryScore: 90, practicalScore: 90 }),
    })),
  });
  expect(res.statusCode, res.body).toBe(200);
  const issued = await post(`/api/training/classes/${cls.id}/certificates`);
  expect(issued.statusCode, issued.body).toBe(200);
  return issued.json().issued as { number: string }[];
}

describe('yearly targets', () => {
  it('rounds a share up to whole people', () => {
    expect(goalOf('share', 1001, 30)).toBe(4);
    expect(goalOf('share', 960_000, 30)).toBe(2880);
    expect(goalOf('count', null, 60)).toBe(60);
  });

  it('carries the demo’s seeded share of the population, read in people', async () => {
    const p = await progress(liangxi);
    expect(p.target).toMatchObject({ basis: 'share', certifiedGoal: 2880, reachedGoal: 28_800 });
  });

  it('refuses a share without population or above 100 %, and a sibling’s society, by field', async () => {
    const noPop = await put({ orgId: liangxi, year, basis: 'share', certified: 30, reached: 300 });
    expect(noPop.statusCode).toBe(400);
    expect(noPop.json().fields).toEqual([
      expect.objectContaining({ field: 'population', code: 'TRAINING_TARGET_POPULATION_REQUIRED' }),
    ]);
    const tooMuch = await put({
      orgId: liangxi,
      year,
      basis: 'share',
      population: 1000,
      certified: 10_001,
      reached: 1,
    });
    expect(tooMuch.json().fields[0]).toMatchObject({
      field: 'certified',
      code: 'TRAINING_TARGET_SHARE_TOO_LARGE',
    });
    const sibling = await put({ orgId: liangxi, year, basis: 'count', certified: 1, reached: 1 }, xs);
    expect(sibling.statusCode).toBe(400);
    expect(sibling.json().fields[0]).toMatchObject({ field: 'orgId', code: 'NOT_FOUND' });
    expect((await get(`/api/training/targets/progress?orgId=${liangxi}&year=${year}`, xs)).statusCode).toBe(
      404,
    );
    const badYear = await get(`/api/training/targets/progress?orgId=${liangxi}&year=1800`);
    expect(badYear.statusCode).toBe(400);
  });

  it('sets a count target for a year and replaces it on a second save', async () => {
    const first = await put({
      orgId: liangxi,
      year: year + 1,
      basis: 'count',
      certified: 100,
      reached: 1000,
    });
    expect(first.statusCode, first.body).toBe(200);
    const second = await put({
      orgId: liangxi,
      year: year + 1,
      basis: 'count',
      certified: 120,
      reached: 1500,
    });
    expect(second.json()).toMatchObject({ certifiedGoal: 120, reachedGoal: 1500, population: null });
    const p = (await get(`/api/training/targets/progress?orgId=${liangxi}&year=${year + 1}`)).json();
    expect(p).toMatchObject({ target: { certified: 120 }, certified: 0, reached: 0 });
  });
});

describe('progress', () => {
  let before: Progress;
  const chonganshi = () => h.seed.orgs.chonganshi!;
  beforeAll(async () => {
    before = await progress(liangxi);
  });

  it('counts new first aiders by month and sector, and awareness attendance in the child’s subtree', async () => {
    const certs = await runClass(liangxi, undefined, 'school', 3, 300);
    expect(certs).toHaveLength(2);
    await runClass(chonganshi(), awarenessCourse, 'community', 4, 400);
    const after = await progress(liangxi);
    expect(after.certified - before.certified).toBe(2);
    expect(after.reached - before.reached).toBe(3);
    const m = (p: Progress) => p.months.find((x) => x.month === month)!;
    expect(m(after).certified - m(before).certified).toBe(2);
    expect(m(after).reached - m(before).reached).toBe(3);
    const s = (p: Progress, sector: string) => p.sectors.find((x) => x.sector === sector)!;
    expect(s(after, 'school').certified - s(before, 'school').certified).toBe(2);
    expect(s(after, 'community').reached - s(before, 'community').reached).toBe(3);
    const child = (p: Progress) => p.children.find((c) => c.orgId === chonganshi())!;
    expect(child(after).reached - child(before).reached).toBe(3);
    expect(child(after).target).toMatchObject({ basis: 'count', certifiedGoal: 60 });
    // The whole is the sum of its parts: the society's own rows plus each child's subtree.
    const wuxi = await progress(h.seed.orgs.wuxi!, await h.login('wx_admin'));
    expect(wuxi.children.find((c) => c.orgId === liangxi)).toMatchObject({
      certified: after.certified,
      reached: after.reached,
    });

    // A revoked certificate no longer counts.
    const [row] = (await get(`/api/training/certificates?q=${certs[0]!.number}`)).json().items as {
      id: number;
    }[];
    await post(`/api/training/certificates/${row!.id}/revoke`, { reason: '测试撤销' });
    expect((await progress(liangxi)).certified - before.certified).toBe(1);
  });

  it('exports the table the page shows as .xlsx', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/training/targets/progress.xlsx?orgId=${liangxi}&year=${year}`,
      headers: { cookie: lx },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const p = await progress(liangxi);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '梁溪区红十字会（合计）',
      960_000,
      2880,
      p.certified,
      `${((p.certified * 100) / 2880).toFixed(1)}%`,
      28_800,
      p.reached,
      `${((p.reached * 100) / 28_800).toFixed(1)}%`,
    ]);
    expect(ws.rowCount).toBe(2 + p.children.length);
  });
});
