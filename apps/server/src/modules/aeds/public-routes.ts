import { aedMapConfigSchema, nearestAedsQuerySchema, publicAedSchema } from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routerOf, type AppContext } from '../../platform/http/context.ts';
import { aedMapConfig } from './map-config.ts';
import { nearestAeds } from './nearest.ts';

const tags = ['aeds AED（公众）'];
const open = { access: { public: true as const } };

/** The public "nearest AEDs to me": in-service devices only, never who is responsible for them. */
export function publicAedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/public/aeds/nearest',
    {
      config: open,
      schema: {
        tags,
        summary: '离我最近的 AED（WGS-84 坐标，按步行直线距离排序）',
        querystring: nearestAedsQuerySchema,
        response: { 200: z.array(publicAedSchema) },
      },
    },
    async (req) => nearestAeds(ctx.db, { lat: req.query.lat, lng: req.query.lng }, req.query.limit),
  );
  r.get(
    '/api/public/aeds/map',
    {
      config: open,
      schema: {
        tags,
        summary: 'AED 地图配置（瓦片地址、坐标系、可选区域）',
        response: { 200: aedMapConfigSchema },
      },
    },
    async () => aedMapConfig(ctx.db, ctx.config),
  );
}
