import {
  DISASTER_EVENT_STATUS_LABELS,
  DISASTER_TYPE_LABELS,
  RESPONSE_LEVEL_LABELS,
  type ListDisasterEventsQuery,
} from '@boai/contracts';
import { and, asc, count, desc, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { eventFilter, eventListColumns, presentEvents } from './repository.ts';
import { disasterEvents } from './schema.ts';

const t = disasterEvents;

/** Events the actor sees, those still responding first, then the most recent. */
export async function listEvents(q: Queryable, actor: Actor, query: ListDisasterEventsQuery) {
  const where = eventFilter(actor, query);
  const [{ total }] = (await q.select({ total: count() }).from(t).where(where)) as [{ total: number }];
  const rows = await q
    .select(eventListColumns(actor))
    .from(t)
    .where(where)
    .orderBy(asc(t.status), desc(t.startsOn), desc(t.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentEvents(q, rows), total, page: query.page, pageSize: query.pageSize };
}

const EXPORT_COLUMNS = [
  { header: '事件名称', width: 36 },
  { header: '灾害类型', width: 10 },
  { header: '响应等级', width: 10 },
  { header: '受灾地区', width: 30 },
  { header: '开始日期', width: 12 },
  { header: '结束日期', width: 12 },
  { header: '状态', width: 8 },
  { header: '所属红十字会', width: 20 },
  { header: '需求条目', width: 10 },
  { header: '关联募捐项目', width: 12 },
  { header: '概况', width: 50 },
];

/** The list as filtered on screen, as .xlsx (read page by page, never the whole table at once). */
export function exportEvents(
  q: Queryable,
  actor: Actor,
  query: Omit<ListDisasterEventsQuery, 'page' | 'pageSize'>,
): Readable {
  const where = eventFilter(actor, query);
  async function* rows() {
    for (let after = 0; ;) {
      const page = await q
        .select(eventListColumns(actor))
        .from(t)
        .where(and(where, sql`${t.id} > ${after}`))
        .orderBy(asc(t.id))
        .limit(500);
      if (!page.length) return;
      after = page.at(-1)!.row.id;
      for (const e of await presentEvents(q, page))
        yield [
          e.name,
          DISASTER_TYPE_LABELS[e.type].zh,
          RESPONSE_LEVEL_LABELS[e.responseLevel].zh,
          e.area,
          e.startsOn,
          e.endsOn ?? '',
          DISASTER_EVENT_STATUS_LABELS[e.status].zh,
          e.orgName,
          e.needCount,
          e.appealCount,
          e.summary ?? '',
        ];
    }
  }
  return streamXlsx('灾害事件', EXPORT_COLUMNS, rows());
}
