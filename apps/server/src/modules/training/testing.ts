import { idCardCheckChar, shanghaiDate, addDays } from '@boai/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

export let h: Harness;
export let lx: string;
export let xs: string;
export let liangxi: number;

export const idCard = (i: number) => {
  const first17 = `3202131990${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(500 + i).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
};
export async function xlsx(rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学员名单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
export const get = (url: string, cookie = lx) => h.req('GET', url, { cookie });
export const post = (url: string, body: unknown = {}, cookie = lx) => h.req('POST', url, { cookie, body });

export let firstAiderCourse: number;
export let awarenessCourse: number;
export let renewalCourse: number;
export let zhou: number; // liangxi, qualified for first_aider
export let qian: number; // xishan, awareness + cpr only

export async function newClass(overrides: Record<string, unknown> = {}) {
  const res = await post('/api/training/classes', {
    orgId: liangxi,
    courseId: firstAiderCourse,
    title: '测试救护员培训班',
    sector: 'enterprise',
    startsOn: shanghaiDate(new Date()),
    endsOn: addDays(shanghaiDate(new Date()), 1),
    capacity: 30,
    instructorIds: [zhou],
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; orgId: number };
}

export async function importRoster(classId: number, people: [string, string, string | null][]) {
  const file = await xlsx([
    ['姓名', '身份证号', '手机号', '工作单位'],
    ...people.map(([n, i, m]) => [n, i, m, '测试单位']),
  ]);
  const preview = await post(`/api/training/classes/${classId}/imports`, {
    fileName: '名单.xlsx',
    contentBase64: file,
  });
  expect(preview.statusCode, preview.body).toBe(200);
  const commit = await post(`/api/training/imports/${preview.json().id}/commit`);
  expect(commit.statusCode, commit.body).toBe(200);
  return commit.json();
}

/**
 * The training tests' shared setting: one app on a fresh database with the demo, logged in as 梁溪区
 * and 锡山区, with the demo's courses and instructors looked up. The bindings are live (ES modules),
 * filled in by the `beforeAll` this registers in the calling test file.
 */
export function useTrainingHarness(): void {
  beforeAll(async () => {
    h = await startHarness();
    lx = await h.login('lx_admin');
    xs = await h.login('xs_admin');
    liangxi = h.seed.orgs.liangxi!;
    const courses = (await get(`/api/training/courses?usableAt=${liangxi}`)).json() as {
      id: number;
      kind: string;
    }[];
    firstAiderCourse = courses.find((c) => c.kind === 'first_aider')!.id;
    awarenessCourse = courses.find((c) => c.kind === 'awareness')!.id;
    renewalCourse = courses.find((c) => c.kind === 'renewal')!.id;
    const instructors = (await get(`/api/training/instructors?usableAt=${liangxi}`)).json() as {
      id: number;
      name: string;
    }[];
    zhou = instructors.find((i) => i.name === '周晓梅')!.id;
    const xsInstructors = (await get(`/api/training/instructors?orgId=${h.seed.orgs.xishan}`, xs)).json() as {
      id: number;
      name: string;
    }[];
    qian = xsInstructors.find((i) => i.name === '钱国栋')!.id;
  });
  afterAll(() => h?.close());
}
