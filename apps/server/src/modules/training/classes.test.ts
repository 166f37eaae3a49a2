import { shanghaiDate, addDays } from '@boai/contracts';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  awarenessCourse,
  firstAiderCourse,
  get,
  h,
  idCard,
  importRoster,
  liangxi,
  lx,
  newClass,
  post,
  qian,
  useTrainingHarness,
  xlsx,
  xs,
  zhou,
} from './testing.ts';

useTrainingHarness();

describe('courses', () => {
  it('offers a district the province’s courses, and refuses rules that contradict the kind, by field', async () => {
    expect(firstAiderCourse).toBeGreaterThan(0);
    const awarenessWithTerm = await post('/api/training/courses', {
      orgId: liangxi,
      kind: 'awareness',
      name: '社区讲座',
      hours: 2,
      theoryPass: null,
      practicalPass: null,
      validityMonths: 12,
    });
    expect(awarenessWithTerm.statusCode).toBe(400);
    expect(awarenessWithTerm.json().fields[0]).toMatchObject({
      field: 'validityMonths',
      code: 'TRAINING_AWARENESS_NO_CERTIFICATE',
    });
    const unexamined = await post('/api/training/courses', {
      orgId: liangxi,
      kind: 'cpr_aed',
      name: '心肺复苏',
      hours: 4,
      theoryPass: null,
      practicalPass: null,
      validityMonths: 24,
    });
    expect(unexamined.json().fields[0].code).toBe('TRAINING_COURSE_EXAM_REQUIRED');
    const ok = await post('/api/training/courses', {
      orgId: liangxi,
      kind: 'first_aider',
      name: '梁溪区救护员（两年期）',
      hours: 16,
      theoryPass: 80,
      practicalPass: 80,
      validityMonths: 24,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // A sibling society neither sees nor uses it.
    const xsCourses = (await get(`/api/training/courses?usableAt=${h.seed.orgs.xishan}`, xs)).json() as {
      id: number;
    }[];
    expect(xsCourses.map((c) => c.id)).not.toContain(ok.json().id);
  });
});

describe('opening a class', () => {
  it('refuses an instructor not qualified for the course, naming the instructor on the field', async () => {
    const res = await post(
      '/api/training/classes',
      {
        orgId: h.seed.orgs.xishan,
        courseId: firstAiderCourse,
        title: '锡山区救护员班',
        sector: 'village',
        startsOn: '2026-12-01',
        endsOn: '2026-12-02',
        capacity: 20,
        instructorIds: [qian],
      },
      xs,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'TRAINING_INSTRUCTOR_NOT_QUALIFIED',
      fields: [{ field: 'instructorIds' }],
    });
    expect(res.json().message).toContain('钱国栋');
    expect(res.json().message).toContain('救护员');
  });

  it('refuses an instructor whose certificate lapses before the class ends, and another society’s instructor as missing', async () => {
    const lapsing = await post('/api/training/instructors', {
      orgId: liangxi,
      name: '吴临期',
      level: 'junior',
      courseKinds: ['first_aider'],
      certValidUntil: addDays(shanghaiDate(new Date()), 3),
    });
    expect(lapsing.statusCode, lapsing.body).toBe(200);
    const late = await post('/api/training/classes', {
      orgId: liangxi,
      courseId: firstAiderCourse,
      title: '下月班',
      sector: 'community',
      startsOn: addDays(shanghaiDate(new Date()), 30),
      endsOn: addDays(shanghaiDate(new Date()), 31),
      capacity: 20,
      instructorIds: [lapsing.json().id],
    });
    expect(late.json().code).toBe('TRAINING_INSTRUCTOR_CERT_EXPIRED');
    const foreign = await post('/api/training/classes', {
      orgId: liangxi,
      courseId: awarenessCourse,
      title: '讲座',
      sector: 'community',
      startsOn: '2026-12-01',
      endsOn: '2026-12-01',
      capacity: 20,
      instructorIds: [qian],
    });
    expect(foreign.json()).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'instructorIds' }] });
  });

  it('lets an instructor be renewed (a new 师资证 date) and then teach; a course’s term be changed within its kind’s rules', async () => {
    const lapsing = await post('/api/training/instructors', {
      orgId: liangxi,
      name: '吴复审',
      level: 'junior',
      courseKinds: ['awareness'],
      certValidUntil: addDays(shanghaiDate(new Date()), 3),
    });
    const body = {
      orgId: liangxi,
      courseId: firstAiderCourse,
      title: '复审后开班',
      sector: 'community',
      startsOn: addDays(shanghaiDate(new Date()), 30),
      endsOn: addDays(shanghaiDate(new Date()), 31),
      capacity: 20,
      instructorIds: [lapsing.json().id],
    };
    expect((await post('/api/training/classes', body)).json().code).toBe('TRAINING_INSTRUCTOR_NOT_QUALIFIED');
    const renewed = await h.req('PATCH', `/api/training/instructors/${lapsing.json().id}`, {
      cookie: lx,
      body: {
        courseKinds: ['awareness', 'first_aider'],
        certValidUntil: addDays(shanghaiDate(new Date()), 1000),
      },
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect((await post('/api/training/classes', body)).statusCode).toBe(200);

    const own = (await get(`/api/training/courses?orgId=${liangxi}`)).json()[0];
    const patched = await h.req('PATCH', `/api/training/courses/${own.id}`, {
      cookie: lx,
      body: { validityMonths: 24 },
    });
    expect(patched.json()).toMatchObject({ validityMonths: 24, kind: own.kind });
    // Retired, it can no longer be used for a new class.
    await h.req('PATCH', `/api/training/courses/${own.id}`, { cookie: lx, body: { active: false } });
    const retired = await post('/api/training/classes', { ...body, courseId: own.id, instructorIds: [zhou] });
    expect(retired.json()).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'courseId' }] });
    const noTerm = await h.req('PATCH', `/api/training/courses/${own.id}`, {
      cookie: lx,
      body: { validityMonths: null },
    });
    expect(noTerm.json().fields[0]).toMatchObject({
      field: 'validityMonths',
      code: 'TRAINING_COURSE_TERM_REQUIRED',
    });
    // The province's course is usable here but is not 梁溪区's to change.
    const province = await h.req('PATCH', `/api/training/courses/${firstAiderCourse}`, {
      cookie: lx,
      body: { hours: 1 },
    });
    expect(province.statusCode).toBe(404);
  });

  it('refuses more seats than the base holds and an end before the start', async () => {
    const base = await post('/api/training/bases', {
      orgId: liangxi,
      name: '社区小教室',
      address: '五爱社区',
      capacity: 10,
      equipment: [{ name: '模拟人', quantity: 2 }],
    });
    const big = await post('/api/training/classes', {
      orgId: liangxi,
      courseId: firstAiderCourse,
      baseId: base.json().id,
      title: '大班',
      sector: 'community',
      startsOn: '2026-12-01',
      endsOn: '2026-12-02',
      capacity: 11,
      instructorIds: [zhou],
    });
    expect(big.json().fields[0]).toMatchObject({
      field: 'capacity',
      code: 'TRAINING_CLASS_OVER_BASE_CAPACITY',
    });
    const backwards = await post('/api/training/classes', {
      orgId: liangxi,
      courseId: firstAiderCourse,
      title: '倒班',
      sector: 'community',
      startsOn: '2026-12-02',
      endsOn: '2026-12-01',
      capacity: 5,
      instructorIds: [zhou],
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().fields[0].field).toContain('endsOn');
  });
});

