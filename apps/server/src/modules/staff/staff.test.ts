import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

let h: Harness;
let lx: string;
let roleIds: Record<string, number>;
beforeAll(async () => {
  h = await startHarness();
  lx = await h.login('lx_admin');
  const roles = (await h.req('GET', '/api/roles', { cookie: lx })).json().items as {
    id: number;
    code: string;
  }[];
  roleIds = Object.fromEntries(roles.map((r) => [r.code, r.id]));
});
afterAll(() => h?.close());

describe('staff accounts', () => {
  it('lets a county administrator create a user in a town below, who then logs in and must change the password', async () => {
    const res = await h.req('POST', '/api/users', {
      cookie: lx,
      body: {
        orgId: h.seed.orgs.chonganshi,
        username: 'cas_clerk',
        displayName: '孙丽',
        mobile: '+86 139-6100-1234',
        password: 'Initial-Pass-1',
        grants: [{ roleId: roleIds.staff, orgId: h.seed.orgs.chonganshi, scope: 'own' }],
      },
    });
    expect(res.statusCode).toBe(200);
    const user = res.json();
    expect(user.orgName).toBe('崇安寺街道红十字会');
    expect(user.mobileMasked).toBe('139****1234');
    expect(user.mustChangePassword).toBe(true);
    expect(user.grants).toEqual([
      expect.objectContaining({ roleName: '工作人员', orgName: '崇安寺街道红十字会', scope: 'own' }),
    ]);
  });

  it('keeps the mobile number encrypted at rest and finds the user by exact number', async () => {
    const r = await h.ctx.db.execute(
      sql`select mobile_enc, mobile_hash from users where username = 'cas_clerk'`,
    );
    const row = (r as unknown as { rows: { mobile_enc: string; mobile_hash: string }[] }).rows[0]!;
    expect(row.mobile_enc).not.toContain('13961001234');
    expect(h.ctx.pii.decrypt(row.mobile_enc)).toBe('13961001234');
    const found = (await h.req('GET', '/api/users?q=13961001234', { cookie: lx })).json();
    expect(found.items.map((u: { username: string }) => u.username)).toEqual(['cas_clerk']);
  });

  it('refuses a duplicate username whatever its case', async () => {
    const res = await h.req('POST', '/api/users', {
      cookie: lx,
      body: {
        orgId: h.seed.orgs.liangxi,
        username: 'CAS_Clerk',
        displayName: '重名',
        password: 'Initial-Pass-1',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().fields[0]).toMatchObject({ field: 'username', code: 'USERNAME_TAKEN' });
  });

  it('does not let anyone grant more than they hold', async () => {
    const staffUser = await h.login('cas_staff'); // read-only staff of 崇安寺街道
    const res = await h.req('PUT', `/api/users/1/grants`, { cookie: staffUser, body: { grants: [] } });
    expect(res.statusCode).toBe(403);
    // a county admin cannot hand out a role at the city above
    const clerk = (await h.req('GET', '/api/users?q=cas_clerk', { cookie: lx })).json().items[0];
    const up = await h.req('PUT', `/api/users/${clerk.id}/grants`, {
      cookie: lx,
      body: { grants: [{ roleId: roleIds.admin, orgId: h.seed.orgs.wuxi, scope: 'subtree' }] },
    });
    expect(up.statusCode).toBe(403);
    expect(up.json().code).toBe('GRANT_SCOPE_OUTSIDE');
    // nor create a role with permissions beyond their own (an own-scope staff role at 锡山区 has no staff:create)
    const xsStaff = await h.login('xs_staff');
    const role = await h.req('POST', '/api/roles', {
      cookie: xsStaff,
      body: { orgId: h.seed.orgs.xishan, code: 'sneaky', name: '越权', permissions: ['staff:create'] },
    });
    expect(role.statusCode).toBe(403);
  });

  it('deactivating a user ends their sessions; one cannot deactivate oneself', async () => {
    const victim = await h.login('cas_staff');
    const u = (await h.req('GET', '/api/users?q=cas_staff', { cookie: lx })).json().items[0];
    await h.req('PATCH', `/api/users/${u.id}`, { cookie: lx, body: { active: false } });
    expect((await h.req('GET', '/api/auth/me', { cookie: victim })).statusCode).toBe(401);
    expect(
      (await h.req('POST', '/api/auth/login', { body: { username: 'cas_staff', password: 'x' } })).statusCode,
    ).toBe(401);
    await h.req('PATCH', `/api/users/${u.id}`, { cookie: lx, body: { active: true } });
    const me = (await h.req('GET', '/api/auth/me', { cookie: lx })).json();
    const self = await h.req('PATCH', `/api/users/${me.id}`, { cookie: lx, body: { active: false } });
    expect(self.json().code).toBe('CANNOT_DEACTIVATE_SELF');
  });

  it('pages and filters the users list by society subtree', async () => {
    const wx = await h.login('wx_admin');
    const page = (
      await h.req('GET', `/api/users?orgId=${h.seed.orgs.xishan}&pageSize=2`, { cookie: wx })
    ).json();
    expect(page.total).toBe(2); // xs_admin, xs_staff
    expect(page.items).toHaveLength(2);
    const p2 = (await h.req('GET', `/api/users?pageSize=2&page=2`, { cookie: wx })).json();
    expect(p2.page).toBe(2);
  });
});
