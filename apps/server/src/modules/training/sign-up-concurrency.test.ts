import { shanghaiDate, addDays } from '@boai/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

/**
 * Run on PostgreSQL (TEST_DATABASE_URL) to mean anything: there the sign-ups really run in parallel
 * transactions on a pool of connections; PGlite serialises them on its one connection.
 */
let h: Harness;
let classId: number;
const CAPACITY = 10;
const PEOPLE = 40;

beforeAll(async () => {
  h = await startHarness();
  const lx = await h.login('lx_admin');
  const liangxi = h.seed.orgs.liangxi!;
  const courses = (await h.req('GET', `/api/training/courses?usableAt=${liangxi}`, { cookie: lx })).json();
  const instructors = (
    await h.req('GET', `/api/training/instructors?usableAt=${liangxi}`, { cookie: lx })
  ).json();
  const start = addDays(shanghaiDate(new Date()), 3);
  const res = await h.req('POST', '/api/training/classes', {
    cookie: lx,
    body: {
      orgId: liangxi,
      courseId: courses.find((c: { kind: string }) => c.kind === 'cpr_aed').id,
      title: '抢名额测试班',
      sector: 'community',
      startsOn: start,
      endsOn: start,
      capacity: CAPACITY,
      instructorIds: [instructors.find((i: { name: string }) => i.name === '周晓梅').id],
      publicSignup: true,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  classId = res.json().id;
});
afterAll(() => h?.close());

describe('online sign-up under concurrency', () => {
  it(`never enrols more than the capacity when ${PEOPLE} people (and each twice) sign up at once`, async () => {
    const mobile = (i: number) => `1360000${String(i).padStart(4, '0')}`;
    const attempts = Array.from({ length: PEOPLE * 2 }, (_, k) => k % PEOPLE).map((i) =>
      h.req('POST', `/api/public/training/classes/${classId}/signups`, {
        body: { name: `市民${i}`, mobile: mobile(i) },
      }),
    );
    const answers = await Promise.all(attempts);
    const codes = answers.map((a) =>
      a.statusCode === 200 ? (a.json().existing ? 'again' : 'new') : a.json().code,
    );
    expect(codes.filter((c) => c === 'new')).toHaveLength(CAPACITY);
    expect(codes.every((c) => c === 'new' || c === 'again' || c === 'TRAINING_CLASS_FULL')).toBe(true);
    const rows = (
      (await h.ctx.db.execute(
        `select count(*)::int as n, count(distinct mobile_hash)::int as d from training_trainees where class_id = ${classId}` as never,
      )) as unknown as { rows: { n: number; d: number }[] }
    ).rows[0]!;
    expect(Number(rows.n)).toBe(CAPACITY);
    expect(Number(rows.d)).toBe(CAPACITY);
  });
});