describe('importing a roster', () => {
  let classId: number;
  let file: string;
  beforeAll(async () => {
    classId = (await newClass({ capacity: 6 })).id;
    file = await xlsx([
      ['梁溪区 2026 年救护员培训学员名单'],
      ['姓名', '身份证号', '手机号', '工作单位'],
      ['王小明', idCard(1), '13800000001', '惠民商贸'],
      ['李红', idCard(2), '', '惠民商贸'],
      ['', idCard(3), '13800000003', ''],
      ['赵四', '320213199001011234', '13800000004', ''],
      ['钱五', idCard(5), '1380000', ''],
      ['王小明', idCard(1), '13800000001', '重复行'],
      ['孙六', idCard(6), '13800000006', ''],
    ]);
  });

  it('serves a template with the expected headers', async () => {
    const res = await get('/api/training/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, '姓名', '身份证号', '手机号', '工作单位']);
  });

  it('previews: valid rows in, each bad row reported in Chinese by row and column, nothing enrolled yet', async () => {
    const res = await post(`/api/training/classes/${classId}/imports`, {
      fileName: '名单.xlsx',
      contentBase64: file,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ totalRows: 7, validRows: 3, errorRows: 4, duplicates: 0, status: 'previewed' });
    expect(p.errors.map((e: { text: string }) => e.text)).toEqual([
      '第 5 行「姓名」：不能为空',
      '第 6 行「身份证号」：校验位不正确，请核对',
      '第 7 行「手机号」：格式不正确（应为 11 位手机号）',
      '第 8 行「身份证号」：与第 3 行重复',
    ]);
    expect(p.sample[0]).toMatchObject({
      name: '王小明',
      idCardMasked: `320***********${idCard(1).slice(-4)}`,
    });
    expect((await get(`/api/training/classes/${classId}`)).json().trainees).toHaveLength(0);
  });

  it('commits the valid rows; importing the same file again creates nobody twice; a second commit changes nothing', async () => {
    const first = await importRoster(classId, [
      ['王小明', idCard(1), '13800000001'],
      ['李红', idCard(2), null],
      ['孙六', idCard(6), '13800000006'],
    ]);
    expect(first.import).toMatchObject({ created: 3, duplicates: 0 });
    const again = await post(`/api/training/classes/${classId}/imports`, {
      fileName: '名单.xlsx',
      contentBase64: file,
    });
    expect(again.json()).toMatchObject({ validRows: 3, duplicates: 3 });
    const commit = await post(`/api/training/imports/${again.json().id}/commit`);
    expect(commit.json().import).toMatchObject({ created: 0, duplicates: 3 });
    const twice = await post(`/api/training/imports/${again.json().id}/commit`);
    expect(twice.json().alreadyCommitted).toBe(true);
    const detail = (await get(`/api/training/classes/${classId}`)).json();
    expect(detail.trainees).toHaveLength(3);
    expect(detail.trainees[0]).toMatchObject({
      name: '王小明',
      mobileMasked: '138****0001',
      source: 'import',
    });
    // 身份证 and mobile are stored encrypted, never in clear.
    const raw = JSON.stringify(
      (await h.ctx.db.execute(
        `select * from training_trainees where class_id = ${classId}` as never,
      )) as unknown,
    );
    expect(raw).not.toContain(idCard(1));
    expect(raw).not.toContain('13800000001');
  });

  it('refuses, whole, an import that would overfill the class', async () => {
    const people: [string, string, string | null][] = [10, 11, 12, 13].map((i) => [
      `学员${i}`,
      idCard(i),
      null,
    ]);
    const file2 = await xlsx([
      ['姓名', '身份证号', '手机号', '工作单位'],
      ...people.map(([n, i]) => [n, i, '', '']),
    ]);
    const preview = await post(`/api/training/classes/${classId}/imports`, {
      fileName: '加人.xlsx',
      contentBase64: file2,
    });
    const commit = await post(`/api/training/imports/${preview.json().id}/commit`);
    expect(commit.statusCode).toBe(409);
    expect(commit.json()).toMatchObject({ code: 'TRAINING_IMPORT_OVER_CAPACITY' });
    expect(commit.json().message).toContain('名额 6 人，已有 3 人，本次 4 人');
    expect((await get(`/api/training/classes/${classId}`)).json().trainees).toHaveLength(3);
  });

  it('answers an unreadable file and a file without the headers with one clear error', async () => {
    const junk = await post(`/api/training/classes/${classId}/imports`, {
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('not a zip').toString('base64'),
    });
    expect(junk.json().code).toBe('TRAINING_IMPORT_FILE_UNREADABLE');
    const noHeader = await post(`/api/training/classes/${classId}/imports`, {
      fileName: 'x.xlsx',
      contentBase64: await xlsx([['甲', '乙']]),
    });
    expect(noHeader.json()).toMatchObject({ code: 'TRAINING_IMPORT_COLUMNS_MISSING' });
  });
});

describe('public sign-up', () => {
  let classId: number;
  beforeAll(async () => {
    classId = (
      await newClass({
        title: '周末公益班',
        capacity: 2,
        publicSignup: true,
        startsOn: addDays(shanghaiDate(new Date()), 7),
        endsOn: addDays(shanghaiDate(new Date()), 8),
      })
    ).id;
  });
  const signUp = (mobile: string, name = '市民') =>
    h.req('POST', `/api/public/training/classes/${classId}/signups`, { body: { name, mobile } });

  it('lists the class, signs up by phone idempotently, and refuses once full', async () => {
    const listed = (await h.req('GET', '/api/public/training/classes')).json();
    expect(listed.find((c: { id: number }) => c.id === classId)).toMatchObject({
      remaining: 2,
      orgName: '梁溪区红十字会',
    });
    expect((await signUp('13700000001')).json()).toMatchObject({ existing: false, remaining: 1 });
    expect((await signUp('+86 137-0000-0001')).json()).toMatchObject({ existing: true, remaining: 1 });
    expect((await signUp('13700000002')).json()).toMatchObject({ existing: false, remaining: 0 });
    const full = await signUp('13700000003');
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'TRAINING_CLASS_FULL', message: '该班级名额已满' });
    const bad = await h.req('POST', `/api/public/training/classes/${classId}/signups`, {
      body: { name: '甲', mobile: '123' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('does not take sign-ups for a class not open to the public', async () => {
    const closed = (await newClass({ title: '内部班' })).id;
    const res = await h.req('POST', `/api/public/training/classes/${closed}/signups`, {
      body: { name: '甲', mobile: '13700000009' },
    });
    expect(res.statusCode).toBe(404);
  });
});
