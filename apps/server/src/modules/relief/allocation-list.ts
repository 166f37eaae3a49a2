import {
  ALLOCATION_STATUS_LABELS,
  shanghaiDateTime,
  type Allocation,
  type ListAllocationsQuery,
} from '@boai/contracts';
import { and, count, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { allocationVisible, presentAllocations, selectAllocations } from './allocation-repository.ts';
import { allocations } from './schema.ts';

const a = allocations;
export type AllocationFilter = Omit<ListAllocationsQuery, 'page' | 'pageSize'>;

/**
 * The list's filters over allocations the actor sees. 调出 (out): shipped from a society the actor
 * covers; 调入 (in): coming to (or asked by) one of them from outside what the actor covers.
 */
export function allocationFilter(actor: Actor, f: AllocationFilter): SQL {
  const out = inScope(actor, 'relief:read', a.orgId);
  return and(
    allocationVisible(actor),
    f.status ? eq(a.status, f.status) : undefined,
    f.direction === 'out' ? out : undefined,
    f.direction === 'in' ? sql`not ${out}` : undefined,
    f.eventId ? eq(a.eventId, f.eventId) : undefined,
    f.warehouseId ? or(eq(a.fromWarehouseId, f.warehouseId), eq(a.toWarehouseId, f.warehouseId)) : undefined,
    f.orgId ? or(inOrgSubtree(a.orgId, f.orgId), inOrgSubtree(a.toOrgId, f.orgId)) : undefined,
  )!;
}

export async function listAllocations(q: Queryable, actor: Actor, query: ListAllocationsQuery) {
  const where = allocationFilter(actor, query);
  const [{ total }] = (await q.select({ total: count() }).from(a).where(where)) as [{ total: number }];
  const rows = await selectAllocations(q)
    .where(where)
    .orderBy(desc(a.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentAllocations(q, rows), total, page: query.page, pageSize: query.pageSize };
}

async function* iterate(q: Queryable, actor: Actor, f: AllocationFilter): AsyncGenerator<Allocation> {
  const where = allocationFilter(actor, f);
  for (let before: number | null = null; ;) {
    const rows = await selectAllocations(q)
      .where(and(where, before === null ? undefined : lt(a.id, before)))
      .orderBy(desc(a.id))
      .limit(500);
    if (!rows.length) return;
    before = rows.at(-1)!.a.id;
    yield* await presentAllocations(q, rows);
  }
}

const COLUMNS = [
  { header: '调拨单号', width: 10 },
  { header: '状态', width: 8 },
  { header: '调出单位', width: 20 },
  { header: '调出仓库', width: 22 },
  { header: '去向', width: 34 },
  { header: '灾害事件', width: 28 },
  { header: '用途', width: 30 },
  { header: '数量', width: 10 },
  { header: '价值（元）', width: 14 },
  { header: '申请单位', width: 20 },
  { header: '申请人', width: 14 },
  { header: '申请时间', width: 20 },
  { header: '承运单位', width: 16 },
  { header: '运单号', width: 18 },
  { header: '发运时间', width: 20 },
  { header: '签收人', width: 12 },
  { header: '签收时间', width: 20 },
] as const;

const when = (iso: string | null) => (iso ? shanghaiDateTime(new Date(iso)) : '');

/** The list as filtered on screen, as .xlsx (values in yuan as numbers, times in Shanghai). */
export function exportAllocations(q: Queryable, actor: Actor, f: AllocationFilter): Readable {
  async function* rows() {
    for await (const x of iterate(q, actor, f))
      yield [
        x.id,
        ALLOCATION_STATUS_LABELS[x.status].zh,
        x.orgName,
        x.fromWarehouseName,
        x.destinationLabel,
        x.eventName ?? '',
        x.purpose,
        x.totalQty,
        x.valueFen / 100,
        x.requestedByOrgName,
        x.requestedBy,
        when(x.requestedAt),
        x.carrier ?? '',
        x.trackingNo ?? '',
        when(x.shippedAt),
        x.signerName ?? '',
        when(x.signedAt),
      ];
  }
  return streamXlsx('物资调拨', COLUMNS, rows());
}
