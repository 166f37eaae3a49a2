import {
  certificateNumberParamsSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  publicCertificateSchema,
  publicClassSchema,
  signUpResultSchema,
  signUpSchema,
  verifyCertificateQuerySchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routerOf, type AppContext } from '../../platform/http/context.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { publicClasses } from './public-classes.ts';
import { signUp } from './sign-up.ts';
import { verifyCertificate } from './verify-certificate.ts';

const tags = ['training 应急救护培训（公众）'];
const open = { access: { public: true as const } };

/** What the public portal calls: classes open for sign-up, sign-up by phone, certificate check. */
export function publicTrainingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/public/training/classes',
    {
      config: open,
      schema: { tags, summary: '可在线报名的培训班', response: { 200: z.array(publicClassSchema) } },
    },
    async () => publicClasses(ctx.db),
  );
  r.get(
    '/api/public/training/classes/:id',
    {
      config: open,
      schema: {
        tags,
        summary: '培训班报名信息',
        params: idParamsSchema,
        response: { 200: publicClassSchema },
      },
    },
    async (req) => (await publicClasses(ctx.db, req.params.id))[0]!,
  );
  r.post(
    '/api/public/training/classes/:id/signups',
    {
      config: open,
      schema: {
        tags,
        summary: '在线报名（同一手机号重复报名不会重复登记）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: signUpSchema,
        response: { 200: signUpResultSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) => signUp(tx, ctx.pii, req.params.id, req.body, req.ip)),
  );
  r.get(
    '/api/public/certificates/:number',
    {
      config: open,
      schema: {
        tags,
        summary: '救护证书核验（须输入持证人姓名）',
        params: certificateNumberParamsSchema,
        querystring: verifyCertificateQuerySchema,
        response: { 200: publicCertificateSchema },
      },
    },
    async (req) => verifyCertificate(ctx.db, ctx.pii, req.params.number, req.query.name, req.ip),
  );
}
