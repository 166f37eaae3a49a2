import {
  startOfShanghaiDay,
  type DutyShift,
  type DutyShiftInput,
  type RescueMemberRole,
  type StandbyLevel,
  addDays,
} from '@boai/contracts';
import { and, asc, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { type MemberRow } from './repository.ts';
import { rescueDutyAssignments, rescueDutyShifts, rescueTeamMembers, rescueTeams } from './schema.ts';

type ShiftRow = typeof rescueDutyShifts.$inferSelect;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The instants a shift covers: a whole day is Shanghai midnight to midnight; a timed shift whose end
 * is not after its start ends the next day (20:00–08:00).
 */
export function shiftWindow(v: Pick<DutyShiftInput, 'dutyDate' | 'allDay' | 'startTime' | 'endTime'>) {
  const day = startOfShanghaiDay(v.dutyDate).getTime();
  if (v.allDay) return { startsAt: new Date(day), endsAt: startOfShanghaiDay(addDays(v.dutyDate, 1)) };
  const start = minutesOf(v.startTime!);
  const end = minutesOf(v.endTime!);
  return {
    startsAt: new Date(day + start * 60_000),
    endsAt: new Date(day + (end > start ? end : end + 1440) * 60_000),
  };
}

/** '2026-03-02 全天' or '2026-03-02 20:00–08:00', as a person would say it. */
export const describeShift = (s: Pick<ShiftRow, 'dutyDate' | 'allDay' | 'startTime' | 'endTime'>) =>
  s.allDay ? `${s.dutyDate} 全天` : `${s.dutyDate} ${s.startTime}–${s.endTime}`;

/**
 * Refuses a member already on another shift that overlaps `window`. The caller holds the team's row
 * lock, so two rosters written at once cannot both pass this check.
 */
export async function refuseOverlaps(
  q: Queryable,
  members: Map<number, MemberRow>,
  memberIds: readonly number[],
  window: { startsAt: Date; endsAt: Date },
  exceptShiftId?: number,
) {
  const s = rescueDutyShifts;
  const a = rescueDutyAssignments;
  const [clash] = await q
    .select({
      memberId: a.memberId,
      dutyDate: s.dutyDate,
      allDay: s.allDay,
      startTime: s.startTime,
      endTime: s.endTime,
    })
    .from(a)
    .innerJoin(s, eq(a.shiftId, s.id))
    .where(
      and(
        inArray(a.memberId, [...memberIds]),
        lt(s.startsAt, window.endsAt),
        gt(s.endsAt, window.startsAt),
        exceptShiftId ? ne(s.id, exceptShiftId) : undefined,
      ),
    )
    .orderBy(asc(s.startsAt))
    .limit(1);
  if (!clash) return;
  const field = `memberIds.${memberIds.indexOf(clash.memberId)}`;
  throw new AppError('RESCUE_TEAM_SHIFT_OVERLAP', 409, [{ field, code: 'RESCUE_TEAM_SHIFT_OVERLAP' }], {
    name: members.get(clash.memberId)!.name,
    shift: describeShift(clash),
  });
}

/** Shifts with their team names and members (by rank), in two queries. */
export async function presentShifts(q: Queryable, rows: ShiftRow[]): Promise<DutyShift[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const m = rescueTeamMembers;
  const people = await q
    .select({ shiftId: rescueDutyAssignments.shiftId, id: m.id, name: m.name, role: m.role })
    .from(rescueDutyAssignments)
    .innerJoin(m, eq(rescueDutyAssignments.memberId, m.id))
    .where(inArray(rescueDutyAssignments.shiftId, ids))
    .orderBy(asc(m.id));
  const rank = { leader: 0, deputy: 1, member: 2 } as Record<string, number>;
  people.sort((x, y) => rank[x.role]! - rank[y.role]! || x.id - y.id);
  const teams = new Map(
    (
      await q
        .select({ id: rescueTeams.id, name: rescueTeams.name })
        .from(rescueTeams)
        .where(inArray(rescueTeams.id, [...new Set(rows.map((r) => r.teamId))]))
    ).map((t) => [t.id, t.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    teamId: r.teamId,
    teamName: teams.get(r.teamId) ?? '',
    dutyDate: r.dutyDate,
    allDay: r.allDay,
    startTime: r.startTime,
    endTime: r.endTime,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    standbyLevel: r.standbyLevel as StandbyLevel,
    notes: r.notes,
    members: people
      .filter((p) => p.shiftId === r.id)
      .map((p) => ({ id: p.id, name: p.name, role: p.role as RescueMemberRole })),
  }));
}
