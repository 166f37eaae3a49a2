import {
  createGiftImportSchema,
  GIFT_IMPORT_MAX_BYTES,
  giftImportCommitSchema,
  giftImportPageSchema,
  giftImportSchema,
  giftImportTemplateQuerySchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listGiftImportsQuerySchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { receiptDeskFor } from '../donations/index.ts';
import { commitImport } from './commit-import.ts';
import { importTemplate } from './import-template.ts';
import { getImport, listImports } from './list-imports.ts';
import { previewImport } from './preview-import.ts';

const tags = ['gift-import 到账明细导入'];
/**
 * Only the upload takes a big body: the file travels base64-encoded (4/3 of its size) inside JSON.
 * Anything up to the file limit reaches the contract, which refuses an oversized file by name.
 */
const UPLOAD_BODY_LIMIT = Math.ceil((GIFT_IMPORT_MAX_BYTES * 4) / 3) + 1024 * 1024;

export function giftImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  r.post(
    '/api/gift-imports',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      config: { access: { permission: 'donations:manage' } },
      schema: {
        tags,
        summary: '上传银行到账明细或公益平台导出文件（.xlsx/.csv），逐行校验并预览',
        headers: idempotencyHeadersSchema,
        body: createGiftImportSchema,
        response: { 200: giftImportSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) => previewImport(tx, actorOf(req), req.body)),
  );
  r.post(
    '/api/gift-imports/:id/commit',
    {
      config: { access: { permission: 'donations:manage' } },
      schema: {
        tags,
        summary: '确认导入：有效行登记为捐款并开具票据（已导入过的行自动跳过）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        response: { 200: giftImportCommitSchema },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const outcome = await runIdempotent(ctx.db, req, reply, (tx) =>
        commitImport(tx, ctx.pii, actor, req.params.id),
      );
      // A whole statement is numbered in one run of the desk; give it longer than a single gift.
      await receiptDeskFor(ctx.db).settle(outcome.giftIds, 30_000);
      return {
        import: await getImport(ctx.db, actor, outcome.id),
        alreadyCommitted: outcome.alreadyCommitted,
      };
    },
  );
  r.get(
    '/api/gift-imports',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '到账明细导入记录',
        querystring: listGiftImportsQuerySchema,
        response: { 200: giftImportPageSchema },
      },
    },
    async (req) => listImports(ctx.db, actorOf(req), req.query),
  );
  r.get(
    '/api/gift-imports/template.xlsx',
    {
      config: { access: { permission: 'donations:manage' } },
      schema: { tags, summary: '下载导入模板（Excel）', querystring: giftImportTemplateQuerySchema },
    },
    async (req, reply) => {
      const name =
        req.query.source === 'bank' ? '银行到账明细导入模板.xlsx' : '公益平台捐赠明细导入模板.xlsx';
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('attachment', `gift-import-${req.query.source}.xlsx`, name),
        )
        .send(await importTemplate(req.query.source));
    },
  );
  r.get(
    '/api/gift-imports/:id',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '导入预览详情（全部错误行）',
        params: idParamsSchema,
        response: { 200: giftImportSchema },
      },
    },
    async (req) => getImport(ctx.db, actorOf(req), req.params.id),
  );
}
