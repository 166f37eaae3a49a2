import {
  AED_STATUS_LABELS,
  AED_VENUE_LABELS,
  shanghaiDate,
  type AedDueItem,
  type AedDueListQuery,
  type ListAedsQuery,
  addDays,
} from '@boai/contracts';
import { and, asc, count, desc, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { aedFilter, daysBetween, dueBy, presentAeds } from './repository.ts';
import { aedDevices } from './schema.ts';

export async function listAeds(q: Queryable, pii: PiiVault, actor: Actor, query: ListAedsQuery) {
  const where = aedFilter(actor, query);
  const [{ total }] = (await q.select({ total: count() }).from(aedDevices).where(where)) as [
    { total: number },
  ];
  const rows = await q
    .select()
    .from(aedDevices)
    .where(where)
    .orderBy(asc(aedDevices.orgId), asc(aedDevices.serial))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentAeds(q, pii, rows), total, page: query.page, pageSize: query.pageSize };
}

const EXPORT_COLUMNS = [
  { header: '所属红十字会', width: 20 },
  { header: '序列号', width: 18 },
  { header: '型号', width: 18 },
  { header: '场所类型', width: 10 },
  { header: '场所名称', width: 24 },
  { header: '地址', width: 36 },
  { header: '纬度', width: 12 },
  { header: '经度', width: 12 },
  { header: '产权单位', width: 24 },
  { header: '责任人', width: 10 },
  { header: '责任人电话', width: 14 },
  { header: '安装日期', width: 12 },
  { header: '电池有效期至', width: 14 },
  { header: '电极片有效期至', width: 14 },
  { header: '状态', width: 8 },
  { header: '最近巡检', width: 12 },
];

/** The device list as filtered on screen, as .xlsx; phones stay masked in the file too. */
export function exportAeds(
  q: Queryable,
  pii: PiiVault,
  actor: Actor,
  query: Omit<ListAedsQuery, 'page' | 'pageSize'>,
): Readable {
  const where = aedFilter(actor, query);
  async function* rows() {
    for (let after = 0; ;) {
      const page = await q
        .select()
        .from(aedDevices)
        .where(and(where, sql`${aedDevices.id} > ${after}`))
        .orderBy(asc(aedDevices.id))
        .limit(500);
      if (!page.length) return;
      after = page.at(-1)!.id;
      for (const d of await presentAeds(q, pii, page))
        yield [
          d.orgName,
          d.serial,
          d.model,
          AED_VENUE_LABELS[d.venueType].zh,
          d.venueName,
          d.address,
          d.lat,
          d.lng,
          d.ownerUnit,
          d.responsibleName,
          d.responsibleMobileMasked,
          d.installedOn,
          d.batteryExpiresOn,
          d.padsExpiresOn,
          AED_STATUS_LABELS[d.status].zh,
          d.lastInspectedOn ?? '',
        ];
    }
  }
  return streamXlsx('AED', EXPORT_COLUMNS, rows());
}

/**
 * 到期提醒 list: every battery and pad set due within `withinDays` or already past, one line per part,
 * most urgent first. A device with both due appears twice — they are two jobs (and two purchases).
 */
export async function listDue(
  q: Queryable,
  pii: PiiVault,
  actor: Actor,
  query: AedDueListQuery,
  now = new Date(),
): Promise<AedDueItem[]> {
  const today = shanghaiDate(now);
  const until = addDays(today, query.withinDays);
  const t = aedDevices;
  const rows = await q
    .select()
    .from(t)
    .where(
      and(
        inScope(actor, 'training:read', t.orgId),
        query.orgId ? inOrgSubtree(t.orgId, query.orgId) : undefined,
        dueBy(until),
      ),
    )
    .orderBy(sql`least(${t.batteryExpiresOn}, ${t.padsExpiresOn})`, desc(t.id))
    .limit(2000);
  const devices = await presentAeds(q, pii, rows, now);
  const items: AedDueItem[] = [];
  for (const device of devices) {
    for (const [part, dueOn] of [
      ['battery', device.batteryExpiresOn],
      ['pads', device.padsExpiresOn],
    ] as const)
      if (dueOn <= until) items.push({ device, part, dueOn, daysLeft: daysBetween(today, dueOn) });
  }
  return items.sort((a, b) => a.daysLeft - b.daysLeft || a.device.id - b.device.id);
}
