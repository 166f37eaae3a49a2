import {
  ALLOCATION_PHOTO_MAX_BYTES,
  allocationAttachmentParamsSchema,
  allocationDestinationsSchema,
  allocationDetailSchema,
  allocationPageSchema,
  allocationScanAnswerSchema,
  allocationScanSchema,
  allocationSourceListSchema,
  approveAllocationSchema,
  cancelAllocationSchema,
  createAllocationSchema,
  freeStockListSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listAllocationsQuerySchema,
  rejectAllocationSchema,
  scanLookupAnswerSchema,
  scanLookupSchema,
  shipAllocationSchema,
  signAllocationSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { requestLang } from '../../platform/http/errors.ts';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { loadAllocationDetail } from './allocation-detail.ts';
import { exportAllocations, listAllocations } from './allocation-list.ts';
import { allocationDestinations, allocationSources, freeStock } from './allocation-options.ts';
import { readAllocationPhoto } from './allocation-photo.ts';
import { pickListPdf } from './allocation-pick-list-pdf.ts';
import { approveAllocation } from './approve-allocation.ts';
import { cancelAllocation } from './cancel-allocation.ts';
import { rejectAllocation } from './reject-allocation.ts';
import { requestAllocation } from './request-allocation.ts';
import { scanAllocation } from './scan-allocation.ts';
import { lookupLabels } from './scan-lookup.ts';
import { shipAllocation } from './ship-allocation.ts';
import { signAllocation } from './sign-allocation.ts';

const tags = ['relief 物资调拨与发运'];
const read = { access: { permission: 'relief:read' as const } };
const manage = { access: { permission: 'relief:manage' as const } };
const approve = { access: { permission: 'relief:approve' as const } };
// A photo travels as base64 (4/3 of its size) inside the JSON of the sign form.
const SIGN_BODY_LIMIT = Math.ceil((ALLOCATION_PHOTO_MAX_BYTES * 4) / 3) + 256 * 1024;
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

/** 调拨: request, approval by level, picking by scanning, shipping, signing at arrival; and label look-up. */
export function allocationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db } = ctx;
  const write = {
    headers: idempotencyHeadersSchema,
    params: idParamsSchema,
    response: { 200: allocationDetailSchema },
  };

  r.get(
    '/api/relief/allocations',
    {
      config: read,
      schema: {
        tags,
        summary: '调拨单列表（调入、调出，按状态、灾害事件、仓库筛选）',
        querystring: listAllocationsQuerySchema,
        response: { 200: allocationPageSchema },
      },
    },
    async (req) => listAllocations(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/allocations/export.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出调拨单（.xlsx）', querystring: listAllocationsQuerySchema },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', 'allocations.xlsx', '物资调拨.xlsx'))
        .send(exportAllocations(db, actorOf(req), req.query)),
  );
  r.get(
    '/api/relief/allocations/sources',
    {
      config: manage,
      schema: {
        tags,
        summary: '可申请调拨的仓库（本会及下级、上级红十字会的仓库）',
        response: { 200: allocationSourceListSchema },
      },
    },
    async (req) => allocationSources(db, actorOf(req)),
  );
  r.get(
    '/api/relief/allocations/sources/:id/stock',
    {
      config: manage,
      schema: {
        tags,
        summary: '仓库可调拨库存（按物资，不含过期批次和已预留数量）',
        params: idParamsSchema,
        response: { 200: freeStockListSchema },
      },
    },
    async (req) => freeStock(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/relief/allocations/sources/:id/destinations',
    {
      config: manage,
      schema: {
        tags,
        summary: '从该仓库可调往的仓库、红十字会和灾害事件',
        params: idParamsSchema,
        response: { 200: allocationDestinationsSchema },
      },
    },
    async (req) => allocationDestinations(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/relief/allocations',
    {
      config: manage,
      schema: {
        tags,
        summary: '申请调拨（受理即按先到期先出预留库存；库存不足整单不受理）',
        headers: idempotencyHeadersSchema,
        body: createAllocationSchema,
        response: { 200: allocationDetailSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => requestAllocation(tx, actorOf(req), req.body)),
  );
  r.get(
    '/api/relief/allocations/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '调拨单详情（明细、拣货、审批、签收照片、流程）',
        params: idParamsSchema,
        response: { 200: allocationDetailSchema },
      },
    },
    async (req) => loadAllocationDetail(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/relief/allocations/:id/pick-list.pdf',
    { config: read, schema: { tags, summary: '打印拣货单（PDF）', params: idParamsSchema } },
    async (req, reply) => {
      const detail = await loadAllocationDetail(db, actorOf(req), req.params.id);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          contentDisposition('inline', `pick-list-${detail.id}.pdf`, `拣货单-${detail.id}.pdf`),
        )
        .send(await pickListPdf(detail));
    },
  );
  r.post(
    '/api/relief/allocations/:id/approve',
    {
      config: approve,
      schema: { tags, summary: '审批通过（本级）', ...write, body: approveAllocationSchema },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => approveAllocation(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/relief/allocations/:id/reject',
    {
      config: approve,
      schema: { tags, summary: '驳回（释放预留库存）', ...write, body: rejectAllocationSchema },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => rejectAllocation(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/relief/allocations/:id/cancel',
    {
      config: manage,
      schema: { tags, summary: '撤销（发运前；释放预留库存）', ...write, body: cancelAllocationSchema },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => cancelAllocation(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/relief/allocations/:id/scans',
    {
      config: manage,
      schema: {
        tags,
        summary: '扫码（可批量）：拣货、发运核对、签收核对；逐个标签给出结果',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: allocationScanSchema,
        response: { 200: allocationScanAnswerSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        scanAllocation(tx, actorOf(req), req.params.id, req.body, requestLang(req)),
      ),
  );
  r.post(
    '/api/relief/allocations/:id/ship',
    {
      config: manage,
      schema: { tags, summary: '发运（全部拣货后）', ...write, body: shipAllocationSchema },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => shipAllocation(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/relief/allocations/:id/sign',
    {
      config: manage,
      bodyLimit: SIGN_BODY_LIMIT,
      schema: { tags, summary: '签收（实收数量、签收单照片）', ...write, body: signAllocationSchema },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => signAllocation(tx, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/relief/allocations/:id/attachments/:attId',
    {
      config: read,
      schema: { tags, summary: '签收单照片', params: allocationAttachmentParamsSchema },
    },
    async (req, reply) => {
      const a = await readAllocationPhoto(db, actorOf(req), req.params.id, req.params.attId);
      return reply
        .type(a.mime)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          contentDisposition('attachment', `sign-photo-${a.id}.${EXTENSIONS[a.mime] ?? 'bin'}`, a.fileName),
        )
        .send(a.content);
    },
  );
  r.post(
    '/api/relief/scans/lookup',
    {
      config: read,
      schema: {
        tags,
        summary: '扫码查询标签（可批量）：物资、仓库、库位、库存、有效期、来源与定向',
        body: scanLookupSchema,
        response: { 200: scanLookupAnswerSchema },
      },
    },
    async (req) => lookupLabels(db, actorOf(req), req.body, requestLang(req)),
  );
}
