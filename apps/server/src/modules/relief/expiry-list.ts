import { formatFen, shanghaiDate, type ExpiryBatch, type ListExpiryQuery } from '@boai/contracts';
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { orgNamesById } from '../orgs/index.ts';
import { reliefItems, stockAdjustments, stockBatches, warehouses } from './schema.ts';

type Filters = Omit<ListExpiryQuery, 'page' | 'pageSize'>;
const b = stockBatches;

/**
 * Batches holding stock whose last valid day is within `withinDays` of today (Shanghai) or already
 * past. A batch is still good on its expiry day: it counts as expired from the day after. The
 * predicate matches the partial index on expires_on (on_hand > 0, expiry known).
 */
export function expiryWhere(actor: Actor, f: Filters, today: string): SQL {
  return and(
    inScope(actor, 'relief:read', b.orgId),
    sql`${b.onHand} > 0 and ${b.expiresOn} is not null`,
    sql`${b.expiresOn} <= ${today}::date + ${f.withinDays}::int`,
    f.state === 'expired' ? sql`${b.expiresOn} < ${today}::date` : undefined,
    f.state === 'expiring' ? sql`${b.expiresOn} >= ${today}::date` : undefined,
    f.orgId ? inOrgSubtree(b.orgId, f.orgId) : undefined,
    f.warehouseId ? eq(b.warehouseId, f.warehouseId) : undefined,
  )!;
}

const columns = (today: string) => ({
  batchId: b.id,
  batchCode: b.code,
  orgId: b.orgId,
  warehouseId: b.warehouseId,
  warehouseName: warehouses.name,
  itemId: b.itemId,
  itemName: reliefItems.name,
  spec: reliefItems.spec,
  unit: reliefItems.unit,
  lotNo: b.lotNo,
  expiresOn: sql<string>`${b.expiresOn}::text`,
  daysLeft: sql<number>`(${b.expiresOn} - ${today}::date)::int`,
  onHand: b.onHand,
  reserved: b.reserved,
  unitValueFen: b.unitValueFen,
  // Qualified by hand so the subquery's own columns can never capture the outer batch's.
  pendingWriteOffQty: sql<number>`(select coalesce(sum(sa.quantity), 0)::int from ${stockAdjustments} sa
    where sa.batch_id = ${b}.id and sa.kind = 'write_off' and sa.status = 'requested')`,
});

async function expiryPage(q: Queryable, where: SQL, today: string, limit: number, offset: number) {
  const rows = await q
    .select(columns(today))
    .from(b)
    .innerJoin(warehouses, eq(warehouses.id, b.warehouseId))
    .innerJoin(reliefItems, eq(reliefItems.id, b.itemId))
    .where(where)
    .orderBy(asc(b.expiresOn), asc(b.id))
    .limit(limit)
    .offset(offset);
  const orgNames = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map(({ unitValueFen, ...r }): ExpiryBatch => ({
    ...r,
    orgName: orgNames.get(r.orgId) ?? '',
    expired: r.daysLeft < 0,
    free: r.onHand - r.reserved,
    valueFen: r.onHand * unitValueFen,
  }));
}

/** 效期预警: the batches to use first, give away or write off — soonest expiry first. */
export async function listExpiring(q: Queryable, actor: Actor, query: ListExpiryQuery, now = new Date()) {
  const today = shanghaiDate(now);
  const where = expiryWhere(actor, query, today);
  const [{ total }] = (await q.select({ total: count() }).from(b).where(where)) as [{ total: number }];
  const items = await expiryPage(q, where, today, query.pageSize, (query.page - 1) * query.pageSize);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

const COLUMNS = [
  { header: '状态', width: 10 },
  { header: '有效期至', width: 12 },
  { header: '剩余天数', width: 10 },
  { header: '批次码', width: 14 },
  { header: '物资', width: 20 },
  { header: '规格', width: 18 },
  { header: '单位', width: 6 },
  { header: '批号', width: 14 },
  { header: '所属红十字会', width: 22 },
  { header: '仓库', width: 20 },
  { header: '在库', width: 8 },
  { header: '已预留', width: 8 },
  { header: '待报废', width: 8 },
  { header: '金额（元）', width: 12 },
];

/** The expiry list as filtered on screen, as .xlsx. */
export function exportExpiring(q: Queryable, actor: Actor, filters: Filters, now = new Date()): Readable {
  const today = shanghaiDate(now);
  const where = expiryWhere(actor, filters, today);
  async function* rows() {
    for (let offset = 0; ; offset += 500) {
      const page = await expiryPage(q, where, today, 500, offset);
      if (!page.length) return;
      for (const e of page)
        yield [
          e.expired ? '已过期' : '临期',
          e.expiresOn,
          e.daysLeft,
          e.batchCode,
          e.itemName,
          e.spec ?? '',
          e.unit,
          e.lotNo ?? '',
          e.orgName,
          e.warehouseName,
          e.onHand,
          e.reserved,
          e.pendingWriteOffQty,
          formatFen(e.valueFen),
        ];
    }
  }
  return streamXlsx('效期预警', COLUMNS, rows());
}
