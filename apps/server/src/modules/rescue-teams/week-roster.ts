import {
  shanghaiDate,
  STANDBY_LEVEL_LABELS,
  type DutyRosterQuery,
  type DutyRosterWeek,
  addDays,
} from '@boai/contracts';
import { and, asc, between, eq, inArray } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { orgNamesById } from '../orgs/index.ts';
import { describeShift, presentShifts } from './roster-rules.ts';
import { rescueDutyShifts, rescueTeams } from './schema.ts';

/** Monday of the week holding `day` (weeks run Monday to Sunday, as Chinese rosters do). */
export function mondayOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

/** 值班表 of one week: the active teams in scope (or one team) and every shift of theirs that week. */
export async function weekRoster(
  q: Queryable,
  actor: Actor,
  query: DutyRosterQuery,
  now = new Date(),
): Promise<DutyRosterWeek> {
  const weekStart = mondayOf(query.weekOf ?? shanghaiDate(now));
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const t = rescueTeams;
  const teams = await q
    .select({ id: t.id, name: t.name, orgId: t.orgId })
    .from(t)
    .where(
      and(
        inScope(actor, 'relief:read', t.orgId),
        query.orgId ? inOrgSubtree(t.orgId, query.orgId) : undefined,
        query.teamId ? eq(t.id, query.teamId) : eq(t.status, 'active'),
      ),
    )
    .orderBy(asc(t.orgId), asc(t.name))
    .limit(1000);
  const names = await orgNamesById(
    q,
    teams.map((x) => x.orgId),
  );
  const rows = teams.length
    ? await q
        .select()
        .from(rescueDutyShifts)
        .where(
          and(
            inArray(
              rescueDutyShifts.teamId,
              teams.map((x) => x.id),
            ),
            between(rescueDutyShifts.dutyDate, days[0]!, days[6]!),
          ),
        )
        .orderBy(asc(rescueDutyShifts.dutyDate), asc(rescueDutyShifts.startsAt), asc(rescueDutyShifts.id))
    : [];
  return {
    weekStart,
    days,
    teams: teams.map((x) => ({ id: x.id, name: x.name, orgName: names.get(x.orgId) ?? '' })),
    shifts: await presentShifts(q, rows),
  };
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const COLUMNS = [
  { header: '日期', width: 12 },
  { header: '星期', width: 6 },
  { header: '救援队', width: 26 },
  { header: '时段', width: 24 },
  { header: '备勤等级', width: 24 },
  { header: '值班队员', width: 40 },
  { header: '备注', width: 24 },
];

/** The week's 值班表 as .xlsx, one line per shift, for printing and posting at the base. */
export async function exportWeekRoster(
  q: Queryable,
  actor: Actor,
  query: DutyRosterQuery,
): Promise<Readable> {
  const week = await weekRoster(q, actor, query);
  async function* rows() {
    for (const s of week.shifts)
      yield [
        s.dutyDate,
        WEEKDAYS[new Date(`${s.dutyDate}T00:00:00Z`).getUTCDay()],
        s.teamName,
        describeShift(s).slice(11),
        STANDBY_LEVEL_LABELS[s.standbyLevel].zh,
        s.members.map((m) => m.name).join('、'),
        s.notes ?? '',
      ];
  }
  return streamXlsx('值班表', COLUMNS, rows());
}
