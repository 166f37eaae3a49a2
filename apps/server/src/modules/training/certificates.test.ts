import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shanghaiDate, addDays } from '@boai/contracts';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { queueExpiryReminders } from './expiry-reminders.ts';
import { VERIFY_RULE, verifyCertificate } from './verify-certificate.ts';
import {
  get,
  h,
  idCard,
  importRoster,
  liangxi,
  lx,
  newClass,
  post,
  renewalCourse,
  useTrainingHarness,
  xlsx,
  xs,
} from './testing.ts';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'boai-training-'));

useTrainingHarness();

describe('results and certificates', () => {
  let classId: number;
  let trainees: { id: number; name: string }[];
  beforeAll(async () => {
    classId = (await newClass({ title: '证书测试班' })).id;
    await importRoster(classId, [
      ['陈合格', idCard(20), '13900000020'],
      ['林不及格', idCard(21), null],
      ['郑缺勤', idCard(22), null],
      ['何补考', idCard(23), null],
    ]);
    trainees = (await get(`/api/training/classes/${classId}`)).json().trainees;
  });
  const idOf = (name: string) => trainees.find((t) => t.name === name)!.id;

  it('judges by the course rule, refuses scores for someone not on the roster by line', async () => {
    const bad = await post(`/api/training/classes/${classId}/results`, {
      results: [
        { traineeId: idOf('陈合格'), attended: true, theoryScore: 90, practicalScore: 88 },
        { traineeId: 2_000_000, attended: true },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([
      expect.objectContaining({ field: 'results.1.traineeId', code: 'TRAINING_TRAINEE_NOT_IN_CLASS' }),
    ]);
    const res = await post(`/api/training/classes/${classId}/results`, {
      results: [
        { traineeId: idOf('陈合格'), attended: true, theoryScore: 90, practicalScore: 88 },
        { traineeId: idOf('林不及格'), attended: true, theoryScore: 79, practicalScore: 95 },
        { traineeId: idOf('郑缺勤'), attended: false },
        { traineeId: idOf('何补考'), attended: true, theoryScore: 85 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const byName = Object.fromEntries(
      res.json().trainees.map((t: { name: string; result: string }) => [t.name, t.result]),
    );
    expect(byName).toEqual({ 陈合格: 'passed', 林不及格: 'failed', 郑缺勤: 'failed', 何补考: 'pending' });
  });

  it('will not close a class while a result is pending; then numbers certificates densely for those who passed', async () => {
    const early = await post(`/api/training/classes/${classId}/certificates`);
    expect(early.json().code).toBe('TRAINING_RESULTS_PENDING');
    await post(`/api/training/classes/${classId}/results`, {
      results: [{ traineeId: idOf('何补考'), attended: true, practicalScore: 70 }],
    });
    const issued = await post(`/api/training/classes/${classId}/certificates`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().issued).toHaveLength(1);
    // 补考: the retake passes; issuing again continues the series with the next number.
    await post(`/api/training/classes/${classId}/results`, {
      results: [{ traineeId: idOf('何补考'), attended: true, practicalScore: 86 }],
    });
    const again = await post(`/api/training/classes/${classId}/certificates`);
    const [a] = issued.json().issued;
    const [b] = again.json().issued;
    expect(a.number).toMatch(/^JH\d{14}$/);
    expect(Number(b.number.slice(-6))).toBe(Number(a.number.slice(-6)) + 1);
    expect(b.number.slice(0, 12)).toBe(a.number.slice(0, 12));
    // A certified trainee's result is settled.
    const change = await post(`/api/training/classes/${classId}/results`, {
      results: [{ traineeId: idOf('陈合格'), attended: false }],
    });
    expect(change.json().fields[0].code).toBe('TRAINING_TRAINEE_CERTIFIED');
    // The class is closed to new trainees.
    const late = await h.req('POST', `/api/training/classes/${classId}/imports`, {
      cookie: lx,
      body: {
        fileName: 'a.xlsx',
        contentBase64: await xlsx([
          ['姓名', '身份证号'],
          ['迟到', idCard(30)],
        ]),
      },
    });
    expect(late.json().code).toBe('TRAINING_CLASS_COMPLETED');
  });

  it('has no gap and no duplicate in any society’s series of the year, demo included', async () => {
    const rows = (
      (await h.ctx.db.execute(
        `select org_id, year, array_agg(seq order by seq) as seqs from training_certificates group by org_id, year` as never,
      )) as unknown as { rows: { seqs: number[] }[] }
    ).rows;
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) expect(r.seqs.map(Number)).toEqual(r.seqs.map((_, i) => i + 1));
  });

  it('verifies publicly only with the holder’s name, and then shows validity as of now', async () => {
    const number = (await get(`/api/training/classes/${classId}`))
      .json()
      .trainees.find((t: { name: string }) => t.name === '陈合格').certificateNumber;
    const bare = await h.req('GET', `/api/public/certificates/${number}`);
    expect(bare.statusCode).toBe(200);
    expect(bare.json()).toEqual({ number, nameMatches: false });
    const wrong = await h.req(
      'GET',
      `/api/public/certificates/${number}?name=${encodeURIComponent('陈不对')}`,
    );
    expect(wrong.json()).toEqual({ number, nameMatches: false });
    const right = await h.req(
      'GET',
      `/api/public/certificates/${number.toLowerCase()}?name=${encodeURIComponent(' 陈 合格 ')}`,
    );
    expect(right.json()).toMatchObject({
      nameMatches: true,
      holderName: '陈合格',
      state: 'valid',
      kind: 'first_aider',
      orgName: '梁溪区红十字会',
    });
    expect(right.json().idCardMasked).toBe(`320***********${idCard(20).slice(-4)}`);
    const missing = await h.req('GET', '/api/public/certificates/JH20269999999999?name=x');
    expect(missing.statusCode).toBe(404);
  });

  it('pauses an address that keeps guessing names, before it can walk the numbers', async () => {
    const number = (await get(`/api/training/certificates?classId=${classId}`))
      .json()
      .items.find((c: { holderName: string }) => c.holderName === '陈合格').number;
    const guess = (name: string) => verifyCertificate(h.ctx.db, h.ctx.pii, number, name, '203.0.113.9');
    for (let i = 0; i < VERIFY_RULE.limit; i++) expect((await guess(`猜${i}`)).nameMatches).toBe(false);
    await expect(guess('陈合格')).rejects.toMatchObject({
      code: 'TRAINING_VERIFY_TOO_MANY_TRIES',
      status: 429,
    });
    // Another address is not affected.
    expect((await verifyCertificate(h.ctx.db, h.ctx.pii, number, '陈合格', '203.0.113.10')).nameMatches).toBe(
      true,
    );
  });

  it('prints the certificate with holder, course, number and a QR code to the check', async () => {
    const list = (await get(`/api/training/certificates?classId=${classId}`)).json();
    const cert = list.items.find((c: { holderName: string }) => c.holderName === '陈合格');
    const res = await get(`/api/training/certificates/${cert.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    if (!hasPoppler && process.env.CI !== 'true') return;
    const file = path.join(dir, 'cert.pdf');
    writeFileSync(file, res.rawPayload);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain('救护员证');
    expect(text).toContain('红十字应急救护培训');
    expect(text).toContain('陈合格');
    expect(text).toContain(cert.number);
    expect(text).toContain('梁溪区红十字会');
    expect(text).toContain(`有效期至：${cert.validUntil}`);
    expect(text).toContain('照片');
    expect(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout).toMatch(/Pages:\s+1\n/);
  });

  it('revokes with a reason: the public check says revoked from then on, and a second revoke is refused', async () => {
    const list = (await get(`/api/training/certificates?classId=${classId}`)).json();
    const cert = list.items.find((c: { holderName: string }) => c.holderName === '何补考');
    const xsTry = await post(`/api/training/certificates/${cert.id}/revoke`, { reason: '越权' }, xs);
    expect(xsTry.statusCode).toBe(404);
    const res = await post(`/api/training/certificates/${cert.id}/revoke`, { reason: '考核记录有误' });
    expect(res.json()).toMatchObject({ state: 'revoked', revokedReason: '考核记录有误' });
    const pub = await h.req(
      'GET',
      `/api/public/certificates/${cert.number}?name=${encodeURIComponent('何补考')}`,
    );
    expect(pub.json().state).toBe('revoked');
    expect((await post(`/api/training/certificates/${cert.id}/revoke`, { reason: '再次' })).json().code).toBe(
      'TRAINING_CERTIFICATE_REVOKED',
    );
  });
});

describe('renewal and expiry', () => {
  it('renewal supersedes the old certificate and extends from its end; the old one never verifies as valid again', async () => {
    const first = (await newClass({ title: '初训班' })).id;
    await importRoster(first, [['冯复训', idCard(40), '13900000040']]);
    const t1 = (await get(`/api/training/classes/${first}`)).json().trainees[0];
    await post(`/api/training/classes/${first}/results`, {
      results: [{ traineeId: t1.id, attended: true, theoryScore: 90, practicalScore: 90 }],
    });
    const old = (await post(`/api/training/classes/${first}/certificates`)).json().issued[0].number;
    const oldCheck = (
      await h.req('GET', `/api/public/certificates/${old}?name=${encodeURIComponent('冯复训')}`)
    ).json();

    const renewal = (await newClass({ title: '复训班', courseId: renewalCourse })).id;
    await importRoster(renewal, [
      ['冯复训', idCard(40), '13900000040'],
      ['无证者', idCard(41), null],
    ]);
    const roster = (await get(`/api/training/classes/${renewal}`)).json().trainees;
    await post(`/api/training/classes/${renewal}/results`, {
      results: roster.map((t: { id: number }) => ({
        traineeId: t.id,
        attended: true,
        theoryScore: 88,
        practicalScore: 88,
      })),
    });
    const res = (await post(`/api/training/classes/${renewal}/certificates`)).json();
    expect(res.issued).toHaveLength(1);
    expect(res.skipped).toEqual([
      expect.objectContaining({ name: '无证者', reason: expect.stringContaining('未找到可复训') }),
    ]);
    const renewed = res.issued[0].number;
    const oldNow = (
      await h.req('GET', `/api/public/certificates/${old}?name=${encodeURIComponent('冯复训')}`)
    ).json();
    expect(oldNow).toMatchObject({ state: 'superseded', supersededBy: renewed });
    const newNow = (
      await h.req('GET', `/api/public/certificates/${renewed}?name=${encodeURIComponent('冯复训')}`)
    ).json();
    expect(newNow).toMatchObject({
      state: 'valid',
      kind: 'first_aider',
      validUntil: addDays(oldCheck.validUntil, 365 * 3 + 1),
    });
  });

  it('shows the demo’s old certificates as expired today and lists them by state', async () => {
    const expired = (await get(`/api/training/certificates?state=expired&pageSize=200`)).json();
    expect(expired.total).toBeGreaterThan(5);
    const one = expired.items[0];
    expect(one.validUntil < shanghaiDate(new Date())).toBe(true);
    const pub = await h.req(
      'GET',
      `/api/public/certificates/${one.number}?name=${encodeURIComponent(one.holderName)}`,
    );
    expect(pub.json().state).toBe('expired');
    const xsView = (await get(`/api/training/certificates?pageSize=200`, xs)).json();
    expect(xsView.items.every((c: { orgName: string }) => !c.orgName.includes('梁溪'))).toBe(true);
  });

  it('queues one expiry reminder per certificate due within 60 days, once, through the SMS outbox', async () => {
    const count = async () =>
      Number(
        (
          (await h.ctx.db.execute(
            `select count(*)::int as n from sms_outbox where template = 'training_cert_expiry'` as never,
          )) as unknown as { rows: { n: number }[] }
        ).rows[0]!.n,
      );
    const before = await count();
    const queued = await queueExpiryReminders(h.ctx.db, h.ctx.pii);
    expect(queued).toBeGreaterThan(0);
    expect(await count()).toBe(before + queued);
    expect(await queueExpiryReminders(h.ctx.db, h.ctx.pii)).toBe(0);
    // Superseded (renewed) certificates are not reminded: only the renewal needs renewing later.
    const superseded = (
      (await h.ctx.db.execute(
        `select count(*)::int as n from training_certificates where status = 'superseded' and reminded_at is not null` as never,
      )) as unknown as { rows: { n: number }[] }
    ).rows[0]!.n;
    expect(Number(superseded)).toBe(0);
  });
});

describe('exports', () => {
  it('exports a roster and the certificate list as .xlsx with masked personal numbers', async () => {
    const classes = (await get(`/api/training/classes?orgId=${liangxi}&status=completed&pageSize=50`)).json();
    expect(classes.items.length).toBeGreaterThan(0);
    const res = await get(`/api/training/classes/${classes.items[0].id}/roster.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('姓名');
    expect(sheet.rowCount).toBeGreaterThan(1);
    expect(String(sheet.getRow(2).getCell(3).value)).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    const certs = await get(`/api/training/certificates.xlsx?state=valid`);
    expect(certs.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(certs.rawPayload as unknown as ArrayBuffer);
    const states = new Set<string>();
    wb2.worksheets[0]!.eachRow((r, i) => i > 1 && states.add(String(r.getCell(9).value)));
    expect([...states]).toEqual(['有效']);
  });
});
