/**
 * Benchmark (issue 6): 200,000 trainee rows from one .xlsx, through the real server on PostgreSQL.
 *
 *   npm run bench:training-import                 # 200,000 rows over 100 classes
 *   npm run bench:training-import -- --rows 50000
 *
 * Generates the file (exceljs streaming writer: name, valid 身份证号, mobile, employer, 班级编号),
 * opens 2,000-seat awareness classes at the province for the rows to name, uploads the file as the
 * console does (POST /api/training/bulk-imports, the raw .xlsx as body), then polls the job as the
 * console's progress bar does until it is done. The time is from the start of the upload to the job
 * done, against the issue's 60 s; every row must be enrolled.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { idCardCheckChar } from '@boai/contracts';
import ExcelJS from 'exceljs';
import { adminSession, ok, sleep, startServer } from './support.ts';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '200000' }, limit: { type: 'string', default: '60' } },
});
const rows = Number(args.rows);
const limitSeconds = Number(args.limit);
const SEATS = 2000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程苏魏吕丁';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
];

/** A valid, distinct 身份证号 for each i: a birth day per 999 people, a sequence within it. */
function idCard(i: number): string {
  const born = new Date(Date.UTC(1960, 0, 1) + Math.floor(i / 999) * 86_400_000);
  const ymd = born.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `320102${ymd}${String((i % 999) + 1).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

async function writeSheet(file: string, classIds: number[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('学员名单');
  ws.addRow(['姓名', '身份证号', '手机号', '工作单位', '班级编号']).commit();
  for (let i = 0; i < rows; i++)
    ws.addRow([
      SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!,
      idCard(i),
      `139${String(i).padStart(8, '0')}`,
      `无锡市第${(i % 500) + 1}中学`,
      classIds[Math.floor(i / SEATS)]!,
    ]).commit();
  ws.commit();
  await wb.commit();
}

const server = await startServer({ kind: 'postgres', name: 'training_import' });
const dir = mkdtempSync(path.join(tmpdir(), 'boai-bench-training-'));
try {
  const api = await adminSession(server.url);
  const orgs = (await api.get('/api/orgs')) as { items: { id: number; level: string }[] };
  const province = orgs.items.find((o) => o.level === 'province')!.id;
  const courses = (await api.get(`/api/training/courses?usableAt=${province}`)) as {
    id: number;
    kind: string;
  }[];
  const awareness = courses.find((c) => c.kind === 'awareness')!.id;
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const classIds: number[] = [];
  for (let i = 0; i < Math.ceil(rows / SEATS); i++) {
    const cls = await api.post('/api/training/classes', {
      orgId: province,
      courseId: awareness,
      title: `全省应急救护普及培训第 ${i + 1} 期`,
      sector: 'community',
      startsOn: today,
      endsOn: today,
      capacity: SEATS,
      instructorIds: [],
    });
    if (typeof cls.id !== 'number') throw new Error(`class not created: ${JSON.stringify(cls)}`);
    classIds.push(cls.id);
  }

  const file = path.join(dir, 'trainees.xlsx');
  let t = performance.now();
  await writeSheet(file, classIds);
  console.log(
    `generated ${rows.toLocaleString()} rows in ${((performance.now() - t) / 1000).toFixed(1)} s ` +
      `(${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, ${classIds.length} classes)`,
  );

  const body = readFileSync(file);
  t = performance.now();
  const res = await fetch(
    `${server.url}/api/training/bulk-imports?orgId=${province}&fileName=trainees.xlsx`,
    {
      method: 'POST',
      headers: { cookie: api.headers.cookie, 'content-type': XLSX },
      body,
    },
  );
  const queued = (await res.json()) as { id: number };
  if (!res.ok) throw new Error(`upload refused: ${JSON.stringify(queued)}`);
  const uploaded = (performance.now() - t) / 1000;
  let job: Record<string, unknown>;
  let lastShown = -1;
  for (;;) {
    job = (await api.get(`/api/training/bulk-imports/${queued.id}`)) as Record<string, unknown>;
    const p = Math.floor((job.progress as number) / 100);
    if (p !== lastShown) {
      console.log(
        `  ${((performance.now() - t) / 1000).toFixed(1)} s  ${job.progress}‰  ${job.created} enrolled`,
      );
      lastShown = p;
    }
    if (job.status === 'done' || job.status === 'failed') break;
    await sleep(250);
  }
  const seconds = (performance.now() - t) / 1000;
  const allIn = job.status === 'done' && job.created === rows && job.errorRows === 0;
  console.log(
    `upload answered in ${uploaded.toFixed(2)} s; job ${job.status}: ${job.created} enrolled, ` +
      `${job.duplicates} skipped, ${job.errorRows} bad rows${job.failure ? ` (${job.failure})` : ''}`,
  );
  console.log(
    `import of ${rows.toLocaleString()} rows: ${seconds.toFixed(1)} s (limit ${limitSeconds} s, ` +
      `${((seconds / limitSeconds) * 100).toFixed(0)}% of it), ${Math.round(rows / seconds).toLocaleString()} rows/s` +
      `  ${ok(seconds <= limitSeconds && allIn)}`,
  );
  if (!allIn || seconds > limitSeconds) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
  await server.dispose();
}
