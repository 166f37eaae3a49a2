import {
  createDonorSchema,
  donorPageSchema,
  donorResultSchema,
  donorSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listDonorsQuerySchema,
  updateDonorSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { getDonor, listDonors } from './list-donors.ts';
import { registerDonor } from './register-donor.ts';
import { updateDonor } from './update-donor.ts';

const tags = ['donations 捐赠'];

export function donationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/donors',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '捐赠人列表',
        querystring: listDonorsQuerySchema,
        response: { 200: donorPageSchema },
      },
    },
    async (req) => listDonors(ctx.db, ctx.pii, actorOf(req), req.query),
  );
  r.get(
    '/api/donors/:id',
    {
      config: { access: { permission: 'donations:read' } },
      schema: { tags, summary: '捐赠人详情', params: idParamsSchema, response: { 200: donorSchema } },
    },
    async (req) => getDonor(ctx.db, ctx.pii, actorOf(req), req.params.id),
  );
  r.post(
    '/api/donors',
    {
      config: { access: { permission: 'donations:manage' } },
      schema: {
        tags,
        summary: '登记捐赠人（已登记的按身份证/信用代码/手机号找回，不重复登记）',
        headers: idempotencyHeadersSchema,
        body: createDonorSchema,
        response: { 200: donorResultSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) => registerDonor(tx, ctx.pii, actorOf(req), req.body)),
  );
  r.patch(
    '/api/donors/:id',
    {
      config: { access: { permission: 'donations:manage' } },
      schema: {
        tags,
        summary: '修改捐赠人',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: updateDonorSchema,
        response: { 200: donorSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) =>
        updateDonor(tx, ctx.pii, actorOf(req), req.params.id, req.body),
      ),
  );
}
