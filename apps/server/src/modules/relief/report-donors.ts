import type { DonorGoodsQuery, DonorGoodsRow, GiftGoodsRow } from '@boai/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import { queryRows, type Queryable } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { donors, giftItems, gifts, receipts } from '../donations/index.ts';
import { orgs } from '../orgs/index.ts';
import { destinationJoins, destinationLabelSql } from './report-shared.ts';
import {
  allocationPicks,
  allocations,
  goodsInLines,
  goodsInNotes,
  stockBatches,
  stockMovements,
} from './schema.ts';

type Filter = Omit<DonorGoodsQuery, 'page' | 'pageSize'>;
type Page = { limit: number; offset: number };

/**
 * What became of each confirmed gift of goods the actor may read, as CTEs `g` (the gifts) and `fate`
 * (one row per gift). Every batch descending from a gift carries its gift id (copied down at each
 * transfer), so each figure is an indexed lookup by gift, whatever the number of hops:
 * - accepted / rejected: the goods-in inspections of the gift;
 * - shipped: what its batches shipped less what arrived back in a warehouse (a transfer is still
 *   stock, at its destination), so goods in transit count as shipped until they are received;
 * - signed: what recipients other than a warehouse signed for;
 * - written off and in stock: its batches' write-offs and current on_hand.
 */
function fateCtes(actor: Actor, f: Filter): SQL {
  const conditions: SQL[] = [
    sql`${gifts.form} = 'goods'`,
    sql`${gifts.status} = 'confirmed'`,
    inScope(actor, 'relief:read', gifts.orgId),
  ];
  if (f.orgId) conditions.push(inOrgSubtree(gifts.orgId, f.orgId));
  if (f.donorId) conditions.push(sql`${gifts.donorId} = ${f.donorId}`);
  if (f.from) conditions.push(sql`${gifts.receivedOn} >= ${f.from}`);
  if (f.to) conditions.push(sql`${gifts.receivedOn} <= ${f.to}`);
  if (f.q)
    conditions.push(
      sql`${gifts.donorId} in (select ${donors.id} from ${donors} where ${donors.name} ilike ${containsPattern(f.q)})`,
    );
  const b = stockBatches;
  return sql`g as (
      select ${gifts.id} as id, ${gifts.orgId} as org_id, ${gifts.donorId} as donor_id,
        ${gifts.amountFen} as value, ${gifts.receivedOn}::text as received_on,
        ${gifts.stockStatus} as stock_status, ${gifts.receiptId} as receipt_id
      from ${gifts} where ${sql.join(conditions, sql` and `)}
    ), lines as (
      select gift_id, sum(quantity)::bigint as qty from ${giftItems}
      where gift_id in (select id from g) group by 1
    ), inspected as (
      select n.gift_id, sum(l.accepted_qty)::bigint as accepted, sum(l.rejected_qty)::bigint as rejected
      from ${goodsInLines} l join ${goodsInNotes} n on n.id = l.note_id
      where n.gift_id in (select id from g) group by 1
    ), moved as (
      select b.gift_id,
        (coalesce(-sum(m.quantity) filter (where m.kind = 'ship_out'), 0)
          - coalesce(sum(m.quantity) filter (where m.kind = 'transfer_in'), 0))::bigint as shipped,
        coalesce(-sum(m.quantity) filter (where m.kind = 'write_off'), 0)::bigint as written_off
      from ${stockMovements} m join ${b} b on b.id = m.batch_id
      where b.gift_id in (select id from g) group by 1
    ), held as (
      select gift_id, sum(on_hand)::bigint as qty from ${b}
      where gift_id in (select id from g) group by 1
    ), sent as (
      select b.gift_id, a.destination, a.status, ${destinationLabelSql} as label,
        p.received_qty as received
      from ${allocationPicks} p
      join ${b} b on b.id = p.batch_id
      join ${allocations} a on a.id = p.allocation_id
      ${destinationJoins}
      where b.gift_id in (select id from g) and a.status in ('shipped', 'signed')
    ), fate as (
      select g.*, coalesce(lines.qty, 0) as qty,
        coalesce(inspected.accepted, 0) as accepted, coalesce(inspected.rejected, 0) as rejected,
        coalesce(moved.shipped, 0) as shipped, coalesce(moved.written_off, 0) as written_off,
        coalesce(held.qty, 0) as in_stock,
        coalesce((select sum(s.received) from sent s
          where s.gift_id = g.id and s.status = 'signed' and s.destination <> 'warehouse'), 0)::bigint as signed
      from g
      left join lines on lines.gift_id = g.id
      left join inspected on inspected.gift_id = g.id
      left join moved on moved.gift_id = g.id
      left join held on held.gift_id = g.id
    )`;
}

interface FateRaw {
  value: number;
  qty: number;
  accepted: number;
  rejected: number;
  shipped: number;
  signed: number;
  in_stock: number;
  written_off: number;
  destinations: string[] | null;
  total: number;
}
const fateOf = (r: FateRaw) => ({
  valueFen: Number(r.value),
  quantity: Number(r.qty),
  acceptedQty: Number(r.accepted),
  rejectedQty: Number(r.rejected),
  shippedQty: Number(r.shipped),
  signedQty: Number(r.signed),
  inStockQty: Number(r.in_stock),
  writtenOffQty: Number(r.written_off),
  destinations: r.destinations ?? [],
});
const limitOf = (page?: Page) => (page ? sql`limit ${page.limit} offset ${page.offset}` : sql``);

