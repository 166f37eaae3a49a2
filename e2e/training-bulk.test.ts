import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { idCardCheckChar } from '@boai/contracts';
import { describe, expect, it } from 'vitest';
import { loginAs, shot, useE2e } from './server.ts';

/**
 * The bulk roster import in the console: 梁溪区 uploads a 3,000-row sheet naming two classes, watches
 * the job's progress bar, and reads the result (the rows over a class's seats reported by line).
 */
const e2e = useE2e();

describe('bulk trainee import', () => {
  it('uploads a large roster, shows the job’s progress and its result', async () => {
    const desk = await e2e.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    await loginAs(desk, e2e.server, 'lx_admin');
    const api = (p: string, body?: unknown) =>
      body === undefined
        ? desk.request.get(`${e2e.server.url}${p}`).then((r) => r.json())
        : desk.request.post(`${e2e.server.url}${p}`, { data: body }).then((r) => r.json());
    const liangxi = e2e.server.orgIds['梁溪区红十字会']!;
    const courses = (await api(`/api/training/courses?usableAt=${liangxi}`)) as {
      id: number;
      kind: string;
    }[];
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const classIds: number[] = [];
    for (const capacity of [2000, 900]) {
      const cls = await api('/api/training/classes', {
        orgId: liangxi,
        courseId: courses.find((c) => c.kind === 'awareness')!.id,
        title: `梁溪区全民普及培训（${capacity} 人）`,
        sector: 'community',
        startsOn: today,
        endsOn: today,
        capacity,
        instructorIds: [],
      });
      classIds.push(cls.id);
    }
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学员名单');
    ws.addRow(['姓名', '身份证号', '手机号', '工作单位', '班级编号']);
    for (let i = 0; i < 3000; i++) {
      const first17 = `32021319${70 + (i % 30)}0${(i % 9) + 1}1${i % 10}${String(Math.floor(i / 10) % 1000).padStart(3, '0')}`;
      ws.addRow([`学员${i + 1}`, first17 + idCardCheckChar(first17), null, null, classIds[i < 2000 ? 0 : 1]]);
    }
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'boai-bulk-e2e-')), '全区名单.xlsx');
    await wb.xlsx.writeFile(file);

    await desk.goto(`${e2e.server.url}/console/training/classes`);
    await desk.locator('#bulk-import').click();
    await desk.locator('.ant-modal input[type="file"]').setInputFiles(file);
    await shot(desk, '107-training-bulk-import');
    await desk.locator('#bulk-start').click();
    await desk.locator('#bulk-job .ant-progress').waitFor();
    const counts = desk.locator('#bulk-counts');
    await counts.getByText('新导入 2900 人').waitFor({ timeout: 60_000 });
    expect(await counts.innerText()).toContain('有误 100 行');
    expect(await desk.locator('#bulk-job').innerText()).toContain('班级名额已满');
    await shot(desk, '108-training-bulk-import-done');
    await desk.close();
  });
});
