import {
  awaitingGiftListSchema,
  awaitingGiftsQuerySchema,
  createGiftGoodsInSchema,
  createPurchaseGoodsInSchema,
  goodsInDetailSchema,
  goodsInLabelsQuerySchema,
  goodsInPageSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listGoodsInQuerySchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition, sendPdf } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { listAwaitingGifts } from './goods-in-awaiting.ts';
import { receiveGiftGoods } from './goods-in-gift.ts';
import { exportGoodsIn, getGoodsIn, listGoodsIn } from './goods-in-list.ts';
import { receivePurchase } from './goods-in-purchase.ts';
import { goodsInLabels } from './labels-print.ts';

const tags = ['relief 应急物资'];
const read = { access: { permission: 'relief:read' as const } };
const manage = { access: { permission: 'relief:manage' as const } };

/** 入库: gifts of goods inspected into stock, purchases, the notes and their labels. */
export function goodsInRoutes(app: FastifyInstance, { db }: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/relief/goods-in',
    {
      config: read,
      schema: {
        tags,
        summary: '入库单',
        querystring: listGoodsInQuerySchema,
        response: { 200: goodsInPageSchema },
      },
    },
    async (req) => listGoodsIn(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/goods-in/export.xlsx',
    { config: read, schema: { tags, summary: '导出入库单（.xlsx）', querystring: listGoodsInQuerySchema } },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', 'goods-in.xlsx', '入库单.xlsx'))
        .send(exportGoodsIn(db, actorOf(req), req.query)),
  );
  r.get(
    '/api/relief/goods-in/awaiting-gifts',
    {
      config: manage,
      schema: {
        tags,
        summary: '待入库的物资捐赠（每行已验收与尚未验收的数量）',
        querystring: awaitingGiftsQuerySchema,
        response: { 200: awaitingGiftListSchema },
      },
    },
    async (req) => listAwaitingGifts(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/goods-in/:id',
    {
      config: read,
      schema: { tags, summary: '入库单详情', params: idParamsSchema, response: { 200: goodsInDetailSchema } },
    },
    async (req) => getGoodsIn(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/relief/goods-in/:id/labels.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: '打印入库单的批次标签',
        params: idParamsSchema,
        querystring: goodsInLabelsQuerySchema,
      },
    },
    async (req, reply) =>
      sendPdf(
        reply,
        `goods-in-${req.params.id}-labels.pdf`,
        `入库单${req.params.id}批次标签.pdf`,
        await goodsInLabels(db, actorOf(req), req.params.id, req.query.copies),
      ),
  );
  r.post(
    '/api/relief/goods-in/gift',
    {
      config: manage,
      schema: {
        tags,
        summary: '捐赠物资验收入库（合格、拒收及原因、差异说明；每行生成一个带标签的批次）',
        headers: idempotencyHeadersSchema,
        body: createGiftGoodsInSchema,
        response: { 200: goodsInDetailSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => receiveGiftGoods(tx, actorOf(req), req.body)),
  );
  r.post(
    '/api/relief/goods-in/purchase',
    {
      config: manage,
      schema: {
        tags,
        summary: '采购物资入库',
        headers: idempotencyHeadersSchema,
        body: createPurchaseGoodsInSchema,
        response: { 200: goodsInDetailSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => receivePurchase(tx, actorOf(req), req.body)),
  );
}
