import {
  STOCK_MOVEMENT_KIND_LABELS,
  shanghaiDateTime,
  startOfShanghaiDay,
  type MovementListQuery,
  type StockMovementLine,
  type StockMovementKind,
} from '@boai/contracts';
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { orgs } from '../orgs/index.ts';
import { endOfShanghaiDay, resolveFilter, stockWhere, type ResolvedFilter } from './report-shared.ts';
import { reliefItems, stockBatches, stockMovements, warehouses } from './schema.ts';

type Filter = Omit<MovementListQuery, 'page' | 'pageSize'>;
const m = stockMovements;

function movementWhere(actor: Actor, f: ResolvedFilter<Filter>): SQL {
  return and(
    stockWhere(actor, m, f),
    f.kind ? eq(m.kind, f.kind) : undefined,
    f.ref ? eq(m.ref, f.ref.toLowerCase()) : undefined,
    f.from ? gte(m.at, startOfShanghaiDay(f.from)) : undefined,
    f.to ? lt(m.at, endOfShanghaiDay(f.to)) : undefined,
  )!;
}

function select(q: Queryable, where: SQL) {
  return q
    .select({
      m,
      orgName: orgs.name,
      warehouseName: warehouses.name,
      batchCode: stockBatches.code,
      itemName: reliefItems.name,
      unit: reliefItems.unit,
    })
    .from(m)
    .innerJoin(orgs, eq(orgs.id, m.orgId))
    .innerJoin(warehouses, eq(warehouses.id, m.warehouseId))
    .innerJoin(stockBatches, eq(stockBatches.id, m.batchId))
    .innerJoin(reliefItems, eq(reliefItems.id, m.itemId))
    .where(where);
}

type Joined = Awaited<ReturnType<typeof select>>[number];
const present = (r: Joined): StockMovementLine => ({
  id: r.m.id,
  at: r.m.at.toISOString(),
  orgId: r.m.orgId,
  orgName: r.orgName,
  warehouseId: r.m.warehouseId,
  warehouseName: r.warehouseName,
  batchId: r.m.batchId,
  batchCode: r.batchCode,
  itemId: r.m.itemId,
  itemName: r.itemName,
  unit: r.unit,
  kind: r.m.kind as StockMovementKind,
  quantity: r.m.quantity,
  valueFen: r.m.valueFen,
  ref: r.m.ref,
  actor: r.m.actor,
  note: r.m.note,
});

/** 出入库明细: the stock card lines of the filter, newest first, paged. */
export async function listMovements(q: Queryable, actor: Actor, f: MovementListQuery) {
  const where = movementWhere(actor, await resolveFilter(q, f));
  const [{ total }] = (await q.select({ total: count() }).from(m).where(where)) as [{ total: number }];
  const rows = await select(q, where)
    .orderBy(desc(m.at), desc(m.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: rows.map(present), total, page: f.page, pageSize: f.pageSize };
}

const COLUMNS = [
  { header: '时间', width: 20 },
  { header: '红十字会', width: 22 },
  { header: '仓库', width: 22 },
  { header: '批次', width: 14 },
  { header: '物资名称', width: 20 },
  { header: '单位', width: 6 },
  { header: '类型', width: 10 },
  { header: '数量', width: 10 },
  { header: '金额（元）', width: 14 },
  { header: '单据', width: 18 },
  { header: '经办', width: 14 },
  { header: '备注', width: 30 },
];

/**
 * The filtered card as .xlsx, newest first, read in chunks by id (ids grow with time; timestamps have
 * microseconds a JS Date would drop, so they cannot serve as the chunk key).
 */
export function exportMovements(q: Queryable, actor: Actor, f: Filter): Readable {
  async function* rows() {
    const where = movementWhere(actor, await resolveFilter(q, f));
    for (let before = Number.MAX_SAFE_INTEGER; ;) {
      const chunk = await select(q, and(where, lt(m.id, before))!)
        .orderBy(desc(m.id))
        .limit(1000);
      if (!chunk.length) return;
      before = chunk.at(-1)!.m.id;
      for (const r of chunk.map(present))
        yield [
          shanghaiDateTime(new Date(r.at)),
          r.orgName,
          r.warehouseName,
          r.batchCode,
          r.itemName,
          r.unit,
          STOCK_MOVEMENT_KIND_LABELS[r.kind].zh,
          r.quantity,
          r.valueFen / 100,
          r.ref,
          r.actor,
          r.note ?? '',
        ];
    }
  }
  return streamXlsx('出入库明细', COLUMNS, rows());
}
