import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

let h: Harness;
let cookie: string;
beforeAll(async () => {
  h = await startHarness();
  cookie = await h.login('lx_admin');
});
afterAll(() => h?.close());

const createTown = (key: string | undefined, name: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/orgs',
    headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
    payload: { parentId: h.seed.orgs.liangxi, name, level: 'town' },
  });
const countNamed = async (name: string) =>
  (
    (await h.ctx.db.execute(sql`select count(*)::int as n from orgs where name = ${name}`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]!.n;

describe('idempotency keys', () => {
  it('replays the first answer to a retry and creates nothing twice', async () => {
    const first = await createTown('retry-key-0001', '金星街道红十字会');
    const again = await createTown('retry-key-0001', '金星街道红十字会');
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await countNamed('金星街道红十字会')).toBe(1);
  });

  it('refuses the same key for a different request', async () => {
    const res = await createTown('retry-key-0001', '另一个街道');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countNamed('另一个街道')).toBe(0);
  });

  it('lets a retry run afresh when the first attempt failed (nothing was written, the key was not spent)', async () => {
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie, 'idempotency-key': 'retry-key-0002' },
      payload: { parentId: h.seed.orgs.liangxi, name: '层级错了', level: 'city' },
    });
    expect(bad.statusCode).toBe(400);
    const keys = await h.ctx.db.execute(
      sql`select count(*)::int as n from idempotency_keys where key = 'retry-key-0002'`,
    );
    expect((keys as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('rejects a malformed key with a field error', async () => {
    const res = await createTown('short', '任意');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('headers.idempotency-key');
  });

  it('keeps keys per caller: another user reusing a key string gets their own write', async () => {
    const other = await h.login('wx_admin');
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie: other, 'idempotency-key': 'retry-key-0001' },
      payload: { parentId: h.seed.orgs.liangxi, name: '金星街道红十字会', level: 'town' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(await countNamed('金星街道红十字会')).toBe(2);
  });

  it('creates exactly one row when 20 identical requests race with the same key', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => createTown('race-key-00001', '扬名街道红十字会')),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await countNamed('扬名街道红十字会')).toBe(1);
  });
});
