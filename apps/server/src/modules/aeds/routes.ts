import {
  AED_IMPORT_MAX_BYTES,
  aedDetailSchema,
  aedDueListQuerySchema,
  aedDueListSchema,
  aedImportResultSchema,
  aedImportSchema,
  aedInspectionSchema,
  aedPageSchema,
  aedSchema,
  createAedInspectionSchema,
  createAedSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listAedsQuerySchema,
  updateAedSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { aedTemplate } from './aed-sheet.ts';
import { createAed } from './create-aed.ts';
import { getAed } from './get-aed.ts';
import { importAeds } from './import-aeds.ts';
import { exportAeds, listAeds, listDue } from './list-aeds.ts';
import { recordInspection } from './record-inspection.ts';
import { updateAed } from './update-aed.ts';

const tags = ['aeds AED 管理'];
// AEDs are the 应急救护 office's work: the same permissions as training.
const read = { access: { permission: 'training:read' as const } };
const manage = { access: { permission: 'training:manage' as const } };
const UPLOAD_BODY_LIMIT = Math.ceil((AED_IMPORT_MAX_BYTES * 4) / 3) + 1024 * 1024;

/** Staff endpoints: the registry, inspections, the due list, import and export. */
export function aedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db, pii } = ctx;

  r.get(
    '/api/aeds',
    {
      config: read,
      schema: {
        tags,
        summary: 'AED 台账',
        querystring: listAedsQuerySchema,
        response: { 200: aedPageSchema },
      },
    },
    async (req) => listAeds(db, pii, actorOf(req), req.query),
  );
  r.get(
    '/api/aeds/export.xlsx',
    { config: read, schema: { tags, summary: '导出 AED 台账（.xlsx）', querystring: listAedsQuerySchema } },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition('attachment', 'aeds.xlsx', 'AED台账.xlsx'))
        .send(exportAeds(db, pii, actorOf(req), req.query)),
  );
  r.get(
    '/api/aeds/due',
    {
      config: read,
      schema: {
        tags,
        summary: '电池、电极片到期与已过期的 AED',
        querystring: aedDueListQuerySchema,
        response: { 200: aedDueListSchema },
      },
    },
    async (req) => listDue(db, pii, actorOf(req), req.query),
  );
  r.get(
    '/api/aeds/import-template.xlsx',
    { config: manage, schema: { tags, summary: 'AED 导入模板（Excel）' } },
    async (_req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('attachment', 'aed-template.xlsx', 'AED导入模板.xlsx'),
        )
        .send(await aedTemplate()),
  );
  r.post(
    '/api/aeds/imports/preview',
    {
      config: manage,
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: '检查 AED 导入文件（不写入）',
        body: aedImportSchema,
        response: { 200: aedImportResultSchema },
      },
    },
    async (req) => db.transaction((tx) => importAeds(tx, pii, actorOf(req), req.body, false)),
  );
  r.post(
    '/api/aeds/imports',
    {
      config: manage,
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: '导入 AED（有效行写入；已登记的序列号跳过）',
        headers: idempotencyHeadersSchema,
        body: aedImportSchema,
        response: { 200: aedImportResultSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => importAeds(tx, pii, actorOf(req), req.body, true)),
  );
  r.get(
    '/api/aeds/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'AED 详情与巡检记录',
        params: idParamsSchema,
        response: { 200: aedDetailSchema },
      },
    },
    async (req) => getAed(db, pii, actorOf(req), req.params.id),
  );
  r.post(
    '/api/aeds',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记 AED',
        headers: idempotencyHeadersSchema,
        body: createAedSchema,
        response: { 200: aedSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => createAed(tx, pii, actorOf(req), req.body)),
  );
  r.patch(
    '/api/aeds/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改 AED（位置、责任人、有效期、状态）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: updateAedSchema,
        response: { 200: aedSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => updateAed(tx, pii, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/aeds/:id/inspections',
    {
      config: manage,
      schema: {
        tags,
        summary: '记录巡检（可同时登记更换后的电池、电极片有效期）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: createAedInspectionSchema,
        response: { 200: aedInspectionSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => recordInspection(tx, actorOf(req), req.params.id, req.body)),
  );
}
