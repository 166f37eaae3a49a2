import {
  approveStocktakeSchema,
  emptyBodySchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listStocktakesQuerySchema,
  recordStocktakeCountsSchema,
  rejectStocktakeSchema,
  STOCKTAKE_SHEET_MAX_BYTES,
  startStocktakeSchema,
  stocktakeDetailSchema,
  stocktakePageSchema,
  stocktakeSheetImportSchema,
  stocktakeSheetQuerySchema,
  stocktakeSheetResultSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { approveStocktake } from './stocktake-approve.ts';
import { recordStocktakeCounts } from './stocktake-counts.ts';
import { exportStocktakes, getStocktake, listStocktakes } from './stocktake-list.ts';
import { rejectStocktake } from './stocktake-reject.ts';
import { importStocktakeSheet, stocktakeSheet } from './stocktake-sheet.ts';
import { startStocktake } from './stocktake-start.ts';
import { submitStocktake } from './stocktake-submit.ts';

const tags = ['relief 盘点'];
const read = { access: { permission: 'relief:read' as const } };
const manage = { access: { permission: 'relief:manage' as const } };
const approve = { access: { permission: 'relief:approve' as const } };
const SHEET_BODY_LIMIT = Math.ceil((STOCKTAKE_SHEET_MAX_BYTES * 4) / 3) + 1024 * 1024;

/** 盘点: start a count, enter counts (typed, scanned, pasted or from the count sheet), submit, decide. */
export function stocktakeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db } = ctx;

  r.get(
    '/api/relief/stocktakes',
    {
      config: read,
      schema: {
        tags,
        summary: '盘点单列表（含下级）',
        querystring: listStocktakesQuerySchema,
        response: { 200: stocktakePageSchema },
      },
    },
    async (req) => listStocktakes(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/stocktakes/export.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出盘点单列表（.xlsx）', querystring: listStocktakesQuerySchema },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', 'stocktakes.xlsx', '盘点单.xlsx'))
        .send(exportStocktakes(db, actorOf(req), req.query)),
  );
  r.post(
    '/api/relief/stocktakes',
    {
      config: manage,
      schema: {
        tags,
        summary: '开始盘点（快照仓库内每个有库存的批次；每个仓库同时只能有一张未完成的盘点单）',
        headers: idempotencyHeadersSchema,
        body: startStocktakeSchema,
        response: { 200: stocktakeDetailSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => startStocktake(tx, actorOf(req), req.body)),
  );
  r.get(
    '/api/relief/stocktakes/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '盘点单详情与各批次',
        params: idParamsSchema,
        response: { 200: stocktakeDetailSchema },
      },
    },
    async (req) => getStocktake(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/relief/stocktakes/:id/sheet.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: '打印盘点表（.xlsx，可填写后导入；blind=1 为盲盘，不印账面数量）',
        params: idParamsSchema,
        querystring: stocktakeSheetQuerySchema,
      },
    },
    async (req, reply) => {
      const file = await stocktakeSheet(db, actorOf(req), req.params.id, req.query.blind === '1');
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('attachment', `stocktake-${req.params.id}.xlsx`, `盘点表-${req.params.id}.xlsx`),
        )
        .send(file);
    },
  );
  r.post(
    '/api/relief/stocktakes/:id/counts',
    {
      config: manage,
      schema: {
        tags,
        summary: '录入实盘数量（按行，或按批次码扫码/粘贴；同一行再次录入即更正）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: recordStocktakeCountsSchema,
        response: { 200: stocktakeDetailSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => recordStocktakeCounts(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/relief/stocktakes/:id/sheet',
    {
      config: manage,
      bodyLimit: SHEET_BODY_LIMIT,
      schema: {
        tags,
        summary: '导入填好的盘点表（有任何错误行则不写入，返回逐行错误）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: stocktakeSheetImportSchema,
        response: { 200: stocktakeSheetResultSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => importStocktakeSheet(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/relief/stocktakes/:id/submit',
    {
      config: manage,
      schema: {
        tags,
        summary: '提交盘点（每个批次都已录入，差异都已说明原因）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 200: stocktakeDetailSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => submitStocktake(tx, actorOf(req), req.params.id)),
  );
  r.post(
    '/api/relief/stocktakes/:id/approve',
    {
      config: approve,
      schema: {
        tags,
        summary: '审批盘点：差异计入库存（盘盈/盘亏；审批人不能是发起人）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: approveStocktakeSchema,
        response: { 200: stocktakeDetailSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => approveStocktake(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/relief/stocktakes/:id/reject',
    {
      config: approve,
      schema: {
        tags,
        summary: '驳回盘点（不调整库存，仓库可重新盘点）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: rejectStocktakeSchema,
        response: { 200: stocktakeDetailSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => rejectStocktake(tx, actorOf(req), req.params.id, req.body)),
  );
}
