import {
  certificateNumberParamsSchema,
  commendRescueSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listRescuesQuerySchema,
  publicRescueSchema,
  publicRescuesQuerySchema,
  reportRescueResultSchema,
  reportRescueSchema,
  rescuePageSchema,
  rescueSchema,
  reviewRescueSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { commendRescue } from './commend-rescue.ts';
import { holderRescues } from './holder-rescues.ts';
import { getRescue, listRescues } from './list-rescues.ts';
import { reportRescue } from './report-rescue.ts';
import { reviewRescue } from './review-rescue.ts';

const tags = ['rescues 施救案例'];
const read = { access: { permission: 'training:read' as const } };
const manage = { access: { permission: 'training:manage' as const } };
const open = { access: { public: true as const } };

export function rescueRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db, pii } = ctx;

  r.post(
    '/api/public/rescues',
    {
      config: open,
      schema: {
        tags,
        summary: '持证人报告施救案例（凭证书编号与姓名）',
        headers: idempotencyHeadersSchema,
        body: reportRescueSchema,
        response: { 200: reportRescueResultSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => reportRescue(tx, pii, req.body, req.ip)),
  );
  r.get(
    '/api/public/certificates/:number/rescues',
    {
      config: open,
      schema: {
        tags,
        summary: '持证人已核实的施救案例（须输入持证人姓名）',
        params: certificateNumberParamsSchema,
        querystring: publicRescuesQuerySchema,
        response: { 200: z.array(publicRescueSchema) },
      },
    },
    async (req) => holderRescues(db, req.params.number, req.query.name, req.ip),
  );

  r.get(
    '/api/rescues',
    {
      config: read,
      schema: {
        tags,
        summary: '施救案例',
        querystring: listRescuesQuerySchema,
        response: { 200: rescuePageSchema },
      },
    },
    async (req) => listRescues(db, pii, actorOf(req), req.query),
  );
  r.get(
    '/api/rescues/:id',
    {
      config: read,
      schema: { tags, summary: '施救案例详情', params: idParamsSchema, response: { 200: rescueSchema } },
    },
    async (req) => getRescue(db, pii, actorOf(req), req.params.id),
  );
  r.post(
    '/api/rescues/:id/review',
    {
      config: manage,
      schema: {
        tags,
        summary: '核实或不采信施救案例',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: reviewRescueSchema,
        response: { 200: rescueSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => reviewRescue(tx, pii, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/rescues/:id/commend',
    {
      config: manage,
      schema: {
        tags,
        summary: '表彰已核实的施救案例',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: commendRescueSchema,
        response: { 200: rescueSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        commendRescue(tx, pii, actorOf(req), req.params.id, req.body.commendation),
      ),
  );
}
