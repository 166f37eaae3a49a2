import {
  adjustmentAttachmentParamsSchema,
  adjustmentListSchema,
  adjustmentPageSchema,
  adjustmentSchema,
  approveWriteOffSchema,
  createReturnInSchema,
  createReturnOutSchema,
  createWriteOffSchema,
  expiryPageSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listAdjustmentsQuerySchema,
  listExpiryQuerySchema,
  rejectWriteOffSchema,
  returnableAllocationSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { exportAdjustments, listAdjustments, readAdjustmentAttachment } from './adjustment-list.ts';
import { exportExpiring, listExpiring } from './expiry-list.ts';
import { returnIn } from './return-in.ts';
import { getReturnable } from './return-limits.ts';
import { returnOut } from './return-out.ts';
import { approveWriteOff } from './write-off-approve.ts';
import { rejectWriteOff } from './write-off-reject.ts';
import { requestWriteOff } from './write-off-request.ts';

const tags = ['relief 效期·报废·退货'];
const read = { access: { permission: 'relief:read' as const } };
const manage = { access: { permission: 'relief:manage' as const } };
const approve = { access: { permission: 'relief:approve' as const } };
/** A 10 MB photo arrives as about 13.4 MB of Base64 inside JSON. */
const PHOTO_BODY_LIMIT = 15 * 1024 * 1024;

/** 效期预警, 报废 (with approval) and 退货 / 退回入库. */
export function adjustmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db } = ctx;

  r.get(
    '/api/relief/expiry',
    {
      config: read,
      schema: {
        tags,
        summary: '效期预警：N 天内到期或已过期且有库存的批次（默认 90 天，到期日当天仍在有效期内）',
        querystring: listExpiryQuerySchema,
        response: { 200: expiryPageSchema },
      },
    },
    async (req) => listExpiring(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/expiry/export.xlsx',
    { config: read, schema: { tags, summary: '导出效期预警（.xlsx）', querystring: listExpiryQuerySchema } },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', 'expiry.xlsx', '效期预警.xlsx'))
        .send(exportExpiring(db, actorOf(req), req.query)),
  );
  r.get(
    '/api/relief/adjustments',
    {
      config: read,
      schema: {
        tags,
        summary: '报废与退货记录（含下级）',
        querystring: listAdjustmentsQuerySchema,
        response: { 200: adjustmentPageSchema },
      },
    },
    async (req) => listAdjustments(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/adjustments/export.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出报废与退货记录（.xlsx）', querystring: listAdjustmentsQuerySchema },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('attachment', 'write-offs-returns.xlsx', '报废与退货.xlsx'),
        )
        .send(exportAdjustments(db, actorOf(req), req.query)),
  );
  r.get(
    '/api/relief/adjustments/:id/attachments/:attId',
    {
      config: read,
      schema: { tags, summary: '报废照片或退货单据', params: adjustmentAttachmentParamsSchema },
    },
    async (req, reply) => {
      const file = await readAdjustmentAttachment(db, actorOf(req), req.params.id, req.params.attId);
      const ext = file.mime === 'application/pdf' ? 'pdf' : file.mime === 'image/png' ? 'png' : 'jpg';
      return reply
        .type(file.mime)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          contentDisposition('inline', `attachment-${file.id}.${ext}`, file.fileName),
        )
        .send(file.content);
    },
  );
  r.post(
    '/api/relief/write-offs',
    {
      config: manage,
      bodyLimit: PHOTO_BODY_LIMIT,
      schema: {
        tags,
        summary: '申请报废（数量不超过可用库存，提交即预留；可附照片）',
        headers: idempotencyHeadersSchema,
        body: createWriteOffSchema,
        response: { 200: adjustmentSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => requestWriteOff(tx, actorOf(req), req.body)),
  );
  r.post(
    '/api/relief/write-offs/:id/approve',
    {
      config: approve,
      schema: {
        tags,
        summary: '批准报废（出库；审批人不能是申请人）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: approveWriteOffSchema,
        response: { 200: adjustmentSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => approveWriteOff(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/relief/write-offs/:id/reject',
    {
      config: approve,
      schema: {
        tags,
        summary: '驳回报废（释放预留）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: rejectWriteOffSchema,
        response: { 200: adjustmentSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => rejectWriteOff(tx, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/relief/returns/allocations/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '调拨可退回数量（按拣货批次：签收数 − 已退回数）',
        params: idParamsSchema,
        response: { 200: returnableAllocationSchema },
      },
    },
    async (req) => getReturnable(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/relief/returns/in',
    {
      config: manage,
      schema: {
        tags,
        summary: '退回入库（已签收调拨的物资退回原批次；目的为仓库时同时从目的仓库出库）',
        headers: idempotencyHeadersSchema,
        body: createReturnInSchema,
        response: { 200: adjustmentListSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => returnIn(tx, actorOf(req), req.body)),
  );
  r.post(
    '/api/relief/returns/out',
    {
      config: manage,
      schema: {
        tags,
        summary: '退货出库（退回供应商或捐赠方；数量不超过可用库存）',
        headers: idempotencyHeadersSchema,
        body: createReturnOutSchema,
        response: { 200: adjustmentSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => returnOut(tx, actorOf(req), req.body)),
  );
}
