import {
  STOCK_MOVEMENT_KIND_LABELS,
  STOCK_MOVEMENT_KINDS,
  startOfShanghaiDay,
  type MovementSummary,
  type MovementSummaryQuery,
  type MovementSummaryRow,
  type StockMovementKind,
} from '@boai/contracts';
import { and, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { queryRows, type Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { orgs } from '../orgs/index.ts';
import { endOfShanghaiDay, resolveFilter, stockWhere, type StockFilter } from './report-shared.ts';
import { reliefItems, stockBatches, stockMovements, warehouses } from './schema.ts';
import { INCOMING_KINDS } from './stock.ts';

type Period = StockFilter & { from: string; to: string };
const isIn = (k: StockMovementKind) => (INCOMING_KINDS as readonly string[]).includes(k);

/**
 * 出入库汇总 per (warehouse, item): opening + Σ in − Σ out = closing over [from, to] (Shanghai days).
 * Like the stock report it walks back from the batches' on_hand instead of summing the card from the
 * start: closing = now − what moved after `to`, opening = now − what moved since `from`. One pass over
 * the movements since `from` gives both and the period's sums per kind.
 */
async function summaryRows(
  q: Queryable,
  actor: Actor,
  period: Period,
  page?: { limit: number; offset: number },
) {
  const f = await resolveFilter(q, period);
  const m = stockMovements;
  const b = stockBatches;
  const start = startOfShanghaiDay(f.from).toISOString();
  const end = endOfShanghaiDay(f.to).toISOString();
  const inPeriod = sql`${m.at} < ${end}`;
  const perKind = STOCK_MOVEMENT_KINDS.map(
    (k) =>
      sql`coalesce(sum(${m.quantity}) filter (where ${inPeriod} and ${m.kind} = ${k}), 0)::bigint as ${sql.identifier(k)}`,
  );
  const rows = await queryRows<
    {
      warehouse_id: number;
      item_id: number;
      org_id: number;
      org_name: string;
      warehouse_name: string;
      item_name: string;
      unit: string;
      now_qty: number;
      now_value: number;
      since_from: number;
      after_to: number;
      after_to_value: number;
      moved: number;
      total: number;
    } & Record<StockMovementKind, number>
  >(
    q,
    sql`with mv as (
          select ${m.warehouseId} as warehouse_id, ${m.itemId} as item_id,
            sum(${m.quantity})::bigint as since_from,
            coalesce(sum(${m.quantity}) filter (where not ${inPeriod}), 0)::bigint as after_to,
            coalesce(sum(${m.valueFen}) filter (where not ${inPeriod}), 0)::bigint as after_to_value,
            count(*) filter (where ${inPeriod})::int as moved,
            ${sql.join(perKind, sql`, `)}
          from ${m}
          where ${m.at} >= ${start} and ${stockWhere(actor, m, f)}
          group by 1, 2
        ), cur as (
          select ${b.warehouseId} as warehouse_id, ${b.itemId} as item_id,
            sum(${b.onHand})::bigint as now_qty, sum(${b.onHand}::bigint * ${b.unitValueFen})::bigint as now_value
          from ${b} where ${and(stockWhere(actor, b, f), sql`${b.onHand} > 0`)}
          group by 1, 2
        ), r as (
          select coalesce(mv.warehouse_id, cur.warehouse_id) as warehouse_id,
            coalesce(mv.item_id, cur.item_id) as item_id,
            coalesce(cur.now_qty, 0) as now_qty, coalesce(cur.now_value, 0) as now_value,
            coalesce(mv.since_from, 0) as since_from, coalesce(mv.after_to, 0) as after_to,
            coalesce(mv.after_to_value, 0) as after_to_value, coalesce(mv.moved, 0) as moved,
            ${sql.join(
              STOCK_MOVEMENT_KINDS.map(
                (k) => sql`coalesce(mv.${sql.identifier(k)}, 0) as ${sql.identifier(k)}`,
              ),
              sql`, `,
            )}
          from mv full join cur on cur.warehouse_id = mv.warehouse_id and cur.item_id = mv.item_id
        )
        select r.*, w.org_id, o.name as org_name, w.name as warehouse_name, i.name as item_name, i.unit,
          count(*) over ()::int as total
        from r
        join ${warehouses} w on w.id = r.warehouse_id
        join ${orgs} o on o.id = w.org_id
        join ${reliefItems} i on i.id = r.item_id
        -- nothing held at either end and nothing moved in between: not part of the period
        where r.now_qty - r.since_from <> 0 or r.now_qty - r.after_to <> 0 or r.moved > 0
        order by o.path, w.code, i.code, r.item_id
        ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`,
  );
  const total = rows[0]?.total ?? 0;
  const items = rows.map((r): MovementSummaryRow => {
    const byKind: Partial<Record<StockMovementKind, number>> = {};
    let totalIn = 0;
    let totalOut = 0;
    for (const k of STOCK_MOVEMENT_KINDS) {
      const n = Number(r[k]);
      if (!n) continue;
      byKind[k] = n;
      if (isIn(k)) totalIn += n;
      else totalOut -= n;
    }
    return {
      orgId: r.org_id,
      orgName: r.org_name,
      warehouseId: r.warehouse_id,
      warehouseName: r.warehouse_name,
      itemId: r.item_id,
      itemName: r.item_name,
      unit: r.unit,
      opening: Number(r.now_qty) - Number(r.since_from),
      byKind,
      totalIn,
      totalOut,
      closing: Number(r.now_qty) - Number(r.after_to),
      closingValueFen: Number(r.now_value) - Number(r.after_to_value),
    };
  });
  return { items, total };
}

/** 出入库汇总, paged. */
export async function movementSummary(
  q: Queryable,
  actor: Actor,
  f: MovementSummaryQuery,
): Promise<MovementSummary> {
  const { items, total } = await summaryRows(q, actor, f, {
    limit: f.pageSize,
    offset: (f.page - 1) * f.pageSize,
  });
  return { items, total, page: f.page, pageSize: f.pageSize, from: f.from, to: f.to };
}

/** The whole summary as .xlsx, one column per movement kind. */
export function exportMovementSummary(q: Queryable, actor: Actor, f: Period): Readable {
  const columns = [
    { header: '红十字会', width: 22 },
    { header: '仓库', width: 22 },
    { header: '物资名称', width: 20 },
    { header: '单位', width: 6 },
    { header: '期初', width: 10 },
    ...STOCK_MOVEMENT_KINDS.map((k) => ({ header: STOCK_MOVEMENT_KIND_LABELS[k].zh, width: 10 })),
    { header: '入库合计', width: 10 },
    { header: '出库合计', width: 10 },
    { header: '期末', width: 10 },
    { header: '期末金额（元）', width: 14 },
  ];
  async function* rows() {
    for (const r of (await summaryRows(q, actor, f)).items)
      yield [
        r.orgName,
        r.warehouseName,
        r.itemName,
        r.unit,
        r.opening,
        ...STOCK_MOVEMENT_KINDS.map((k) => r.byKind[k] ?? 0),
        r.totalIn,
        r.totalOut,
        r.closing,
        r.closingValueFen / 100,
      ];
  }
  return streamXlsx(`${f.from}至${f.to}`, columns, rows());
}
