import { addDays } from '@boai/contracts';
import { describe, expect, it } from 'vitest';
import {
  ago,
  get,
  newTeam,
  ok,
  patch,
  post,
  put,
  readXlsx,
  today,
  useRescueTeamHarness,
  xs,
} from './testing.ts';

useRescueTeamHarness();

const thisYear = Number(today.slice(0, 4));
const deployment = (members: { memberId: number; hours: number }[], over: Record<string, unknown> = {}) => ({
  eventId: null,
  eventName: '梁溪区暴雨内涝群众转移',
  startedOn: ago(3),
  endedOn: ago(2),
  location: '无锡市梁溪区清名桥街道',
  summary: '转移群众 35 人，排涝 6 处。',
  members,
  ...over,
});

describe('deployments and drills', () => {
  it('records a deployment with hours per member and totals them per year', async () => {
    const { team, members } = await newTeam(3);
    const [a, b, c] = members.map((m) => m.id) as [number, number, number];
    const dep = ok(
      await post(
        `/api/rescue-teams/${team.id}/deployments`,
        deployment([
          { memberId: a, hours: 20 },
          { memberId: b, hours: 18.5 },
          { memberId: c, hours: 6.3 },
        ]),
      ),
    );
    expect(dep).toMatchObject({ totalHours: 44.8, eventName: '梁溪区暴雨内涝群众转移' });
    expect(dep.members.map((m: { hours: number }) => m.hours)).toEqual([20, 18.5, 6.3]);

    // Last year's deployment and this year's drill go into their own years.
    ok(
      await post(
        `/api/rescue-teams/${team.id}/deployments`,
        deployment([{ memberId: a, hours: 10 }], {
          eventName: '太湖蓝藻应急处置',
          startedOn: `${thisYear - 1}-08-10`,
          endedOn: `${thisYear - 1}-08-10`,
        }),
      ),
    );
    ok(
      await post(`/api/rescue-teams/${team.id}/drills`, {
        heldOn: today,
        subject: '夜间集结拉练',
        hours: 2.5,
        memberIds: [a, b],
      }),
    );
    const detail = ok(await get(`/api/rescue-teams/${team.id}`));
    expect(detail.hoursThisYear).toBe(44.8);
    expect(detail.years).toEqual([
      { year: thisYear, deployments: 1, deploymentHours: 44.8, drills: 1, drillHours: 5 },
      { year: thisYear - 1, deployments: 1, deploymentHours: 10, drills: 0, drillHours: 0 },
    ]);
    const report = ok(await get(`/api/rescue-teams/hours?year=${thisYear}`));
    expect(report.find((r: { teamId: number }) => r.teamId === team.id)).toMatchObject({
      deployments: 1,
      deploymentHours: 44.8,
      drillHours: 5,
    });
  });

  it('refuses hours beyond 24 a day, members not serving, dates out of order or in the future', async () => {
    const { team, members } = await newTeam(2);
    const late = ok(
      await post(`/api/rescue-teams/${team.id}/members`, {
        name: '新队员',
        gender: 'female',
        phone: '13700003333',
        role: 'member',
        joinedOn: ago(1),
      }),
    );
    const over = await post(
      `/api/rescue-teams/${team.id}/deployments`,
      deployment([
        { memberId: members[0]!.id, hours: 10 },
        { memberId: members[1]!.id, hours: 48.5 },
      ]),
    );
    expect(over.statusCode).toBe(400);
    expect(over.json().fields[0]).toMatchObject({
      field: 'members.1.hours',
      code: 'RESCUE_TEAM_HOURS_EXCEED',
    });
    expect(over.json().message).toContain('48');
    const notYet = await post(
      `/api/rescue-teams/${team.id}/deployments`,
      deployment([{ memberId: late.id, hours: 5 }]),
    );
    expect(notYet.json().fields[0]).toMatchObject({
      field: 'members.0.memberId',
      code: 'RESCUE_TEAM_MEMBER_NOT_SERVING',
    });
    const order = await post(
      `/api/rescue-teams/${team.id}/deployments`,
      deployment([{ memberId: members[0]!.id, hours: 5 }], { endedOn: ago(5) }),
    );
    expect(order.json().fields[0]).toMatchObject({ field: 'endedOn', code: 'RESCUE_TEAM_DATE_ORDER' });
    const future = await post(`/api/rescue-teams/${team.id}/drills`, {
      heldOn: addDays(today, 2),
      subject: '未来演练',
      hours: 2,
      memberIds: [members[0]!.id],
    });
    expect(future.json().fields[0]).toMatchObject({ field: 'heldOn', code: 'RESCUE_TEAM_DATE_IN_FUTURE' });
    const fraction = await post(`/api/rescue-teams/${team.id}/drills`, {
      heldOn: today,
      subject: '演练',
      hours: 2.25,
      memberIds: [members[0]!.id],
    });
    expect(fraction.json().fields[0]).toMatchObject({ field: 'body.hours' });
    const sibling = await post(
      `/api/rescue-teams/${team.id}/deployments`,
      deployment([{ memberId: members[0]!.id, hours: 5 }]),
      xs,
    );
    expect(sibling.statusCode).toBe(404);
  });

  it('keeps a deployment open while deployed, then closes it with confirmed hours', async () => {
    const { team, members } = await newTeam(1);
    const open = ok(
      await post(
        `/api/rescue-teams/${team.id}/deployments`,
        deployment([{ memberId: members[0]!.id, hours: 30 }], { startedOn: ago(1), endedOn: null }),
      ),
    );
    expect(open.endedOn).toBeNull();
    const closed = ok(
      await put(
        `/api/rescue-teams/${team.id}/deployments/${open.id}`,
        deployment([{ memberId: members[0]!.id, hours: 36 }], { startedOn: ago(1), endedOn: today }),
      ),
    );
    expect(closed).toMatchObject({ endedOn: today, totalHours: 36 });
    const stoodDown = ok(await patch(`/api/rescue-teams/${team.id}`, { status: 'stood_down' }));
    expect(stoodDown.status).toBe('stood_down');
    const refused = await post(
      `/api/rescue-teams/${team.id}/deployments`,
      deployment([{ memberId: members[0]!.id, hours: 1 }]),
    );
    expect(refused.json().code).toBe('RESCUE_TEAM_STOOD_DOWN');
  });

  it('lists deployments and drills only in scope', async () => {
    const mine = ok(await get('/api/rescue-teams/deployments?pageSize=200'));
    expect(mine.items.length).toBeGreaterThan(0);
    const theirs = ok(await get('/api/rescue-teams/deployments?pageSize=200', xs));
    expect(theirs.items.some((d: { orgName: string }) => d.orgName.startsWith('梁溪区'))).toBe(false);
    const demo = ok(await get('/api/rescue-teams?q=赈济救援队&pageSize=5')).items[0];
    const drills = ok(await get(`/api/rescue-teams/${demo.id}/drills`));
    expect(drills.length).toBe(2);
    expect(drills[0].participants.length).toBeGreaterThan(3);
    expect((await get(`/api/rescue-teams/${demo.id}/drills`, xs)).statusCode).toBe(404);
    const hours = ok(await get(`/api/rescue-teams/hours?year=${thisYear}`, xs));
    expect(hours.some((r: { orgName: string }) => r.orgName.startsWith('梁溪区'))).toBe(false);
  });

  it('exports deployments one line per member and the yearly hours, both adding up', async () => {
    const list = ok(await get(`/api/rescue-teams/deployments?year=${thisYear}&pageSize=200`));
    const rows = await readXlsx(await get(`/api/rescue-teams/deployments.xlsx?year=${thisYear}`));
    const lines = list.items.reduce((n: number, d: { members: unknown[] }) => n + d.members.length, 0);
    expect(rows.length - 1).toBe(lines);
    const fileHours = rows.slice(1).reduce((s, r) => s + Number(r[7]), 0);
    const apiHours = list.items.reduce((s: number, d: { totalHours: number }) => s + d.totalHours, 0);
    expect(Math.round(fileHours * 10)).toBe(Math.round(apiHours * 10));

    const report = ok(await get(`/api/rescue-teams/hours?year=${thisYear}`));
    const sheet = await readXlsx(await get(`/api/rescue-teams/hours.xlsx?year=${thisYear}`));
    expect(sheet[0]).toEqual([
      '所属红十字会',
      '救援队',
      '类型',
      '出队次数',
      '出队人时',
      '演练次数',
      '演练人时',
      '合计人时',
    ]);
    expect(sheet.length - 1).toBe(report.length);
    expect(Number(sheet[1]![4])).toBe(report[0].deploymentHours);
  });
});
