import { shanghaiDate, addDays } from '@boai/contracts';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

/** One harness per test file (the demo tree with its 救援队), logged in as 梁溪区 and its sibling 锡山区. */
export let h: Harness;
export let lx: string;
export let xs: string;
export let wx: string;
export let liangxi: number;

export const today = shanghaiDate(new Date());
export const ago = (days: number) => addDays(today, -days);
export const get = (url: string, cookie = lx) => h.req('GET', url, { cookie });
export const post = (url: string, body: unknown = {}, cookie = lx) => h.req('POST', url, { cookie, body });
export const put = (url: string, body: unknown = {}, cookie = lx) => h.req('PUT', url, { cookie, body });
export const patch = (url: string, body: unknown = {}, cookie = lx) => h.req('PATCH', url, { cookie, body });

export function useRescueTeamHarness() {
  beforeAll(async () => {
    h = await startHarness();
    [lx, xs, wx] = await Promise.all([h.login('lx_admin'), h.login('xs_admin'), h.login('wx_admin')]);
    liangxi = h.seed.orgs.liangxi!;
  });
  afterAll(() => h?.close());
}

export const ok = (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

let n = 0;
/** A fresh team of 梁溪区 with `size` serving members (the first is 队长). */
export async function newTeam(size = 4, over: Record<string, unknown> = {}) {
  n++;
  const team = ok(
    await post('/api/rescue-teams', {
      orgId: liangxi,
      name: `测试救援队${n}-${Math.random().toString(36).slice(2, 6)}`,
      type: 'relief',
      foundedOn: ago(800),
      leaderName: '测试队长',
      contactPhone: '13912340000',
      baseAddress: '无锡市梁溪区测试路 1 号',
      ...over,
    }),
  );
  const members: { id: number; name: string }[] = [];
  for (let i = 0; i < size; i++)
    members.push(
      ok(
        await post(`/api/rescue-teams/${team.id}/members`, {
          name: `队员${n}${'甲乙丙丁戊己庚辛'[i]}`,
          gender: 'male',
          phone: `1390000${String(n * 10 + i).padStart(4, '0')}`,
          role: i === 0 ? 'leader' : 'member',
          joinedOn: ago(700),
        }),
      ),
    );
  return { team: team as { id: number; name: string; orgId: number }, members };
}

/** Reads a downloaded .xlsx back: its first sheet as rows of cell texts (header row included). */
export async function readXlsx(res: LightMyRequestResponse): Promise<string[][]> {
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) =>
    rows.push(
      (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return rows;
}