async function donorRows(q: Queryable, actor: Actor, f: Filter, page?: Page) {
  const rows = await queryRows<FateRaw & { donor_id: number; name: string; kind: string; gifts: number }>(
    q,
    sql`with ${fateCtes(actor, f)}
        select fate.donor_id, d.name, d.kind, count(*)::int as gifts,
          sum(fate.value)::bigint as value, sum(fate.qty)::bigint as qty,
          sum(fate.accepted)::bigint as accepted, sum(fate.rejected)::bigint as rejected,
          sum(fate.shipped)::bigint as shipped, sum(fate.signed)::bigint as signed,
          sum(fate.in_stock)::bigint as in_stock, sum(fate.written_off)::bigint as written_off,
          (select array_agg(distinct s.label order by s.label) from sent s
            join g on g.id = s.gift_id where g.donor_id = fate.donor_id) as destinations,
          count(*) over ()::int as total
        from fate join ${donors} d on d.id = fate.donor_id
        group by fate.donor_id, d.name, d.kind
        order by sum(fate.value) desc, fate.donor_id
        ${limitOf(page)}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r): DonorGoodsRow => ({
      donorId: r.donor_id,
      donorName: r.name,
      donorKind: r.kind,
      gifts: r.gifts,
      ...fateOf(r),
    })),
  };
}

async function giftRows(q: Queryable, actor: Actor, f: Filter, page?: Page) {
  const rows = await queryRows<
    FateRaw & {
      id: number;
      receipt_no: string | null;
      received_on: string;
      org_id: number;
      org_name: string;
      donor_id: number;
      donor_name: string;
      stock_status: string | null;
    }
  >(
    q,
    sql`with ${fateCtes(actor, f)}
        select fate.*, r.number as receipt_no, o.name as org_name, d.name as donor_name,
          (select array_agg(distinct s.label order by s.label) from sent s where s.gift_id = fate.id) as destinations,
          count(*) over ()::int as total
        from fate
        join ${orgs} o on o.id = fate.org_id
        join ${donors} d on d.id = fate.donor_id
        left join ${receipts} r on r.id = fate.receipt_id
        order by fate.received_on desc, fate.id desc
        ${limitOf(page)}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r): GiftGoodsRow => ({
      giftId: r.id,
      receiptNo: r.receipt_no,
      receivedOn: r.received_on,
      orgId: r.org_id,
      orgName: r.org_name,
      donorId: r.donor_id,
      donorName: r.donor_name,
      stockStatus: r.stock_status,
      ...fateOf(r),
    })),
  };
}

const pageOf = (f: DonorGoodsQuery): Page => ({ limit: f.pageSize, offset: (f.page - 1) * f.pageSize });

/** 捐赠物资去向 per donor, largest givers first. */
export async function donorGoods(q: Queryable, actor: Actor, f: DonorGoodsQuery) {
  return { ...(await donorRows(q, actor, f, pageOf(f))), page: f.page, pageSize: f.pageSize };
}

/** The same per gift, newest first (a donor's gifts when `donorId` is given). */
export async function giftGoods(q: Queryable, actor: Actor, f: DonorGoodsQuery) {
  return { ...(await giftRows(q, actor, f, pageOf(f))), page: f.page, pageSize: f.pageSize };
}

const FATE_COLUMNS = [
  { header: '物资价值（元）', width: 14 },
  { header: '捐赠数量', width: 10 },
  { header: '验收入库', width: 10 },
  { header: '拒收', width: 8 },
  { header: '已发出', width: 10 },
  { header: '已签收', width: 10 },
  { header: '现有库存', width: 10 },
  { header: '报废', width: 8 },
  { header: '去向', width: 50 },
];
const fateCells = (r: DonorGoodsRow | GiftGoodsRow) => [
  r.valueFen / 100,
  r.quantity,
  r.acceptedQty,
  r.rejectedQty,
  r.shippedQty,
  r.signedQty,
  r.inStockQty,
  r.writtenOffQty,
  r.destinations.join('；'),
];

/** Per gift as .xlsx (each row names its donor): what a 捐赠物资去向 statement to donors is made from. */
export function exportGiftGoods(q: Queryable, actor: Actor, f: Filter): Readable {
  async function* rows() {
    for (const r of (await giftRows(q, actor, f)).items)
      yield [r.donorName, r.receiptNo ?? '', r.receivedOn, r.orgName, ...fateCells(r)];
  }
  return streamXlsx(
    '捐赠物资去向',
    [
      { header: '捐赠人', width: 24 },
      { header: '票据号', width: 16 },
      { header: '接收日期', width: 12 },
      { header: '接收单位', width: 22 },
      ...FATE_COLUMNS,
    ],
    rows(),
  );
}

/** Per donor as .xlsx. */
export function exportDonorGoods(q: Queryable, actor: Actor, f: Filter): Readable {
  async function* rows() {
    for (const r of (await donorRows(q, actor, f)).items) yield [r.donorName, r.gifts, ...fateCells(r)];
  }
  return streamXlsx(
    '按捐赠人',
    [{ header: '捐赠人', width: 24 }, { header: '捐赠笔数', width: 10 }, ...FATE_COLUMNS],
    rows(),
  );
}
