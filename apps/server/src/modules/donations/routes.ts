import {
  appealListSchema,
  appealSchema,
  createAppealSchema,
  createGiftSchema,
  giftPageSchema,
  giftSchema,
  donationReportQuerySchema,
  donationReportSchema,
  giftReceiptListSchema,
  voidReasonSchema,
  listAppealsQuerySchema,
  listGiftsQuerySchema,
  publicReceiptSchema,
  receiptNumberParamsSchema,
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
import { idempotencyClaimOf, runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { createAppeal, listAppeals } from './appeals.ts';
import { getDonor, listDonors } from './list-donors.ts';
import { getGift, listGifts } from './list-gifts.ts';
import { exportGifts } from './export-gifts.ts';
import { donationReport, donationReportXlsx } from './donation-report.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { cancelGift } from './cancel-gift.ts';
import { giftReceipts } from './gift-receipts.ts';
import { reissueReceipt } from './reissue-receipt.ts';
import { receiptDeskFor } from './receipt-desk.ts';
import { receiptPdf } from './receipt-pdf.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { gifts } from './schema.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { contentDisposition, sendPdf } from '../../platform/http/downloads.ts';
import { giftIntakeFor } from './gift-intake.ts';
import { verifyReceipt } from './verify-receipt.ts';
import { registerDonor } from './register-donor.ts';
import { updateDonor } from './update-donor.ts';
import { goodsGiftRoutes } from './goods-routes.ts';

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

  r.get(
    '/api/appeals',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '募捐项目（专项、公募项目、冠名基金）及已收金额',
        querystring: listAppealsQuerySchema,
        response: { 200: appealListSchema },
      },
    },
    async (req) => ({ items: await listAppeals(ctx.db, actorOf(req), req.query) }),
  );
  r.post(
    '/api/appeals',
    {
      config: { access: { permission: 'donations:manage' } },
      schema: {
        tags,
        summary: '新建募捐项目',
        headers: idempotencyHeadersSchema,
        body: createAppealSchema,
        response: { 200: appealSchema },
      },
    },
    async (req, reply) => runIdempotent(ctx.db, req, reply, (tx) => createAppeal(tx, actorOf(req), req.body)),
  );
  r.get(
    '/api/gifts',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '捐款列表（含筛选合计，单位：分）',
        querystring: listGiftsQuerySchema,
        response: { 200: giftPageSchema },
      },
    },
    async (req) => listGifts(ctx.db, actorOf(req), req.query),
  );
  r.get(
    '/api/gifts/export.xlsx',
    {
      config: { access: { permission: 'donations:read' } },
      schema: { tags, summary: '导出捐赠明细（.xlsx，按当前筛选）', querystring: listGiftsQuerySchema },
    },
    async (req, reply) => {
      const { page: _p, pageSize: _s, ...filter } = req.query;
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', 'gifts.xlsx', '捐赠明细.xlsx'))
        .send(exportGifts(ctx.db, actorOf(req), filter));
    },
  );
  r.get(
    '/api/donation-reports',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '捐赠统计（按月份、方式、定向用途或下级组织；含下级）',
        querystring: donationReportQuerySchema,
        response: { 200: donationReportSchema },
      },
    },
    async (req) => donationReport(ctx.db, actorOf(req), req.query),
  );
  r.get(
    '/api/donation-reports/export.xlsx',
    {
      config: { access: { permission: 'donations:read' } },
      schema: { tags, summary: '导出捐赠统计（.xlsx）', querystring: donationReportQuerySchema },
    },
    async (req, reply) => {
      const report = await donationReport(ctx.db, actorOf(req), req.query);
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('attachment', 'donation-report.xlsx', '捐赠统计.xlsx'),
        )
        .send(donationReportXlsx(report, req.query));
    },
  );
  r.get(
    '/api/public/receipts/:number',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '公众查验捐赠票据（扫码）',
        params: receiptNumberParamsSchema,
        response: { 200: publicReceiptSchema },
      },
    },
    async (req) => verifyReceipt(ctx.db, req.params.number),
  );
  r.get(
    '/api/gifts/:id/receipt.pdf',
    {
      config: { access: { permission: 'donations:read' } },
      schema: { tags, summary: '捐赠票据 PDF（含查验二维码）', params: idParamsSchema },
    },
    async (req, reply) => {
      const { number, pdf } = await receiptPdf(ctx.db, actorOf(req), req.params.id, ctx.config.publicUrl);
      return sendPdf(reply, `receipt-${number}.pdf`, `捐赠票据-${number}.pdf`, pdf);
    },
  );
  r.get(
    '/api/gifts/:id/certificate.pdf',
    {
      config: { access: { permission: 'donations:read' } },
      schema: { tags, summary: '捐赠证书 PDF（含查验二维码）', params: idParamsSchema },
    },
    async (req, reply) => {
      await requireAccess(ctx.db, actorOf(req), 'donations:read', gifts, gifts.id, gifts.orgId, [
        req.params.id,
      ]);
      const { number, pdf } = await certificatePdf(ctx.db, req.params.id, ctx.config.publicUrl);
      return sendPdf(reply, `certificate-${number}.pdf`, `捐赠证书-${number}.pdf`, pdf);
    },
  );
  r.get(
    '/api/gifts/:id/receipts',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '该笔捐赠的全部票据（含已冲红）',
        params: idParamsSchema,
        response: { 200: giftReceiptListSchema },
      },
    },
    async (req) => ({ items: await giftReceipts(ctx.db, actorOf(req), req.params.id) }),
  );
  r.post(
    '/api/gifts/:id/reissue',
    {
      config: { access: { permission: 'donations:void' } },
      schema: {
        tags,
        summary: '票据冲红并重开（捐赠不变，换开新号）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: voidReasonSchema,
        response: { 200: giftSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await runIdempotent(ctx.db, req, reply, (tx) =>
        reissueReceipt(tx, actor, req.params.id, req.body.reason),
      );
      await receiptDeskFor(ctx.db).settle([id]);
      return getGift(ctx.db, actor, id);
    },
  );
  r.post(
    '/api/gifts/:id/cancel',
    {
      config: { access: { permission: 'donations:void' } },
      schema: {
        tags,
        summary: '撤销捐赠（票据冲红，不再重开）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: voidReasonSchema,
        response: { 200: giftSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await runIdempotent(ctx.db, req, reply, (tx) =>
        cancelGift(tx, actor, req.params.id, req.body.reason),
      );
      return getGift(ctx.db, actor, id);
    },
  );
  r.post(
    '/api/gifts',
    {
      config: { access: { permission: 'donations:manage' } },
      schema: {
        tags,
        summary: '登记捐款并即时开具捐赠票据（编号连续、不重复）',
        headers: idempotencyHeadersSchema,
        body: createGiftSchema,
        response: { 200: giftSchema },
      },
    },
    async (req, reply) => {
      const { gift, replayed } = await giftIntakeFor(ctx.db).submit(
        actorOf(req),
        req.body,
        idempotencyClaimOf(req),
      );
      if (replayed) reply.header('idempotent-replayed', 'true');
      return gift;
    },
  );
  goodsGiftRoutes(app, ctx);
}
