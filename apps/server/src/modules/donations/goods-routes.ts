import {
  attachmentParamsSchema,
  createAttachmentSchema,
  createGoodsGiftSchema,
  giftAttachmentSchema,
  giftDetailSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  type AttachmentMime,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { attachToGift, readAttachment } from './attachments.ts';
import { getGiftDetail } from './gift-detail.ts';
import { receiptDeskFor } from './receipt-desk.ts';
import { recordGoodsGift } from './record-goods-gift.ts';

const tags = ['donations 捐赠'];

const EXTENSIONS: Record<AttachmentMime, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/** A 10 MB file arrives as about 13.4 MB of Base64 inside JSON; every other route keeps the 1 MB limit. */
const ATTACHMENT_BODY_LIMIT = 15 * 1024 * 1024;

/** Gifts of goods (物资捐赠), any gift's detail, and the documents attached to gifts. */
export function goodsGiftRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  r.post(
    '/api/gifts/goods',
    {
      config: { access: { permission: 'donations:manage' } },
      schema: {
        tags,
        summary: '登记物资捐赠（逐项估值，合计即票据金额）并开具捐赠票据',
        headers: idempotencyHeadersSchema,
        body: createGoodsGiftSchema,
        response: { 200: giftDetailSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { giftId } = await runIdempotent(ctx.db, req, reply, (tx) =>
        recordGoodsGift(tx, actor, req.body),
      );
      await receiptDeskFor(ctx.db).settle([giftId]);
      return getGiftDetail(ctx.db, actor, giftId);
    },
  );
  r.get(
    '/api/gifts/:id',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '捐赠详情（物资明细、附件列表）',
        params: idParamsSchema,
        response: { 200: giftDetailSchema },
      },
    },
    async (req) => getGiftDetail(ctx.db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/gifts/:id/attachments',
    {
      config: { access: { permission: 'donations:manage' } },
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: '上传捐赠附件（检验报告、合格证、捐赠协议等；PDF/JPEG/PNG，不超过 10 MB）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: createAttachmentSchema,
        response: { 200: giftAttachmentSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) => attachToGift(tx, actorOf(req), req.params.id, req.body)),
  );
  r.get(
    '/api/gifts/:id/attachments/:attId',
    {
      config: { access: { permission: 'donations:read' } },
      schema: { tags, summary: '下载捐赠附件', params: attachmentParamsSchema },
    },
    async (req, reply) => {
      const a = await readAttachment(ctx.db, actorOf(req), req.params.id, req.params.attId);
      // Downloaded, not shown inline, and never sniffed into another type: the file came from outside.
      return reply
        .type(a.mime)
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          contentDisposition('attachment', `attachment-${a.id}.${EXTENSIONS[a.mime]}`, a.fileName),
        )
        .send(a.content);
    },
  );
}
