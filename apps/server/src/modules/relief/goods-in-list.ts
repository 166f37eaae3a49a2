import type {
  GiftStockStatus,
  GoodsInDetail,
  GoodsInNote,
  GoodsInSource,
  ListGoodsInQuery,
} from '@boai/contracts';
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope, requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { gifts, receipts } from '../donations/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import {
  goodsInLines,
  goodsInNotes,
  reliefItems,
  stockBatches,
  warehouseLocations,
  warehouses,
} from './schema.ts';

type NoteRow = typeof goodsInNotes.$inferSelect;

function noteFilter(actor: Actor, query: Omit<ListGoodsInQuery, 'page' | 'pageSize'>): SQL {
  const n = goodsInNotes;
  return and(
    inScope(actor, 'relief:read', n.orgId),
    query.orgId ? inOrgSubtree(n.orgId, query.orgId) : undefined,
    query.warehouseId ? eq(n.warehouseId, query.warehouseId) : undefined,
    query.source ? eq(n.source, query.source) : undefined,
    query.giftId ? eq(n.giftId, query.giftId) : undefined,
    query.from ? gte(n.receivedOn, query.from) : undefined,
    query.to ? lte(n.receivedOn, query.to) : undefined,
  )!;
}

/** Notes with their warehouse, society, gift (receipt, donor's public name) and line totals: four queries a page. */
async function presentNotes(
  q: Queryable,
  rows: NoteRow[],
): Promise<(GoodsInNote & { giftStockStatus: GiftStockStatus | null })[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  const warehouseNames = new Map(
    (
      await q
        .select({ id: warehouses.id, name: warehouses.name })
        .from(warehouses)
        .where(inArray(warehouses.id, [...new Set(rows.map((r) => r.warehouseId))]))
    ).map((w) => [w.id, w.name]),
  );
  const giftIds = [...new Set(rows.flatMap((r) => (r.giftId ? [r.giftId] : [])))];
  const giftInfo = new Map(
    (giftIds.length
      ? await q
          .select({
            id: gifts.id,
            donorName: gifts.donorPublicName,
            stockStatus: gifts.stockStatus,
            receiptNo: receipts.number,
          })
          .from(gifts)
          .leftJoin(receipts, eq(receipts.id, gifts.receiptId))
          .where(inArray(gifts.id, giftIds))
      : []
    ).map((g) => [g.id, g]),
  );
  const l = goodsInLines;
  const totals = new Map(
    (
      await q
        .select({
          noteId: l.noteId,
          lines: sql<number>`count(*)::int`,
          accepted: sql<number>`sum(${l.acceptedQty})::bigint`,
          rejected: sql<number>`sum(${l.rejectedQty})::bigint`,
          valueFen: sql<number>`sum(${l.acceptedQty}::bigint * ${l.unitValueFen})::bigint`,
        })
        .from(l)
        .where(inArray(l.noteId, ids))
        .groupBy(l.noteId)
    ).map((t) => [t.noteId, t]),
  );
  return rows.map((r) => {
    const g = r.giftId ? giftInfo.get(r.giftId) : undefined;
    const t = totals.get(r.id);
    return {
      id: r.id,
      orgId: r.orgId,
      orgName: names.get(r.orgId) ?? '',
      warehouseId: r.warehouseId,
      warehouseName: warehouseNames.get(r.warehouseId) ?? '',
      source: r.source as GoodsInSource,
      giftId: r.giftId,
      giftReceiptNo: g?.receiptNo ?? null,
      donorName: g?.donorName ?? null,
      supplier: r.supplier,
      purchaseRef: r.purchaseRef,
      receivedOn: r.receivedOn,
      inspector: r.inspector,
      note: r.note,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      lineCount: t?.lines ?? 0,
      acceptedQty: Number(t?.accepted ?? 0),
      rejectedQty: Number(t?.rejected ?? 0),
      valueFen: Number(t?.valueFen ?? 0),
      giftStockStatus: (g?.stockStatus as GiftStockStatus | null | undefined) ?? null,
    };
  });
}

