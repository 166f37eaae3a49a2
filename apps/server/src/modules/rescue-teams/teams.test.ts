import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/client.ts';
import { createPiiVault } from '../../platform/pii/index.ts';
import { rotateRescueTeamPii } from './rotate-pii.ts';
import {
  ago,
  get,
  h,
  liangxi,
  newTeam,
  ok,
  patch,
  post,
  readXlsx,
  today,
  useRescueTeamHarness,
  wx,
  xs,
} from './testing.ts';

useRescueTeamHarness();

const teamBody = (over: Record<string, unknown> = {}) => ({
  orgId: liangxi,
  name: '梁溪区红十字水上搜救队',
  type: 'water',
  foundedOn: '2019-05-12',
  leaderName: '沈国平',
  contactPhone: '+86 139-6123-4567',
  baseAddress: '无锡市梁溪区运河东路 6 号',
  ...over,
});

describe('teams', () => {
  it('forms a team with its phone encrypted and masked, and names unique within a society', async () => {
    const team = ok(await post('/api/rescue-teams', teamBody()));
    expect(team).toMatchObject({
      status: 'active',
      contactPhoneMasked: '139****4567',
      memberCount: 0,
      type: 'water',
    });
    const again = await post('/api/rescue-teams', teamBody({ type: 'relief' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0]).toMatchObject({ field: 'name', code: 'RESCUE_TEAM_NAME_TAKEN' });
    expect(again.json().message).toContain('梁溪区红十字水上搜救队');
    // A sibling society may have a team of the same name.
    ok(await post('/api/rescue-teams', teamBody({ orgId: h.seed.orgs.xishan, baseAddress: '锡山区' }), xs));
  });

  it('refuses bad input by field, in Chinese, never a 500', async () => {
    const res = await post(
      '/api/rescue-teams',
      teamBody({ type: 'space', contactPhone: '123', foundedOn: '2025-02-30' }),
    );
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['body.contactPhone', 'body.foundedOn', 'body.type']);
    const future = await post('/api/rescue-teams', teamBody({ name: '未来队', foundedOn: '2999-01-01' }));
    expect(future.json().fields[0]).toMatchObject({ field: 'foundedOn', code: 'RESCUE_TEAM_DATE_IN_FUTURE' });
  });

  it('lists the society and its subtree only, filtered by type and status, and a sibling sees nothing', async () => {
    const mine = (await get('/api/rescue-teams?pageSize=200')).json();
    expect(mine.items.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(['梁溪区红十字赈济救援队', '梁溪区红十字医疗救护队']),
    );
    expect(mine.items.every((t: { orgName: string }) => t.orgName.startsWith('梁溪区'))).toBe(true);
    const water = (await get('/api/rescue-teams?type=water&pageSize=200', wx)).json();
    expect(water.items.length).toBeGreaterThanOrEqual(2);
    expect(water.items.every((t: { type: string }) => t.type === 'water')).toBe(true);

    const theirs = (await get('/api/rescue-teams?pageSize=200', xs)).json();
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.some((t: { orgName: string }) => /梁溪|崇安寺|广益/.test(t.orgName))).toBe(false);
    const lxTeam = mine.items[0];
    expect((await get(`/api/rescue-teams/${lxTeam.id}`, xs)).statusCode).toBe(404);
    expect((await get(`/api/rescue-teams/${lxTeam.id}/members`, xs)).statusCode).toBe(404);
    expect((await patch(`/api/rescue-teams/${lxTeam.id}`, { baseAddress: '别处' }, xs)).statusCode).toBe(404);
    expect((await post('/api/rescue-teams', teamBody({ name: '越权队' }), xs)).statusCode).toBe(400);
  });

  it('stands a team down, after which it takes no new members', async () => {
    const { team } = await newTeam(1);
    const down = ok(
      await patch(`/api/rescue-teams/${team.id}`, { status: 'stood_down', contactPhone: '13800001111' }),
    );
    expect(down).toMatchObject({ status: 'stood_down', contactPhoneMasked: '138****1111' });
    const join = await post(`/api/rescue-teams/${team.id}/members`, {
      name: '晚到者',
      gender: 'female',
      phone: '13800002222',
      role: 'member',
      joinedOn: today,
    });
    expect(join.statusCode).toBe(409);
    expect(join.json().code).toBe('RESCUE_TEAM_STOOD_DOWN');
    const listed = (await get('/api/rescue-teams?status=stood_down&pageSize=200')).json();
    expect(listed.items.map((t: { id: number }) => t.id)).toContain(team.id);
  });

  it('exports the filtered list as .xlsx that reads back with masked phones', async () => {
    const list = (await get('/api/rescue-teams?type=relief&pageSize=200')).json();
    const rows = await readXlsx(await get('/api/rescue-teams/export.xlsx?type=relief'));
    expect(rows[0]).toEqual(expect.arrayContaining(['救援队', '类型', '在队人数', '本年出队人时']));
    expect(rows.length - 1).toBe(list.total);
    expect(rows.slice(1).every((r) => r[2] === '赈济救援')).toBe(true);
    expect(rows.slice(1).every((r) => /^\d{3}\*{4}\d{4}$/.test(r[5]!))).toBe(true);
  });
});

