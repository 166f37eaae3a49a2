import type { ListRescueDeploymentsQuery } from '@boai/contracts';
import { and, between, count, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { presentDeployments } from './deployments.ts';
import { rescueDeployments } from './schema.ts';

type Filters = Omit<ListRescueDeploymentsQuery, 'page' | 'pageSize'>;

function deploymentFilter(actor: Actor, query: Filters): SQL {
  const d = rescueDeployments;
  return and(
    inScope(actor, 'relief:read', d.orgId),
    query.teamId ? eq(d.teamId, query.teamId) : undefined,
    query.orgId ? inOrgSubtree(d.orgId, query.orgId) : undefined,
    query.year ? between(d.startedOn, `${query.year}-01-01`, `${query.year}-12-31`) : undefined,
    query.eventId ? eq(d.eventId, query.eventId) : undefined,
  )!;
}

/** Deployments in scope, newest first. */
export async function listDeployments(q: Queryable, actor: Actor, query: ListRescueDeploymentsQuery) {
  const where = deploymentFilter(actor, query);
  const [{ total }] = (await q.select({ total: count() }).from(rescueDeployments).where(where)) as [
    { total: number },
  ];
  const rows = await q
    .select()
    .from(rescueDeployments)
    .where(where)
    .orderBy(desc(rescueDeployments.startedOn), desc(rescueDeployments.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentDeployments(q, rows), total, page: query.page, pageSize: query.pageSize };
}

const COLUMNS = [
  { header: '所属红十字会', width: 20 },
  { header: '救援队', width: 24 },
  { header: '灾害事件', width: 28 },
  { header: '出队日期', width: 12 },
  { header: '收队日期', width: 12 },
  { header: '地点', width: 28 },
  { header: '队员', width: 10 },
  { header: '时长（小时）', width: 12 },
];

/** 出队记录 (.xlsx): one line per deployed member, so the hours add up in any spreadsheet. */
export function exportDeployments(q: Queryable, actor: Actor, query: Filters): Readable {
  const where = deploymentFilter(actor, query);
  const d = rescueDeployments;
  async function* rows() {
    let cursor: { on: string; id: number } | null = null;
    for (;;) {
      const page = await q
        .select()
        .from(d)
        .where(
          and(
            where,
            cursor
              ? or(lt(d.startedOn, cursor.on), and(eq(d.startedOn, cursor.on), lt(d.id, cursor.id)))
              : undefined,
          ),
        )
        .orderBy(desc(d.startedOn), desc(d.id))
        .limit(200);
      if (!page.length) return;
      cursor = { on: page.at(-1)!.startedOn, id: page.at(-1)!.id };
      for (const x of await presentDeployments(q, page))
        for (const m of x.members)
          yield [
            x.orgName,
            x.teamName,
            x.eventName,
            x.startedOn,
            x.endedOn ?? '进行中',
            x.location,
            m.name,
            m.hours,
          ];
    }
  }
  return streamXlsx('出队记录', COLUMNS, rows());
}
