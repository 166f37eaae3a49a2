import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { get, h, idCard, liangxi, lx, newClass, xs } from './testing.ts';
import { useTrainingHarness } from './testing.ts';
import { failStaleBulkImports } from './fail-stale-bulk-imports.ts';
import { trainingBulkImports } from './schema.ts';

useTrainingHarness();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学员名单');
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('填写说明').addRow(['姓名', '身份证号', '这一页不是名单']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (file: Buffer, query: string, cookie = lx) =>
  h.app.inject({
    method: 'POST',
    url: `/api/training/bulk-imports?${query}`,
    headers: { cookie, 'content-type': XLSX },
    payload: file,
  });

async function finished(id: number) {
  for (let i = 0; i < 200; i++) {
    const job = (await get(`/api/training/bulk-imports/${id}`)).json();
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('bulk import did not finish');
}

describe('bulk trainee import', () => {
  it('enrols rows by their class, reports bad rows by line, keeps capacity, and creates nothing twice', async () => {
    const a = await newClass({ title: '批量甲班', capacity: 30 });
    const b = await newClass({ title: '批量乙班', capacity: 2 });
    const foreign = (await get('/api/training/classes?pageSize=200', xs)).json().items[0].id as number;
    const file = await sheet([
      ['姓名', '身份证号', '手机号', '工作单位', '班级编号'],
      ['批量一', idCard(201), '13900002010', '甲单位', a.id],
      ['批量二', idCard(202), null, null, a.id],
      ['批量三', idCard(203), null, null, null], // no class: goes to the upload's class
      ['批量二', idCard(202), null, null, a.id], // same person twice in one class
      ['坏号', '320213199001011230', null, null, a.id],
      ['乙一', idCard(204), null, null, b.id],
      ['乙二', idCard(205), null, null, b.id],
      ['乙三', idCard(206), null, null, b.id], // over capacity
      ['外单位', idCard(207), null, null, foreign],
      ['怪号', idCard(208), null, null, '一班'],
    ]);
    const res = await upload(
      file,
      `orgId=${liangxi}&classId=${a.id}&fileName=${encodeURIComponent('全市名单.xlsx')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'queued', fileName: '全市名单.xlsx' });
    const job = await finished(res.json().id);
    expect(job).toMatchObject({
      status: 'done',
      progress: 1000,
      totalRows: 10,
      created: 5,
      duplicates: 0,
      errorRows: 5,
    });
    expect(job.errors.map((e: { row: number; column: string }) => [e.row, e.column]).sort()).toEqual(
      [
        [5, '身份证号'],
        [6, '身份证号'],
        [9, '班级编号'],
        [10, '班级编号'],
        [11, '班级编号'],
      ].sort(),
    );
    expect(job.errors.find((e: { row: number }) => e.row === 9).message).toBe('班级名额已满');
    const roster = (await get(`/api/training/classes/${a.id}`)).json().trainees as {
      name: string;
      mobileMasked: string | null;
    }[];
    expect(roster.map((t) => t.name).sort()).toEqual(['批量一', '批量三', '批量二'].sort());
    expect(roster.find((t) => t.name === '批量一')!.mobileMasked).toBe('139****2010');

    const again = await finished(
      (await upload(file, `orgId=${liangxi}&classId=${a.id}&fileName=a.xlsx`)).json().id,
    );
    expect(again).toMatchObject({ status: 'done', created: 0, duplicates: 5 });
  });

  it('is the uploader’s society’s: a sibling can neither read the job nor import into its classes', async () => {
    const a = await newClass({ title: '批量丙班' });
    const file = await sheet([
      ['姓名', '身份证号'],
      ['丙一', idCard(210)],
    ]);
    const res = await upload(file, `orgId=${liangxi}&classId=${a.id}&fileName=a.xlsx`);
    await finished(res.json().id);
    expect((await get(`/api/training/bulk-imports/${res.json().id}`, xs)).statusCode).toBe(404);
    const sibling = await upload(file, `orgId=${h.seed.orgs.xishan}&classId=${a.id}&fileName=a.xlsx`, xs);
    expect(sibling.statusCode).toBe(400);
    expect(sibling.json().fields[0]).toMatchObject({ field: 'classId', code: 'NOT_FOUND' });
  });

  it('fails a job with a Chinese reason when the file is no roster or no .xlsx at all', async () => {
    const noHeader = await upload(await sheet([['甲', '乙']]), `orgId=${liangxi}&fileName=a.xlsx`);
    expect(await finished(noHeader.json().id)).toMatchObject({
      status: 'failed',
      failure: '文件缺少必需的列：姓名、身份证号。请使用导入模板',
    });
    const junk = await upload(Buffer.from('not a zip at all'), `orgId=${liangxi}&fileName=a.xlsx`);
    expect(await finished(junk.json().id)).toMatchObject({ status: 'failed' });
    const wrongName = await upload(Buffer.from('x'), `orgId=${liangxi}&fileName=a.csv`);
    expect(wrongName.statusCode).toBe(400);
  });

  it('fails a job left unfinished by a stopped server an hour after its upload, and no younger one', async () => {
    const b = trainingBulkImports;
    const base = { orgId: liangxi, fileName: 'x.xlsx', fileSha256: 'x', createdBy: '测试' };
    const [old, young] = await h.ctx.db
      .insert(b)
      .values([
        { ...base, status: 'running', createdAt: new Date(Date.now() - 2 * 3_600_000) },
        { ...base, status: 'running' },
      ])
      .returning({ id: b.id });
    expect(await failStaleBulkImports(h.ctx.db)).toBe(1);
    expect(await finished(old!.id)).toMatchObject({ status: 'failed', failure: expect.stringContaining('重新上传') });
    expect((await get(`/api/training/bulk-imports/${young!.id}`)).json().status).toBe('running');
  });
});
