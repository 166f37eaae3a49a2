import {
  ADJUSTMENT_KIND_LABELS,
  ADJUSTMENT_STATUS_LABELS,
  formatFen,
  shanghaiDateTime,
  WRITE_OFF_REASON_LABELS,
  type Adjustment,
  type ListAdjustmentsQuery,
  type WriteOffReason,
} from '@boai/contracts';
import { and, count, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope, requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { attachmentEntity, presentAdjustments } from './adjustment-repository.ts';
import { reliefAttachments, stockAdjustments } from './schema.ts';

type Filters = Omit<ListAdjustmentsQuery, 'page' | 'pageSize'>;

function filterOf(actor: Actor, f: Filters): SQL | undefined {
  const t = stockAdjustments;
  return and(
    inScope(actor, 'relief:read', t.orgId),
    f.orgId ? inOrgSubtree(t.orgId, f.orgId) : undefined,
    f.kind ? eq(t.kind, f.kind) : undefined,
    f.group === 'write_off' ? eq(t.kind, 'write_off') : undefined,
    f.group === 'returns' ? inArray(t.kind, ['return_in', 'return_out']) : undefined,
    f.status ? eq(t.status, f.status) : undefined,
    f.warehouseId ? eq(t.warehouseId, f.warehouseId) : undefined,
    f.allocationId ? eq(t.allocationId, f.allocationId) : undefined,
  );
}

/** 报废与退货 list, newest first. */
export async function listAdjustments(q: Queryable, actor: Actor, query: ListAdjustmentsQuery) {
  const where = filterOf(actor, query);
  const [{ total }] = (await q.select({ total: count() }).from(stockAdjustments).where(where)) as [
    { total: number },
  ];
  const rows = await q
    .select()
    .from(stockAdjustments)
    .where(where)
    .orderBy(desc(stockAdjustments.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentAdjustments(q, rows), total, page: query.page, pageSize: query.pageSize };
}

/** A write-off's reason code in words; a return's reason is already words. */
export const reasonText = (a: Pick<Adjustment, 'kind' | 'reason'>) =>
  a.kind === 'write_off' ? (WRITE_OFF_REASON_LABELS[a.reason as WriteOffReason]?.zh ?? a.reason) : a.reason;

const COLUMNS = [
  { header: '单号', width: 8 },
  { header: '类型', width: 12 },
  { header: '状态', width: 10 },
  { header: '所属红十字会', width: 22 },
  { header: '仓库', width: 20 },
  { header: '批次码', width: 14 },
  { header: '物资', width: 20 },
  { header: '数量', width: 8 },
  { header: '单位', width: 6 },
  { header: '金额（元）', width: 12 },
  { header: '原因', width: 16 },
  { header: '说明', width: 30 },
  { header: '退回对象', width: 20 },
  { header: '调拨单', width: 8 },
  { header: '申请人', width: 12 },
  { header: '申请时间', width: 20 },
  { header: '审批人', width: 12 },
  { header: '审批时间', width: 20 },
  { header: '审批意见', width: 24 },
];

/** The list as filtered on screen, as .xlsx. */
export function exportAdjustments(q: Queryable, actor: Actor, filters: Filters): Readable {
  const where = filterOf(actor, filters);
  async function* rows() {
    for (let before = 2_147_483_647; ;) {
      const page = await q
        .select()
        .from(stockAdjustments)
        .where(and(where, lt(stockAdjustments.id, before)))
        .orderBy(desc(stockAdjustments.id))
        .limit(500);
      if (!page.length) return;
      before = page.at(-1)!.id;
      for (const a of await presentAdjustments(q, page))
        yield [
          a.id,
          ADJUSTMENT_KIND_LABELS[a.kind].zh,
          ADJUSTMENT_STATUS_LABELS[a.status].zh,
          a.orgName,
          a.warehouseName,
          a.batchCode,
          a.itemName,
          a.quantity,
          a.unit,
          formatFen(a.valueFen),
          reasonText(a),
          a.note ?? '',
          a.counterparty ?? '',
          a.allocationId ?? '',
          a.requestedBy,
          shanghaiDateTime(new Date(a.requestedAt)),
          a.decidedBy ?? '',
          a.decidedAt ? shanghaiDateTime(new Date(a.decidedAt)) : '',
          a.decisionNote ?? '',
        ];
    }
  }
  return streamXlsx('报废与退货', COLUMNS, rows());
}

/** One photo or scan kept with an adjustment; an adjustment out of scope answers NOT_FOUND. */
export async function readAdjustmentAttachment(q: Queryable, actor: Actor, id: number, attId: number) {
  const t = stockAdjustments;
  await requireAccess(q, actor, 'relief:read', t, t.id, t.orgId, [id]);
  const [adj] = await q.select({ kind: t.kind }).from(t).where(eq(t.id, id));
  const [row] = await q
    .select()
    .from(reliefAttachments)
    .where(
      and(
        eq(reliefAttachments.id, attId),
        eq(reliefAttachments.entityId, id),
        eq(reliefAttachments.entityType, attachmentEntity(adj!.kind as Adjustment['kind'])),
      ),
    );
  if (!row) throw notFound();
  return row;
}