/** 入库单 of the societies the actor may see, newest first. */
export async function listGoodsIn(q: Queryable, actor: Actor, query: ListGoodsInQuery) {
  const where = noteFilter(actor, query);
  const [{ total }] = (await q.select({ total: count() }).from(goodsInNotes).where(where)) as [
    { total: number },
  ];
  const rows = await q
    .select()
    .from(goodsInNotes)
    .where(where)
    .orderBy(desc(goodsInNotes.receivedOn), desc(goodsInNotes.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const items = (await presentNotes(q, rows)).map(({ giftStockStatus: _s, ...note }) => note);
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** One note with its lines and the batches they became; the caller has checked access (or just wrote it). */
export async function unsafeGoodsInDetail(q: Queryable, id: number): Promise<GoodsInDetail> {
  const rows = await q.select().from(goodsInNotes).where(eq(goodsInNotes.id, id));
  const [note] = await presentNotes(q, rows);
  const l = goodsInLines;
  const lines = await q
    .select({
      l,
      itemCode: reliefItems.code,
      itemName: reliefItems.name,
      spec: reliefItems.spec,
      unit: reliefItems.unit,
      locationCode: warehouseLocations.code,
      batchCode: stockBatches.code,
    })
    .from(l)
    .innerJoin(reliefItems, eq(reliefItems.id, l.itemId))
    .leftJoin(warehouseLocations, eq(warehouseLocations.id, l.locationId))
    .leftJoin(stockBatches, eq(stockBatches.id, l.batchId))
    .where(eq(l.noteId, id))
    .orderBy(asc(l.lineNo));
  return {
    ...note!,
    lines: lines.map((r) => ({
      id: r.l.id,
      lineNo: r.l.lineNo,
      giftItemId: r.l.giftItemId,
      itemId: r.l.itemId,
      itemCode: r.itemCode,
      itemName: r.itemName,
      spec: r.spec,
      unit: r.unit,
      expectedQty: r.l.expectedQty,
      acceptedQty: r.l.acceptedQty,
      rejectedQty: r.l.rejectedQty,
      rejectReason: r.l.rejectReason,
      differenceNote: r.l.differenceNote,
      unitValueFen: r.l.unitValueFen,
      valueFen: r.l.acceptedQty * r.l.unitValueFen,
      lotNo: r.l.lotNo,
      expiresOn: r.l.expiresOn,
      locationCode: r.locationCode,
      batchId: r.l.batchId,
      batchCode: r.batchCode,
    })),
  };
}

export async function getGoodsIn(q: Queryable, actor: Actor, id: number): Promise<GoodsInDetail> {
  const n = goodsInNotes;
  await requireAccess(q, actor, 'relief:read', n, n.id, n.orgId, [id]);
  return unsafeGoodsInDetail(q, id);
}

const COLUMNS = [
  { header: '入库单号', width: 10 },
  { header: '入库日期', width: 12 },
  { header: '所属红十字会', width: 20 },
  { header: '仓库', width: 24 },
  { header: '来源', width: 8 },
  { header: '捐赠票据号 / 采购单号', width: 20 },
  { header: '捐赠人 / 供应商', width: 24 },
  { header: '验收人', width: 10 },
  { header: '明细行数', width: 10 },
  { header: '验收合格', width: 10 },
  { header: '拒收', width: 8 },
  { header: '入库金额（元）', width: 14 },
  { header: '备注', width: 30 },
];

/** The goods-in list as filtered on screen, as .xlsx. */
export function exportGoodsIn(
  q: Queryable,
  actor: Actor,
  query: Omit<ListGoodsInQuery, 'page' | 'pageSize'>,
): Readable {
  const where = noteFilter(actor, query);
  async function* rows() {
    for (let after = 0; ;) {
      const page = await q
        .select()
        .from(goodsInNotes)
        .where(and(where, sql`${goodsInNotes.id} > ${after}`))
        .orderBy(asc(goodsInNotes.id))
        .limit(500);
      if (!page.length) return;
      after = page.at(-1)!.id;
      for (const n of await presentNotes(q, page))
        yield [
          n.id,
          n.receivedOn,
          n.orgName,
          n.warehouseName,
          n.source === 'gift' ? '捐赠' : '采购',
          n.giftReceiptNo ?? n.purchaseRef ?? '',
          n.donorName ?? n.supplier ?? '',
          n.inspector,
          n.lineCount,
          n.acceptedQty,
          n.rejectedQty,
          n.valueFen / 100,
          n.note ?? '',
        ];
    }
  }
  return streamXlsx('入库单', COLUMNS, rows());
}
