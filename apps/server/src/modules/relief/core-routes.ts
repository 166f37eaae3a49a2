import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/http/context.ts';
import { batchRoutes } from './batches-routes.ts';
import { goodsInRoutes } from './goods-in-routes.ts';
import { itemRoutes } from './items-routes.ts';
import { warehouseRoutes } from './warehouses-routes.ts';

/** Relief's core: the catalogue, warehouses, stock and its cards, goods in and labels. */
export function reliefCoreRoutes(app: FastifyInstance, ctx: AppContext): void {
  itemRoutes(app, ctx);
  warehouseRoutes(app, ctx);
  batchRoutes(app, ctx);
  goodsInRoutes(app, ctx);
}
