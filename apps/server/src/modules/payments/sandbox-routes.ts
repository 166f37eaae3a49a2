import { sandboxPaymentSchema } from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { routerOf, type AppContext } from '../../platform/http/context.ts';
import {
  cancelSandbox,
  createSandboxPayment,
  deliverNotifications,
  getSandboxPayment,
  paySandbox,
  querySandboxByOrder,
} from './sandbox-bank.ts';
import {
  SANDBOX_NOTIFY_MODES,
  sandboxCreateBodySchema,
  sandboxCreatedSchema,
  sandboxQueryResultSchema,
} from './sandbox-protocol.ts';

const tags = ['sandbox 支付沙箱'];
const txnParams = z.object({ txnId: z.string().regex(/^SBX[0-9A-F]{10,40}$/) });

/**
 * The sandbox provider's own endpoints, outside /api because they are not ours: they stand where
 * WeChat Pay's or Alipay's servers would. Public, like a provider's cashier.
 */
export function sandboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  r.post(
    '/sandbox/pay/transactions',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '（沙箱）商户下单，返回收银台地址',
        body: sandboxCreateBodySchema,
        response: { 200: sandboxCreatedSchema },
      },
    },
    async (req) => createSandboxPayment(ctx.db, req.body, ctx.config.publicUrl),
  );
  r.get(
    '/sandbox/pay/transactions/:txnId',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '（沙箱）收银台：待付款信息',
        params: txnParams,
        response: { 200: sandboxPaymentSchema },
      },
    },
    async (req) => getSandboxPayment(ctx.db, req.params.txnId),
  );
  r.post(
    '/sandbox/pay/transactions/:txnId/pay',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: `（沙箱）确认支付，随后向商户发送签名通知（测试用 notify=${SANDBOX_NOTIFY_MODES.join('|')}）`,
        params: txnParams,
        querystring: z.object({ notify: z.enum(SANDBOX_NOTIFY_MODES).default('normal') }),
        response: { 200: sandboxPaymentSchema },
      },
    },
    async (req) => {
      const { row, payment, justPaid } = await paySandbox(ctx.db, req.params.txnId);
      if (justPaid) {
        void deliverNotifications(row, req.query.notify, ctx.config.paymentSandboxPrivateKey, (err) =>
          req.log.warn({ err }, 'sandbox notification not delivered'),
        );
      }
      return payment;
    },
  );
  r.post(
    '/sandbox/pay/transactions/:txnId/cancel',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '（沙箱）取消支付',
        params: txnParams,
        response: { 200: sandboxPaymentSchema },
      },
    },
    async (req) => cancelSandbox(ctx.db, req.params.txnId),
  );
  r.get(
    '/sandbox/pay/orders/:merchantOrderNo',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '（沙箱）按商户订单号查询支付结果',
        params: z.object({ merchantOrderNo: z.string().regex(/^[A-Za-z0-9_-]{6,32}$/) }),
        response: { 200: sandboxQueryResultSchema },
      },
    },
    async (req) => querySandboxByOrder(ctx.db, req.params.merchantOrderNo),
  );
}
