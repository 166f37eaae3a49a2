import {
  addLocationsSchema,
  createWarehouseSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listWarehousesQuerySchema,
  updateWarehouseSchema,
  warehousePageSchema,
  warehouseSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { addLocations } from './locations.ts';
import { createWarehouse } from './warehouses-create.ts';
import { getWarehouse, listWarehouses } from './warehouses-list.ts';
import { updateWarehouse } from './warehouses-update.ts';

const tags = ['relief 应急物资'];
const read = { access: { permission: 'relief:read' as const } };
const manage = { access: { permission: 'relief:manage' as const } };

/** 仓库 and 库位. */
export function warehouseRoutes(app: FastifyInstance, { db }: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/relief/warehouses',
    {
      config: read,
      schema: {
        tags,
        summary: '仓库（含库位与库存合计）',
        querystring: listWarehousesQuerySchema,
        response: { 200: warehousePageSchema },
      },
    },
    async (req) => listWarehouses(db, actorOf(req), req.query),
  );
  r.get(
    '/api/relief/warehouses/:id',
    {
      config: read,
      schema: { tags, summary: '仓库详情', params: idParamsSchema, response: { 200: warehouseSchema } },
    },
    async (req) => getWarehouse(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/relief/warehouses',
    {
      config: manage,
      schema: {
        tags,
        summary: '新建仓库',
        headers: idempotencyHeadersSchema,
        body: createWarehouseSchema,
        response: { 200: warehouseSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => createWarehouse(tx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/relief/warehouses/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改或停用仓库（有库存时不能停用）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: updateWarehouseSchema,
        response: { 200: warehouseSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => updateWarehouse(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/relief/warehouses/:id/locations',
    {
      config: manage,
      schema: {
        tags,
        summary: '新增库位',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: addLocationsSchema,
        response: { 200: warehouseSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        addLocations(tx, actorOf(req), req.params.id, req.body.locations),
      ),
  );
}