describe('members and certificates', () => {
  it('shows an expired certificate on the member and counts it on the team', async () => {
    const { team } = await newTeam(1);
    const member = ok(
      await post(`/api/rescue-teams/${team.id}/members`, {
        name: '陆海涛',
        gender: 'male',
        phone: '13771234567',
        role: 'deputy',
        joinedOn: ago(400),
        skills: ['水上救生', '冲锋舟驾驶'],
        certificates: [
          { name: '救护员证', number: 'JS2022000123', issuer: '江苏省红十字会', expiresOn: ago(3) },
          { name: '潜水员证', number: 'CDA-778899', issuer: '中国潜水运动协会', expiresOn: null },
          { name: '船艇驾驶证', number: 'WX-2024-88', issuer: '无锡海事局', expiresOn: ago(-20) },
        ],
      }),
    );
    expect(member).toMatchObject({ role: 'deputy', phoneMasked: '137****4567', expiredCertificates: 1 });
    expect(
      member.certificates.map((c: { expired: boolean; expiringSoon: boolean }) => [
        c.expired,
        c.expiringSoon,
      ]),
    ).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
    expect((await get(`/api/rescue-teams/${team.id}`)).json()).toMatchObject({
      memberCount: 2,
      expiredCertificateMembers: 1,
    });
    const expired = (await get(`/api/rescue-teams/${team.id}/members?certificates=expired`)).json();
    expect(expired.map((m: { name: string }) => m.name)).toEqual(['陆海涛']);

    // Renewed: the whole list is replaced, and the member no longer shows as expired.
    const renewed = ok(
      await patch(`/api/rescue-teams/${team.id}/members/${member.id}`, {
        certificates: [
          { name: '救护员证', number: 'JS2025000456', issuer: '江苏省红十字会', expiresOn: ago(-1000) },
        ],
      }),
    );
    expect(renewed.expiredCertificates).toBe(0);
    expect((await get(`/api/rescue-teams/${team.id}/members?certificates=expired`)).json()).toEqual([]);
  });

  it('allows one serving 队长, and a member who left is listed only on request', async () => {
    const { team, members } = await newTeam(2);
    const second = await post(`/api/rescue-teams/${team.id}/members`, {
      name: '另一队长',
      gender: 'male',
      phone: '13900009999',
      role: 'leader',
      joinedOn: ago(10),
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().fields[0]).toMatchObject({ field: 'role', code: 'RESCUE_TEAM_LEADER_TAKEN' });
    const early = await patch(`/api/rescue-teams/${team.id}/members/${members[0]!.id}`, { leftOn: ago(800) });
    expect(early.json().fields[0]).toMatchObject({ field: 'leftOn', code: 'RESCUE_TEAM_LEFT_BEFORE_JOINED' });
    ok(await patch(`/api/rescue-teams/${team.id}/members/${members[0]!.id}`, { leftOn: ago(1) }));
    // The leader left: a new one may be appointed.
    ok(await patch(`/api/rescue-teams/${team.id}/members/${members[1]!.id}`, { role: 'leader' }));
    expect((await get(`/api/rescue-teams/${team.id}/members`)).json()).toHaveLength(1);
    expect((await get(`/api/rescue-teams/${team.id}/members?includeLeft=true`)).json()).toHaveLength(2);
  });

  it('refuses a member of another team by its own team id (not found, not edited)', async () => {
    const a = await newTeam(1);
    const b = await newTeam(1);
    const res = await patch(`/api/rescue-teams/${a.team.id}/members/${b.members[0]!.id}`, { name: '改名' });
    expect(res.statusCode).toBe(404);
  });

  it('exports the roll (花名册) with certificates and masked phones', async () => {
    const demo = (await get('/api/rescue-teams?q=赈济&pageSize=5')).json().items[0];
    const members = (await get(`/api/rescue-teams/${demo.id}/members`)).json();
    const rows = await readXlsx(await get(`/api/rescue-teams/${demo.id}/members.xlsx`));
    expect(rows.length - 1).toBe(members.length);
    expect(rows[1]![3]).toBe('队长');
    expect(rows.slice(1).some((r) => r[7]!.includes('已过期'))).toBe(true);
    expect(rows.slice(1).every((r) => /^\d{3}\*{4}\d{4}$/.test(r[2]!))).toBe(true);
  });
});

describe('equipment', () => {
  it('registers, checks and exports equipment, flagging items not checked within 90 days', async () => {
    const { team } = await newTeam(1);
    const boat = ok(
      await post(`/api/rescue-teams/${team.id}/equipment`, {
        name: '冲锋舟',
        spec: '470 型，40 马力',
        quantity: 2,
        condition: 'good',
        lastCheckedOn: ago(120),
      }),
    );
    expect(boat.checkDue).toBe(true);
    const bad = await post(`/api/rescue-teams/${team.id}/equipment`, {
      name: '救生衣',
      quantity: -1,
      condition: 'new',
    });
    expect(
      bad
        .json()
        .fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['body.condition', 'body.quantity']);
    const checked = ok(
      await patch(`/api/rescue-teams/${team.id}/equipment/${boat.id}`, { lastCheckedOn: today, quantity: 3 }),
    );
    expect(checked).toMatchObject({ checkDue: false, quantity: 3 });
    expect(
      (await patch(`/api/rescue-teams/${team.id}/equipment/${boat.id}`, { quantity: 1 }, xs)).statusCode,
    ).toBe(404);
    const rows = await readXlsx(await get(`/api/rescue-teams/${team.id}/equipment.xlsx`));
    expect(rows[0]).toHaveLength(7);
    expect(rows[1]).toEqual(['冲锋舟', '470 型，40 马力', '3', '完好', today]);
  });
});

describe('personal data', () => {
  it('re-encrypts team and member phones under a new key, readable after, and idempotent', async () => {
    const phones = () =>
      queryRows<{ k: string; v: string }>(
        h.ctx.db,
        sql`select 't' || id as k, contact_phone_enc as v from rescue_teams
            union all select 'm' || id, phone_enc from rescue_team_members order by 1`,
      );
    const before = await phones();
    const plain = before.map((r) => h.ctx.pii.decrypt(r.v));
    const rotated = createPiiVault({
      keys: { t1: Buffer.alloc(32, 7), t2: Buffer.alloc(32, 8) },
      activeKeyId: 't2',
      lookupKey: Buffer.alloc(32, 9),
    });
    expect(await h.ctx.db.transaction((tx) => rotateRescueTeamPii(tx, rotated))).toBe(before.length);
    const after = await phones();
    after.forEach((r, i) => expect(rotated.decrypt(r.v)).toBe(plain[i]));
    expect(await h.ctx.db.transaction((tx) => rotateRescueTeamPii(tx, rotated))).toBe(0);
  });
});
