import {
  formatFen,
  shanghaiDateTime,
  STOCKTAKE_STATUS_LABELS,
  type ListStocktakesQuery,
  type StocktakeDetail,
} from '@boai/contracts';
import { and, count, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope, requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { presentStocktakeDetail, presentStocktakes } from './stocktake-repository.ts';
import { stocktakes } from './schema.ts';

type Filters = Omit<ListStocktakesQuery, 'page' | 'pageSize'>;

function filterOf(actor: Actor, f: Filters): SQL | undefined {
  const t = stocktakes;
  return and(
    inScope(actor, 'relief:read', t.orgId),
    f.orgId ? inOrgSubtree(t.orgId, f.orgId) : undefined,
    f.warehouseId ? eq(t.warehouseId, f.warehouseId) : undefined,
    f.status ? eq(t.status, f.status) : undefined,
  );
}

/** 盘点单 list, newest first. */
export async function listStocktakes(q: Queryable, actor: Actor, query: ListStocktakesQuery) {
  const where = filterOf(actor, query);
  const [{ total }] = (await q.select({ total: count() }).from(stocktakes).where(where)) as [
    { total: number },
  ];
  const rows = await q
    .select()
    .from(stocktakes)
    .where(where)
    .orderBy(desc(stocktakes.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentStocktakes(q, rows), total, page: query.page, pageSize: query.pageSize };
}

/** One stock-take with its lines; out of scope answers NOT_FOUND like a missing one. */
export async function getStocktake(q: Queryable, actor: Actor, id: number): Promise<StocktakeDetail> {
  await requireAccess(q, actor, 'relief:read', stocktakes, stocktakes.id, stocktakes.orgId, [id]);
  const [row] = await q.select().from(stocktakes).where(eq(stocktakes.id, id));
  return presentStocktakeDetail(q, row!);
}

const COLUMNS = [
  { header: '盘点单号', width: 10 },
  { header: '所属红十字会', width: 22 },
  { header: '仓库', width: 22 },
  { header: '状态', width: 10 },
  { header: '发起人', width: 12 },
  { header: '开始时间', width: 20 },
  { header: '批次数', width: 8 },
  { header: '已盘', width: 8 },
  { header: '差异批次', width: 10 },
  { header: '盘盈数量', width: 10 },
  { header: '盘亏数量', width: 10 },
  { header: '差异金额（元）', width: 14 },
  { header: '审批人', width: 12 },
  { header: '审批时间', width: 20 },
  { header: '审批意见', width: 30 },
];

/** The list as filtered on screen, as .xlsx. */
export function exportStocktakes(q: Queryable, actor: Actor, filters: Filters): Readable {
  const where = filterOf(actor, filters);
  async function* rows() {
    for (let before = 2_147_483_647; ;) {
      const page = await q
        .select()
        .from(stocktakes)
        .where(and(where, lt(stocktakes.id, before)))
        .orderBy(desc(stocktakes.id))
        .limit(200);
      if (!page.length) return;
      before = page.at(-1)!.id;
      for (const s of await presentStocktakes(q, page))
        yield [
          s.id,
          s.orgName,
          s.warehouseName,
          STOCKTAKE_STATUS_LABELS[s.status].zh,
          s.startedBy,
          shanghaiDateTime(new Date(s.startedAt)),
          s.lineCount,
          s.countedCount,
          s.varianceCount,
          s.gainQty,
          s.lossQty,
          formatFen(s.varianceValueFen),
          s.decidedBy ?? '',
          s.decidedAt ? shanghaiDateTime(new Date(s.decidedAt)) : '',
          s.comment ?? '',
        ];
    }
  }
  return streamXlsx('盘点单', COLUMNS, rows());
}
