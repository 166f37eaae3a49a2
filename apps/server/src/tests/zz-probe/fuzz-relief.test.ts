import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

/**
 * Property: whatever arrives at any endpoint — malformed JSON, wrong types, huge strings, lone
 * surrogates, SQL and HTML payloads — the answer is a 4xx in the one error shape, never a 5xx, and
 * nothing is stored. Ids in the generated requests never name an existing row, so no write can be
 * legitimately valid; any change to the business tables is therefore a bug.
 */

const FIELDS = [
  'name',
  'parentId',
  'level',
  'uscc',
  'regionCode',
  'orgId',
  'username',
  'displayName',
  'mobile',
  'password',
  'grants',
  'roleId',
  'scope',
  'permissions',
  'code',
  'requireTotp',
  'newParentId',
  'reason',
  'active',
  'unlock',
  'newPassword',
  'currentPassword',
  'page',
  'pageSize',
  'from',
  'to',
  'action',
  'q',
  'includeInactive',
  '__proto__',
];
const NASTY = [
  "'; drop table orgs; --",
  '1 OR 1=1',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\ud800',
  '𠀀𠀁',
  'ЁЖ',
  '\u202e反转',
  '${7*7}',
  '../../etc/passwd',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '2147483648',
  '9'.repeat(40),
  '1e308',
  'null',
  'true',
  'x'.repeat(70_000),
  '张'.repeat(5_000),
  ' ',
  '',
];
// Never an existing id: nonexistent, out of range or not a number at all.
const badId = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '2147483648',
    '99999999999999999999',
    'abc',
    '1.5',
    '1e3',
    '%27',
    'null',
    '1;drop',
  ),
  fc.integer({ min: 1_000_000, max: 2_000_000_000 }).map(String),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);
const scalar = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.integer({ min: 1_000_000 }),
  fc.integer({ max: 0 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(Number.MAX_SAFE_INTEGER),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom(...FIELDS), scalar, { maxKeys: 3 }),
);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(...NASTY),
);
const rawJson = fc.constantFrom(
  '{',
  '{"name":',
  '[1,2',
  '\u0000',
  '{"a":1}}',
  'undefined',
  '{"name":"\\ud800"}',
  '"',
);
const query = fc.dictionary(
  fc.constantFrom(...FIELDS),
  fc.constantFrom(...NASTY.filter((s) => s.length < 1000)),
  { maxKeys: 4 },
);

let h: Harness;
let cookie: string;

async function businessSnapshot(): Promise<string> {
  const r = await h.ctx.db.execute(sql`
    select md5(coalesce((select string_agg(o::text, '|' order by id) from orgs o), '')) as orgs,
           md5(coalesce((select string_agg(u::text, '|' order by id) from users u), '')) as users,
           md5(coalesce((select string_agg(g::text, '|' order by user_id, role_id) from user_roles g), '')) as grants,
           md5(coalesce((select string_agg(x::text, '|' order by id) from roles x), '')) as roles`);
  return JSON.stringify((r as unknown as { rows: unknown[] }).rows[0]);
}

beforeAll(async () => {
  h = await startHarness();
  cookie = await h.login('js_admin');
});
afterAll(() => h?.close());

describe('fuzzing every endpoint', () => {
  it('never answers 5xx and never stores anything, as the province administrator', async () => {
    const routes = h.app.routeList.filter(
      // Logging out would end the fuzzing session itself; it takes no input anyway.
      (r) => r.url.startsWith('/api/relief'),
    );
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const snap = await businessSnapshot();
      await fc.assert(
        fc.asyncProperty(
          badId,
          query,
          fc.oneof(
            body.map((b) => ({ json: b })),
            rawJson.map((raw) => ({ raw })),
          ),
          fc.boolean(),
          async (id, q, payload, textPlain) => {
            const qs = new URLSearchParams(q as Record<string, string>).toString();
            const url = route.url.replace(':id', id) + (qs ? `?${qs}` : '');
            const hasBody = route.method !== 'GET';
            const res = await h.app.inject({
              method: route.method as 'POST',
              url,
              headers: {
                cookie,
                ...(hasBody ? { 'content-type': textPlain ? 'text/plain' : 'application/json' } : {}),
              },
              ...(hasBody ? { payload: 'raw' in payload ? payload.raw : JSON.stringify(payload.json) } : {}),
            });
            if (res.statusCode >= 500)
              throw new Error(`${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
            if (res.statusCode >= 400) {
              const err = res.json();
              expect(typeof err.code).toBe('string');
              expect(typeof err.message).toBe('string');
              expect(Array.isArray(err.fields)).toBe(true);
            }
          },
        ),
        { numRuns: 150, seed: Number(process.env.FUZZ_SEED ?? 1) },
      );
      // Starting TOTP enrolment takes no input and stores a fresh, not yet enabled secret by design.
      if (route.url !== '/api/auth/totp/setup') {
        expect(await businessSnapshot(), `${route.method} ${route.url} changed stored data`).toBe(snap);
      }
    }
    // The fuzzing session must still be alive: no generated request logged it out or locked it.
    expect((await h.req('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    // Every route of the app, 40 requests each: minutes, not the default 30 s.
  }, 900_000);

  it('answers validation failures with Chinese messages and the failing fields, English on request', async () => {
    const zh = await h.req('POST', '/api/orgs', {
      cookie,
      body: { parentId: 'x', name: '', level: 'planet' },
    });
    expect(zh.statusCode).toBe(400);
    const e = zh.json();
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(e.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'body.level',
      'body.name',
      'body.parentId',
    ]);
    const en = await h.req('POST', '/api/orgs', {
      cookie,
      body: { parentId: 'x', name: '', level: 'planet' },
      lang: 'en',
    });
    expect(en.json().message).toBe('Some fields are invalid');
    expect(en.json().fields[0].message).not.toMatch(/[\u4e00-\u9fa5]/);
  });
});
