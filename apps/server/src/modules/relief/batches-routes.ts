import {
  batchDetailSchema,
  batchLabelsQuerySchema,
  idParamsSchema,
  listBatchesQuerySchema,
  reliefBatchPageSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition, sendPdf } from '../../platform/http/downloads.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { getBatch } from './batches-card.ts';
import { exportBatches, listBatches } from './batches-list.ts';
import { batchLabels } from './labels-print.ts';

const tags = ['relief 应急物资'];
const read = { access: { permission: 'relief:read' as const } };

/** 库存: batches, the stock card, labels of chosen batches. */
export function batchRoutes(app: FastifyInstance, { db }: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/relief/batches',
    {
      config: read,
      schema: {
        tags,
        summary: '库存批次（按仓库、物资、效期；来源、定向、可用数量）',
        querystring: listBatchesQuerySchema,
        response: { 200: reliefBatchPageSchema },
      },
    },
    async (req) => listBatches(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/batches/export.xlsx',
    { config: read, schema: { tags, summary: '导出库存（.xlsx）', querystring: listBatchesQuerySchema } },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', 'relief-stock.xlsx', '库存.xlsx'))
        .send(exportBatches(db, actorOf(req), req.query)),
  );
  r.get(
    '/api/relief/batches/labels.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: '打印批次标签（A4 每页 24 张，含二维码）',
        querystring: batchLabelsQuerySchema,
      },
    },
    async (req, reply) =>
      sendPdf(
        reply,
        'batch-labels.pdf',
        '批次标签.pdf',
        await batchLabels(db, actorOf(req), req.query.batchIds, req.query.copies),
      ),
  );
  r.get(
    '/api/relief/batches/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '批次详情与库存卡',
        params: idParamsSchema,
        response: { 200: batchDetailSchema },
      },
    },
    async (req) => getBatch(db, actorOf(req), req.params.id),
  );
}
