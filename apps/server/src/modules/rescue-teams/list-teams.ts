import {
  RESCUE_TEAM_STATUS_LABELS,
  RESCUE_TEAM_TYPE_LABELS,
  type ListRescueTeamsQuery,
} from '@boai/contracts';
import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { presentTeams } from './repository.ts';
import { rescueTeams } from './schema.ts';

type Filters = Omit<ListRescueTeamsQuery, 'page' | 'pageSize'>;

function teamFilter(actor: Actor, query: Filters): SQL {
  const t = rescueTeams;
  return and(
    inScope(actor, 'relief:read', t.orgId),
    query.orgId ? inOrgSubtree(t.orgId, query.orgId) : undefined,
    query.type ? eq(t.type, query.type) : undefined,
    query.status ? eq(t.status, query.status) : undefined,
    query.q
      ? or(ilike(t.name, containsPattern(query.q)), ilike(t.leaderName, containsPattern(query.q)))
      : undefined,
  )!;
}

export async function listTeams(q: Queryable, pii: PiiVault, actor: Actor, query: ListRescueTeamsQuery) {
  const where = teamFilter(actor, query);
  const [{ total }] = (await q.select({ total: count() }).from(rescueTeams).where(where)) as [
    { total: number },
  ];
  const rows = await q
    .select()
    .from(rescueTeams)
    .where(where)
    .orderBy(asc(rescueTeams.orgId), asc(rescueTeams.name))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentTeams(q, pii, rows), total, page: query.page, pageSize: query.pageSize };
}

const COLUMNS = [
  { header: '所属红十字会', width: 22 },
  { header: '救援队', width: 26 },
  { header: '类型', width: 12 },
  { header: '成立日期', width: 12 },
  { header: '队长', width: 10 },
  { header: '联系电话', width: 14 },
  { header: '驻地', width: 36 },
  { header: '状态', width: 8 },
  { header: '在队人数', width: 10 },
  { header: '证书过期人数', width: 12 },
  { header: '本年出队人时', width: 12 },
];

/** The team list as filtered on screen; phones stay masked in the file. */
export function exportTeams(q: Queryable, pii: PiiVault, actor: Actor, query: Filters): Readable {
  const where = teamFilter(actor, query);
  async function* rows() {
    for (let after = 0; ;) {
      const page = await q
        .select()
        .from(rescueTeams)
        .where(and(where, sql`${rescueTeams.id} > ${after}`))
        .orderBy(asc(rescueTeams.id))
        .limit(500);
      if (!page.length) return;
      after = page.at(-1)!.id;
      for (const t of await presentTeams(q, pii, page))
        yield [
          t.orgName,
          t.name,
          RESCUE_TEAM_TYPE_LABELS[t.type].zh,
          t.foundedOn,
          t.leaderName,
          t.contactPhoneMasked,
          t.baseAddress,
          RESCUE_TEAM_STATUS_LABELS[t.status].zh,
          t.memberCount,
          t.expiredCertificateMembers,
          t.hoursThisYear,
        ];
    }
  }
  return streamXlsx('救援队', COLUMNS, rows());
}
