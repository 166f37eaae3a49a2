import { addDays } from '@boai/contracts';
import { describe, expect, it } from 'vitest';
import {
  ago,
  get,
  h,
  lx,
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
import { mondayOf } from './week-roster.ts';

useRescueTeamHarness();

const shift = (memberIds: number[], over: Record<string, unknown> = {}) => ({
  dutyDate: addDays(today, 3),
  allDay: false,
  startTime: '08:00',
  endTime: '20:00',
  standbyLevel: 'level1',
  memberIds,
  ...over,
});

describe('duty roster (值班备勤)', () => {
  it('knows Monday: weeks run Monday to Sunday', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // its Sunday
    expect(mondayOf('2026-12-01')).toBe('2026-11-30');
  });

  it('puts members on a shift and refuses one member on two overlapping shifts, night shifts included', async () => {
    const { team, members } = await newTeam(4);
    const [a, b, c] = members.map((m) => m.id) as [number, number, number];
    const day = ok(await post(`/api/rescue-teams/${team.id}/shifts`, shift([a, b])));
    expect(day.members.map((m: { id: number }) => m.id)).toEqual([a, b]);
    expect(Date.parse(day.endsAt) - Date.parse(day.startsAt)).toBe(12 * 3_600_000);

    // 20:00 → 08:00 touches the day shift's end but does not overlap it.
    const night = ok(
      await post(
        `/api/rescue-teams/${team.id}/shifts`,
        shift([b, c], { startTime: '20:00', endTime: '08:00' }),
      ),
    );
    expect(Date.parse(night.endsAt) - Date.parse(night.startsAt)).toBe(12 * 3_600_000);

    // Next morning 07:00–12:00 overlaps the night shift for c.
    const clash = await post(
      `/api/rescue-teams/${team.id}/shifts`,
      shift([members[3]!.id, c], { dutyDate: addDays(today, 4), startTime: '07:00', endTime: '12:00' }),
    );
    expect(clash.statusCode).toBe(409);
    expect(clash.json().fields[0]).toMatchObject({ field: 'memberIds.1', code: 'RESCUE_TEAM_SHIFT_OVERLAP' });
    expect(clash.json().message).toContain(members[2]!.name);
    expect(clash.json().message).toContain('20:00–08:00');

    // A whole-day shift overlaps everything that day.
    const allDay = await post(
      `/api/rescue-teams/${team.id}/shifts`,
      shift([a], { allDay: true, startTime: null, endTime: null }),
    );
    expect(allDay.json().code).toBe('RESCUE_TEAM_SHIFT_OVERLAP');

    // Moving the day shift onto the night shift's hours is refused too; moving it elsewhere is fine.
    const moved = await put(
      `/api/rescue-teams/${team.id}/shifts/${day.id}`,
      shift([a, b], { startTime: '19:00', endTime: '23:00' }),
    );
    expect(moved.json().code).toBe('RESCUE_TEAM_SHIFT_OVERLAP');
    ok(
      await put(
        `/api/rescue-teams/${team.id}/shifts/${day.id}`,
        shift([a, b], { startTime: '09:00', endTime: '17:00', standbyLevel: 'level2' }),
      ),
    );
  });

  it('lets only one of two simultaneous overlapping rosters for the same member through', async () => {
    const { team, members } = await newTeam(3);
    const when = { dutyDate: addDays(today, 10) };
    const results = await Promise.all([
      post(`/api/rescue-teams/${team.id}/shifts`, shift([members[0]!.id, members[1]!.id], when)),
      post(
        `/api/rescue-teams/${team.id}/shifts`,
        shift([members[2]!.id, members[0]!.id], { ...when, startTime: '12:00', endTime: '18:00' }),
      ),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('checks what is typed: times, the same member twice, someone not in the team', async () => {
    const { team, members } = await newTeam(2);
    const other = await newTeam(1);
    const noTimes = await post(
      `/api/rescue-teams/${team.id}/shifts`,
      shift([members[0]!.id], { startTime: null }),
    );
    expect(noTimes.json().fields[0]).toMatchObject({ field: 'body.startTime' });
    const same = await post(
      `/api/rescue-teams/${team.id}/shifts`,
      shift([members[0]!.id], { endTime: '08:00' }),
    );
    expect(same.json().fields[0]).toMatchObject({ field: 'body.endTime' });
    const twice = await post(`/api/rescue-teams/${team.id}/shifts`, shift([members[0]!.id, members[0]!.id]));
    expect(twice.json().fields[0]).toMatchObject({
      field: 'memberIds.1',
      code: 'RESCUE_TEAM_MEMBER_DUPLICATE',
    });
    const stranger = await post(
      `/api/rescue-teams/${team.id}/shifts`,
      shift([members[0]!.id, other.members[0]!.id]),
    );
    expect(stranger.json().fields[0]).toMatchObject({
      field: 'memberIds.1',
      code: 'RESCUE_TEAM_MEMBER_NOT_IN_TEAM',
    });
    const sibling = await post(`/api/rescue-teams/${team.id}/shifts`, shift([members[0]!.id]), xs);
    expect(sibling.statusCode).toBe(404);
  });

  it('shows the week across teams, takes a leaving member off later shifts, and cancels a shift', async () => {
    const { team, members } = await newTeam(3);
    const [a, b, c] = members.map((m) => m.id) as [number, number, number];
    const monday = mondayOf(today);
    const first = ok(
      await post(`/api/rescue-teams/${team.id}/shifts`, shift([a, b], { dutyDate: monday, allDay: true })),
    );
    const later = ok(
      await post(`/api/rescue-teams/${team.id}/shifts`, shift([b, c], { dutyDate: addDays(monday, 6) })),
    );

    const week = ok(await get(`/api/rescue-teams/roster?weekOf=${addDays(monday, 3)}`));
    expect(week.weekStart).toBe(monday);
    expect(week.days).toHaveLength(7);
    expect(week.teams.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining([team.name, '梁溪区红十字赈济救援队']),
    );
    expect(week.shifts.map((s: { id: number }) => s.id)).toEqual(
      expect.arrayContaining([first.id, later.id]),
    );
    expect(week.teams.some((t: { orgName: string }) => t.orgName.startsWith('锡山区'))).toBe(false);
    const theirs = ok(await get(`/api/rescue-teams/roster?weekOf=${monday}`, xs));
    expect(theirs.shifts.some((s: { teamId: number }) => s.teamId === team.id)).toBe(false);

    ok(await patch(`/api/rescue-teams/${team.id}/members/${b}`, { leftOn: addDays(monday, 1) }));
    const after = ok(await get(`/api/rescue-teams/roster?teamId=${team.id}&weekOf=${monday}`));
    const ids = (id: number) =>
      after.shifts.find((s: { id: number }) => s.id === id).members.map((m: { id: number }) => m.id);
    expect(ids(first.id)).toEqual([a, b]); // before leaving: kept as it happened
    expect(ids(later.id)).toEqual([c]);

    const del = await h.req('DELETE', `/api/rescue-teams/${team.id}/shifts/${later.id}`, { cookie: lx });
    expect(del.statusCode, del.body).toBe(200);
    const gone = ok(await get(`/api/rescue-teams/roster?teamId=${team.id}&weekOf=${monday}`));
    expect(gone.shifts.map((s: { id: number }) => s.id)).toEqual([first.id]);
  });

  it('exports the week as .xlsx, one line per shift', async () => {
    const week = ok(await get(`/api/rescue-teams/roster?weekOf=${ago(0)}`));
    const rows = await readXlsx(await get(`/api/rescue-teams/roster.xlsx?weekOf=${ago(0)}`));
    expect(rows[0]).toEqual(['日期', '星期', '救援队', '时段', '备勤等级', '值班队员', '备注']);
    expect(rows.length - 1).toBe(week.shifts.length);
    expect(rows.slice(1).every((r) => /^周[一二三四五六日]$/.test(r[1]!))).toBe(true);
    expect(rows.some((r) => r[3] === '全天')).toBe(true);
  });
});
