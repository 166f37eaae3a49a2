import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../platform/auth/totp.ts';
import { DEMO_PASSWORD, startHarness, type Harness } from '../../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ lockoutThreshold: 3, lockoutMinutes: 5, sessionIdleMinutes: 30 });
});
afterAll(() => h?.close());

const loginRes = (username: string, password: string) =>
  h.req('POST', '/api/auth/login', { body: { username, password } });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `boai_sid=${res.cookies.find((c) => c.name === 'boai_sid')!.value}`;

describe('staff login', () => {
  it('logs in with the right password and sets an httpOnly session cookie', async () => {
    const res = await loginRes('lx_admin', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ next: 'done' });
    const c = res.cookies.find((x) => x.name === 'boai_sid')!;
    expect(c.httpOnly).toBe(true);
    const me = (await h.req('GET', '/api/auth/me', { cookie: cookieOf(res) })).json();
    expect(me.username).toBe('lx_admin');
    expect(me.orgName).toBe('梁溪区红十字会');
    expect(me.permissions).toContain('staff:create');
  });

  it('answers an unknown user exactly like a wrong password, and locks both the same way', async () => {
    const wrong = await loginRes('xs_admin', 'Wrong-Passw0rd');
    const unknown = await loginRes('nobody_here', 'Wrong-Passw0rd');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    await loginRes('xs_admin', 'Wrong-Passw0rd');
    await loginRes('nobody_here', 'Wrong-Passw0rd');
    const lockedReal = await loginRes('xs_admin', 'Wrong-Passw0rd');
    const lockedFake = await loginRes('nobody_here', 'Wrong-Passw0rd');
    expect(lockedReal.statusCode).toBe(429);
    expect(lockedFake.statusCode).toBe(429);
    expect(lockedFake.body).toBe(lockedReal.body);
    expect(lockedReal.json().message).toContain('5 分钟');
    // locked: even the right password is refused until the lock ends or an admin unlocks
    expect((await loginRes('xs_admin', DEMO_PASSWORD)).statusCode).toBe(429);
    const wx = cookieOf(await loginRes('wx_admin', DEMO_PASSWORD));
    const list = (await h.req('GET', '/api/users?q=xs_admin', { cookie: wx })).json();
    expect(list.items[0].locked).toBe(true);
    await h.req('PATCH', `/api/users/${list.items[0].id}`, { cookie: wx, body: { unlock: true } });
    expect((await loginRes('xs_admin', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('audits every login attempt with its IP', async () => {
    const rows = await h.ctx.db.execute(
      sql`select action, ip, actor_name, after->>'reason' as reason from audit_log where action like 'auth.login.%' order by id`,
    );
    const actions = (
      rows as unknown as { rows: { action: string; ip: string; reason: string; actor_name: string | null }[] }
    ).rows;
    // a successful login is the user's own act; a failed one is anonymous (the typed name is kept)
    expect(actions.find((a) => a.action === 'auth.login.success')!.actor_name).toBe('lx_admin');
    expect(actions.find((a) => a.action === 'auth.login.failed')!.actor_name).toBeNull();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['auth.login.success', 'auth.login.failed', 'auth.login.locked']),
    );
    expect(actions.some((a) => a.reason === 'unknown_user')).toBe(true);
    expect(actions.every((a) => a.ip)).toBe(true);
  });

  it('ends a session after the idle timeout', async () => {
    const cookie = cookieOf(await loginRes('sz_admin', DEMO_PASSWORD));
    expect((await h.req('GET', '/api/auth/me', { cookie })).statusCode).toBe(200);
    await h.ctx.db.execute(sql`update sessions set last_seen_at = now() - interval '31 minutes'`);
    // A change made outside the app's endpoints (here plain SQL) is seen within a second (session cache).
    await new Promise((r) => setTimeout(r, 1_050));
    const res = await h.req('GET', '/api/auth/me', { cookie });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('logs out: the cookie stops working', async () => {
    const cookie = cookieOf(await loginRes('sz_admin', DEMO_PASSWORD));
    expect((await h.req('POST', '/api/auth/logout', { cookie, body: {} })).statusCode).toBe(200);
    expect((await h.req('GET', '/api/auth/me', { cookie })).statusCode).toBe(401);
  });
});

describe('two-factor (TOTP)', () => {
  it('enrols, then asks for the code at every login; a wrong code is refused', async () => {
    const cookie = cookieOf(await loginRes('js_audit', DEMO_PASSWORD));
    const setup = (await h.req('POST', '/api/auth/totp/setup', { cookie, body: {} })).json();
    expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const bad = await h.req('POST', '/api/auth/totp/enable', { cookie, body: { code: '000000' } });
    expect(bad.statusCode).toBe(400);
    expect(
      (await h.req('POST', '/api/auth/totp/enable', { cookie, body: { code: currentTotp(setup.secret) } }))
        .statusCode,
    ).toBe(200);
    const step1 = await loginRes('js_audit', DEMO_PASSWORD);
    expect(step1.json()).toEqual({ next: 'totp' });
    const pending = cookieOf(step1);
    expect((await h.req('GET', '/api/orgs', { cookie: pending })).json().code).toBe('SECOND_FACTOR_REQUIRED');
    expect(
      (await h.req('POST', '/api/auth/totp', { cookie: pending, body: { code: currentTotp(setup.secret) } }))
        .statusCode,
    ).toBe(200);
    expect((await h.req('GET', '/api/orgs', { cookie: pending })).statusCode).toBe(200);
    // the secret is stored encrypted, never in clear
    const row = await h.ctx.db.execute(sql`select totp_secret_enc from users where username = 'js_audit'`);
    expect(JSON.stringify((row as unknown as { rows: unknown[] }).rows)).not.toContain(setup.secret);
  });

  it('makes enrolment mandatory for a role configured so', async () => {
    const js = cookieOf(await loginRes('js_admin', DEMO_PASSWORD));
    const role = (
      await h.req('POST', '/api/roles', {
        cookie: js,
        body: {
          orgId: h.seed.orgs.province,
          code: 'finance',
          name: '财务（需双因素）',
          permissions: ['orgs:read'],
          requireTotp: true,
        },
      })
    ).json();
    const user = (await h.req('GET', '/api/users?q=cas_staff', { cookie: js })).json().items[0];
    const grants = [
      ...user.grants.map((g: { roleId: number; orgId: number; scope: string }) => ({
        roleId: g.roleId,
        orgId: g.orgId,
        scope: g.scope,
      })),
      { roleId: role.id, orgId: h.seed.orgs.chonganshi, scope: 'own' },
    ];
    expect(
      (await h.req('PUT', `/api/users/${user.id}/grants`, { cookie: js, body: { grants } })).statusCode,
    ).toBe(200);
    const step1 = await loginRes('cas_staff', DEMO_PASSWORD);
    expect(step1.json()).toEqual({ next: 'enrol_totp' });
    const pending = cookieOf(step1);
    expect((await h.req('GET', '/api/orgs', { cookie: pending })).statusCode).toBe(401);
    const setup = (await h.req('POST', '/api/auth/totp/setup', { cookie: pending, body: {} })).json();
    await h.req('POST', '/api/auth/totp/enable', {
      cookie: pending,
      body: { code: currentTotp(setup.secret) },
    });
    expect((await h.req('GET', '/api/orgs', { cookie: pending })).statusCode).toBe(200);
    const off = await h.req('POST', '/api/auth/totp/disable', {
      cookie: pending,
      body: { code: currentTotp(setup.secret) },
    });
    expect(off.json().code).toBe('AUTH_TOTP_REQUIRED_BY_ROLE');
  });
});

describe('passwords', () => {
  it("enforces the policy when changing one's own password, and ends other sessions", async () => {
    const first = cookieOf(await loginRes('xs_staff', DEMO_PASSWORD));
    const second = cookieOf(await loginRes('xs_staff', DEMO_PASSWORD));
    const weak = await h.req('POST', '/api/auth/password', {
      cookie: first,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'short' },
    });
    expect(weak.json().fields[0]).toMatchObject({ field: 'newPassword', code: 'PASSWORD_TOO_SHORT' });
    const simple = await h.req('POST', '/api/auth/password', {
      cookie: first,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'alllowercaseletters' },
    });
    expect(simple.json().fields[0].code).toBe('PASSWORD_TOO_SIMPLE');
    const wrongOld = await h.req('POST', '/api/auth/password', {
      cookie: first,
      body: { currentPassword: 'nope', newPassword: 'Brand-New-Pass-9' },
    });
    expect(wrongOld.json().fields[0].code).toBe('PASSWORD_CURRENT_WRONG');
    const ok = await h.req('POST', '/api/auth/password', {
      cookie: first,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'Brand-New-Pass-9' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await h.req('GET', '/api/auth/me', { cookie: first })).statusCode).toBe(200);
    expect((await h.req('GET', '/api/auth/me', { cookie: second })).statusCode).toBe(401);
    expect((await loginRes('xs_staff', 'Brand-New-Pass-9')).statusCode).toBe(200);
  });

  it('after an administrator resets a password the user must change it before doing anything else', async () => {
    const wx = cookieOf(await loginRes('wx_admin', DEMO_PASSWORD));
    const target = (await h.req('GET', '/api/users?q=lx_admin', { cookie: wx })).json().items[0];
    expect(
      (
        await h.req('POST', `/api/users/${target.id}/reset-password`, {
          cookie: wx,
          body: { newPassword: 'Temp-Pass-2026' },
        })
      ).statusCode,
    ).toBe(200);
    const cookie = cookieOf(await loginRes('lx_admin', 'Temp-Pass-2026'));
    expect((await h.req('GET', '/api/orgs', { cookie })).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await h.req('GET', '/api/auth/me', { cookie })).json().mustChangePassword).toBe(true);
    await h.req('POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: 'Temp-Pass-2026', newPassword: 'Own-Choice-2026' },
    });
    expect((await h.req('GET', '/api/orgs', { cookie })).statusCode).toBe(200);
  });

  it('stores passwords as argon2id hashes', async () => {
    const r = await h.ctx.db.execute(sql`select password_hash from users limit 1`);
    expect((r as unknown as { rows: { password_hash: string }[] }).rows[0]!.password_hash).toMatch(
      /^\$argon2id\$/,
    );
  });
});
