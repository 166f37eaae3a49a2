import { BATCH_SOURCE_LABELS, type ListBatchesQuery } from '@boai/contracts';
import { count } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { batchFilter, selectBatches } from './batches-repository.ts';
import { stockBatches } from './schema.ts';

/** 库存: batches by warehouse and item (earliest expiry first), with source, designation and what is free. */
export async function listBatches(q: Queryable, actor: Actor, query: ListBatchesQuery) {
  const where = batchFilter(actor, query);
  const [{ total }] = (await q.select({ total: count() }).from(stockBatches).where(where)) as [
    { total: number },
  ];
  const items = await selectBatches(q, where, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

const COLUMNS = [
  { header: '所属红十字会', width: 20 },
  { header: '仓库', width: 24 },
  { header: '库位', width: 10 },
  { header: '批次码', width: 13 },
  { header: '物资编码', width: 12 },
  { header: '物资名称', width: 18 },
  { header: '规格型号', width: 24 },
  { header: '单位', width: 6 },
  { header: '批号', width: 14 },
  { header: '有效期至', width: 12 },
  { header: '来源', width: 8 },
  { header: '捐赠票据号 / 采购单号', width: 20 },
  { header: '捐赠人 / 供应商', width: 24 },
  { header: '定向', width: 30 },
  { header: '入库数量', width: 10 },
  { header: '现存', width: 10 },
  { header: '已预留', width: 10 },
  { header: '可用', width: 10 },
  { header: '单价（元）', width: 12 },
  { header: '金额（元）', width: 14 },
];

/**
 * The stock list as filtered on screen, as .xlsx, in the list's order (warehouse, item, earliest
 * expiry): pages of 500 by offset, which stays cheap at the few ten thousand batches of a province.
 */
export function exportBatches(
  q: Queryable,
  actor: Actor,
  query: Omit<ListBatchesQuery, 'page' | 'pageSize'>,
): Readable {
  const where = batchFilter(actor, query);
  async function* rows() {
    for (let offset = 0; ; offset += 500) {
      const page = await selectBatches(q, where, { limit: 500, offset });
      for (const b of page)
        yield [
          b.orgName,
          b.warehouseName,
          b.locationCode ?? '',
          b.code,
          b.itemCode,
          b.itemName,
          b.spec ?? '',
          b.unit,
          b.lotNo ?? '',
          b.expiresOn ?? '',
          BATCH_SOURCE_LABELS[b.source].zh,
          b.giftReceiptNo ?? b.purchaseRef ?? '',
          b.donorName ?? b.supplier ?? '',
          [b.designatedEventName, b.designatedOrgName, b.designation].filter(Boolean).join('；'),
          b.receivedQty,
          b.onHand,
          b.reserved,
          b.free,
          b.unitValueFen / 100,
          b.valueFen / 100,
        ];
      if (page.length < 500) return;
    }
  }
  return streamXlsx('库存', COLUMNS, rows());
}
