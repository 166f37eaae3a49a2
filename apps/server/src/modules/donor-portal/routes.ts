import {
  idempotencyHeadersSchema,
  idParamsSchema,
  myGiftDocumentQuerySchema,
  myGiftsCodeRequestSchema,
  myGiftsCodeSentSchema,
  myGiftsListSchema,
  myGiftsLoginSchema,
  myGiftsLookupResultSchema,
  myGiftsLookupSchema,
  myGiftsSessionSchema,
  okSchema,
} from '@boai/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { invalid } from '../../platform/errors.ts';
import { routerOf, type AppContext } from '../../platform/http/context.ts';
import { sendPdf } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { DONOR_COOKIE, DONOR_COOKIE_PATH, DONOR_SESSION_MINUTES, endDonorSession } from './donor-session.ts';
import { giftDocumentForDonor, type GiftDocument } from './gift-document.ts';
import { listMyGifts } from './list-my-gifts.ts';
import { loginWithCode } from './login-with-code.ts';
import { lookupGift } from './lookup-gift.ts';
import { requestLoginCode } from './request-code.ts';

const tags = ['my-gifts 捐赠查询'];

/**
 * 捐赠查询 for the public. Every route is public to the staff access rule; the ones about "my" gifts
 * check the donor's own session cookie (or a lookup's document token) themselves.
 */
export function myGiftsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.secureCookies,
    path: DONOR_COOKIE_PATH,
  };

  r.post(
    '/api/public/my-gifts/lookup',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '凭票据号码和手机号后四位查询捐赠（每个票据号 5 次错误后锁定 15 分钟）',
        body: myGiftsLookupSchema,
        response: { 200: myGiftsLookupResultSchema },
      },
    },
    async (req) => lookupGift(ctx.db, ctx.pii, req.body, req.ip),
  );
  r.post(
    '/api/public/my-gifts/code',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '获取短信验证码（同一手机号 60 秒 1 次、每天 10 次）',
        headers: idempotencyHeadersSchema,
        body: myGiftsCodeRequestSchema,
        response: { 200: myGiftsCodeSentSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) => requestLoginCode(tx, ctx.pii, req.body.mobile, req.ip)),
  );
  r.post(
    '/api/public/my-gifts/login',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '手机号 + 验证码登录捐赠查询（30 分钟有效）',
        body: myGiftsLoginSchema,
        response: { 200: myGiftsSessionSchema },
      },
    },
    async (req, reply) => {
      const result = await loginWithCode(ctx.db, ctx.pii, req.body);
      if (!result.ok) throw invalid(result.reason, 'code');
      reply.setCookie(DONOR_COOKIE, result.token, { ...cookieOptions, maxAge: DONOR_SESSION_MINUTES * 60 });
      return result.session;
    },
  );
  r.get(
    '/api/public/my-gifts',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '我的捐赠：本手机号在各级红十字会的全部捐赠及去向',
        response: { 200: myGiftsListSchema },
      },
    },
    async (req) => listMyGifts(ctx.db, ctx.pii, req.cookies[DONOR_COOKIE]),
  );
  r.post(
    '/api/public/my-gifts/logout',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '退出捐赠查询', response: { 200: okSchema } },
    },
    async (req, reply) => {
      const token = req.cookies[DONOR_COOKIE];
      if (token) await endDonorSession(ctx.db, token);
      reply.clearCookie(DONOR_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  );
  const sendDocument = async (
    what: GiftDocument,
    req: { params: { id: number }; query: { token?: string }; cookies: Record<string, string | undefined> },
    reply: FastifyReply,
  ) => {
    const { number, pdf } = await giftDocumentForDonor(
      ctx.db,
      ctx.pii,
      ctx.config.publicUrl,
      what,
      req.params.id,
      {
        cookie: req.cookies[DONOR_COOKIE],
        token: req.query.token,
      },
    );
    const label = what === 'certificate' ? '捐赠证书' : '捐赠票据';
    return sendPdf(reply, `${what}-${number}.pdf`, `${label}-${number}.pdf`, pdf);
  };
  r.get(
    '/api/public/my-gifts/:id/certificate.pdf',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '下载本人捐赠证书 PDF（登录后，或凭票据查询所得令牌）',
        params: idParamsSchema,
        querystring: myGiftDocumentQuerySchema,
      },
    },
    async (req, reply) => sendDocument('certificate', req, reply),
  );
  r.get(
    '/api/public/my-gifts/:id/receipt.pdf',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '下载本人捐赠票据 PDF（登录后，或凭票据查询所得令牌）',
        params: idParamsSchema,
        querystring: myGiftDocumentQuerySchema,
      },
    },
    async (req, reply) => sendDocument('receipt', req, reply),
  );
}
