import {
  createReliefItemSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listReliefItemsQuerySchema,
  reliefItemPageSchema,
  reliefItemSchema,
  updateReliefItemSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { createReliefItem } from './items-create.ts';
import { exportReliefItems, getReliefItem, listReliefItems } from './items-list.ts';
import { updateReliefItem } from './items-update.ts';

const tags = ['relief 应急物资'];
const read = { access: { permission: 'relief:read' as const } };
const manage = { access: { permission: 'relief:manage' as const } };

/** 物资目录: items and kits of the societies, their own, above and below. */
export function itemRoutes(app: FastifyInstance, { db }: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/relief/items',
    {
      config: read,
      schema: {
        tags,
        summary: '物资目录（本会、上级及下级的物资与应急包）',
        querystring: listReliefItemsQuerySchema,
        response: { 200: reliefItemPageSchema },
      },
    },
    async (req) => listReliefItems(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/items/export.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出物资目录（.xlsx）', querystring: listReliefItemsQuerySchema },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', 'relief-items.xlsx', '物资目录.xlsx'))
        .send(exportReliefItems(db, actorOf(req), req.query)),
  );
  r.get(
    '/api/relief/items/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '物资详情（含应急包组成）',
        params: idParamsSchema,
        response: { 200: reliefItemSchema },
      },
    },
    async (req) => getReliefItem(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/relief/items',
    {
      config: manage,
      schema: {
        tags,
        summary: '新增物资或应急包',
        headers: idempotencyHeadersSchema,
        body: createReliefItemSchema,
        response: { 200: reliefItemSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => createReliefItem(tx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/relief/items/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改物资（计价、保质期、应急包组成、停用/启用；入库后名称规格单位不可改）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: updateReliefItemSchema,
        response: { 200: reliefItemSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => updateReliefItem(tx, actorOf(req), req.params.id, req.body)),
  );
}
