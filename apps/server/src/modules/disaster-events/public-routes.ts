import { idParamsSchema, publicDisasterEventSchema } from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { routerOf, type AppContext } from '../../platform/http/context.ts';
import { publicEvent } from './public-event.ts';

const tags = ['disaster-events 灾害事件（公众）'];
const open = { access: { public: true as const } };

/** The public page of an event: needs against what arrived, money raised. Numbers only, no person. */
export function publicDisasterEventRoutes(app: FastifyInstance, ctx: AppContext): void {
  routerOf(app).get(
    '/api/public/disaster-events/:id',
    {
      config: open,
      schema: {
        tags,
        summary: '灾害事件公开信息：需求与到位情况、募集善款',
        params: idParamsSchema,
        response: { 200: publicDisasterEventSchema },
      },
    },
    async (req) => publicEvent(ctx.db, req.params.id),
  );
}
