import {
  donorGoodsPageSchema,
  donorGoodsQuerySchema,
  eventReliefFlowSchema,
  giftGoodsPageSchema,
  giftJourneySchema,
  idParamsSchema,
  movementListQuerySchema,
  movementSummaryQuerySchema,
  movementSummarySchema,
  stockMovementLinePageSchema,
  stockOnHandQuerySchema,
  stockOnHandReportSchema,
} from '@boai/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { eventReliefFlow } from './event-flow.ts';
import { giftJourney } from './gift-journey.ts';
import { donorGoods, exportDonorGoods, exportGiftGoods, giftGoods } from './report-donors.ts';
import { exportMovements, listMovements } from './report-movement-list.ts';
import { exportMovementSummary, movementSummary } from './report-movements.ts';
import { exportStockOnHand, stockOnHand } from './report-stock.ts';

const tags = ['relief 应急救援物资报表'];
const read = { access: { permission: 'relief:read' as const } };

const xlsx = (reply: FastifyReply, asciiName: string, name: string, body: Readable) =>
  reply
    .type(XLSX_TYPE)
    .header('content-disposition', contentDisposition('attachment', asciiName, name))
    .send(body);

/** 物资报表: stock on hand, movements, goods per donor, a gift's journey, an event's flow. Read-only. */
export function reliefReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db } = ctx;

  r.get(
    '/api/relief/reports/stock',
    {
      config: read,
      schema: {
        tags,
        summary: '库存报表（按红十字会、仓库、物资；可查某日日终）',
        querystring: stockOnHandQuerySchema,
        response: { 200: stockOnHandReportSchema },
      },
    },
    async (req) => stockOnHand(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/reports/stock.xlsx',
    { config: read, schema: { tags, summary: '导出库存报表（.xlsx）', querystring: stockOnHandQuerySchema } },
    async (req, reply) =>
      xlsx(reply, 'stock.xlsx', '库存报表.xlsx', exportStockOnHand(db, actorOf(req), req.query)),
  );
  r.get(
    '/api/relief/reports/movements/summary',
    {
      config: read,
      schema: {
        tags,
        summary: '出入库汇总（期初、各类入库出库、期末）',
        querystring: movementSummaryQuerySchema,
        response: { 200: movementSummarySchema },
      },
    },
    async (req) => movementSummary(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/reports/movements/summary.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出出入库汇总（.xlsx）', querystring: movementSummaryQuerySchema },
    },
    async (req, reply) =>
      xlsx(
        reply,
        'movement-summary.xlsx',
        '出入库汇总.xlsx',
        exportMovementSummary(db, actorOf(req), req.query),
      ),
  );
  r.get(
    '/api/relief/reports/movements',
    {
      config: read,
      schema: {
        tags,
        summary: '出入库明细（库存卡）',
        querystring: movementListQuerySchema,
        response: { 200: stockMovementLinePageSchema },
      },
    },
    async (req) => listMovements(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/reports/movements.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出出入库明细（.xlsx）', querystring: movementListQuerySchema },
    },
    async (req, reply) =>
      xlsx(reply, 'movements.xlsx', '出入库明细.xlsx', exportMovements(db, actorOf(req), req.query)),
  );
  r.get(
    '/api/relief/reports/donors',
    {
      config: read,
      schema: {
        tags,
        summary: '捐赠物资去向（按捐赠人）',
        querystring: donorGoodsQuerySchema,
        response: { 200: donorGoodsPageSchema },
      },
    },
    async (req) => donorGoods(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/reports/donors.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出捐赠物资去向（按捐赠人）', querystring: donorGoodsQuerySchema },
    },
    async (req, reply) =>
      xlsx(
        reply,
        'donor-goods.xlsx',
        '捐赠物资去向-按捐赠人.xlsx',
        exportDonorGoods(db, actorOf(req), req.query),
      ),
  );
  r.get(
    '/api/relief/reports/gifts',
    {
      config: read,
      schema: {
        tags,
        summary: '捐赠物资去向（按每笔捐赠）',
        querystring: donorGoodsQuerySchema,
        response: { 200: giftGoodsPageSchema },
      },
    },
    async (req) => giftGoods(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/reports/gifts.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出捐赠物资去向（按每笔捐赠）', querystring: donorGoodsQuerySchema },
    },
    async (req, reply) =>
      xlsx(reply, 'gift-goods.xlsx', '捐赠物资去向.xlsx', exportGiftGoods(db, actorOf(req), req.query)),
  );
  r.get(
    '/api/relief/gifts/:id/journey',
    {
      config: read,
      schema: {
        tags,
        summary: '一笔物资捐赠的去向（入库、调拨、签收、库存、报废）',
        params: idParamsSchema,
        response: { 200: giftJourneySchema },
      },
    },
    async (req) => giftJourney(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/relief/events/:id/flow',
    {
      config: read,
      schema: {
        tags,
        summary: '灾害事件的物资需求与调拨、发运、签收',
        params: idParamsSchema,
        response: { 200: eventReliefFlowSchema },
      },
    },
    async (req) => eventReliefFlow(db, actorOf(req), req.params.id),
  );
}
