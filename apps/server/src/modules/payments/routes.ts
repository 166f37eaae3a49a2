import {
  createDonationOrderSchema,
  donationOrderCreatedSchema,
  donationOrderStatusSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  orderNoParamsSchema,
  publicAppealSchema,
  viewTokenQuerySchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { sendPdf } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { appealPosterPdf, appealQrPng, publicAppeal } from './appeal-poster.ts';
import { createDonationOrder } from './create-order.ts';
import { openPayment } from './open-payment.ts';
import { donationOrderStatus, orderCertificate } from './order-status.ts';
import { paymentProviderFor, requireProvider } from './providers.ts';
import { receiveNotification } from './receive-notification.ts';
import { sandboxRoutes } from './sandbox-routes.ts';

const tags = ['payments 扫码捐赠'];

export function paymentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/appeals/:id/qr.png',
    {
      config: { access: { permission: 'donations:read' } },
      schema: { tags, summary: '募捐项目捐赠二维码（PNG）', params: idParamsSchema },
    },
    async (req, reply) => {
      const png = await appealQrPng(ctx.db, actorOf(req), req.params.id, ctx.config.publicUrl);
      return reply
        .type('image/png')
        .header('content-disposition', `inline; filename="appeal-${req.params.id}-qr.png"`)
        .send(png);
    },
  );
  r.get(
    '/api/appeals/:id/poster.pdf',
    {
      config: { access: { permission: 'donations:read' } },
      schema: { tags, summary: '募捐项目扫码捐赠海报（A4 PDF，可打印张贴）', params: idParamsSchema },
    },
    async (req, reply) => {
      const { name, pdf } = await appealPosterPdf(ctx.db, actorOf(req), req.params.id, ctx.config.publicUrl);
      return sendPdf(reply, `appeal-${req.params.id}-poster.pdf`, `扫码捐赠海报-${name}.pdf`, pdf);
    },
  );
  r.get(
    '/api/public/appeals/:id',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '公众捐赠页：募捐项目概况与进度',
        params: idParamsSchema,
        response: { 200: publicAppealSchema },
      },
    },
    async (req) => publicAppeal(ctx.db, req.params.id),
  );
  r.post(
    '/api/public/donations',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '公众扫码捐赠：下单并获取支付地址（查看凭证只返回一次）',
        headers: idempotencyHeadersSchema,
        body: createDonationOrderSchema,
        response: { 200: donationOrderCreatedSchema },
      },
    },
    async (req, reply) => {
      const provider = requireProvider(ctx.config);
      const created = await runIdempotent(ctx.db, req, reply, async (tx) => {
        const { order, viewToken } = await createDonationOrder(tx, ctx.pii, provider.name, req.body);
        return { orderNo: order.outTradeNo, viewTokenEnc: ctx.pii.encrypt(viewToken) };
      });
      return openPayment(ctx, provider, created);
    },
  );
  r.get(
    '/api/public/donations/:orderNo',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '捐赠人查看订单状态与票据号（凭下单时的查看凭证）',
        params: orderNoParamsSchema,
        querystring: viewTokenQuerySchema,
        response: { 200: donationOrderStatusSchema },
      },
    },
    async (req) =>
      donationOrderStatus(ctx, paymentProviderFor(ctx.config), req.params.orderNo, req.query.token),
  );
  r.get(
    '/api/public/donations/:orderNo/certificate.pdf',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '捐赠人下载捐赠证书 PDF（凭查看凭证）',
        params: orderNoParamsSchema,
        querystring: viewTokenQuerySchema,
      },
    },
    async (req, reply) => {
      const { number, pdf } = await orderCertificate(ctx, req.params.orderNo, req.query.token);
      return sendPdf(reply, `certificate-${number}.pdf`, `捐赠证书-${number}.pdf`, pdf);
    },
  );

  const provider = paymentProviderFor(ctx.config);
  if (!provider) return;
  // The notify route reads the body as raw bytes: the signature covers the bytes as sent.
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    raw.post(
      `/api/payments/notify/${provider.name}`,
      {
        config: { access: { public: true } },
        schema: { tags, summary: '支付机构异步通知（验签、防重放；重复通知只入账一次）' },
      },
      async (req, reply) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        await receiveNotification(ctx, provider, req.headers, body);
        return reply.type(provider.acknowledgement.contentType).send(provider.acknowledgement.body);
      },
    );
  });
  if (provider.name === 'sandbox') app.register(async (s) => sandboxRoutes(s, ctx));
}
