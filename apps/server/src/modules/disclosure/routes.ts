import {
  disclosureBatchDetailSchema,
  disclosureBatchPageSchema,
  disclosureBatchSchema,
  disclosureDayQuerySchema,
  disclosurePreviewSchema,
  honourRollQuerySchema,
  honourRollSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listDisclosureBatchesQuerySchema,
  pageQuerySchema,
  appealDisclosureParamsSchema,
  appealDisclosureQuerySchema,
  appealDisclosureSchema,
  publicBatchSchema,
  publicDisclosureOrgListSchema,
  publicDisclosureOrgSchema,
  publicLinePageSchema,
  publicOrgParamsSchema,
  publicSearchQuerySchema,
  publishDisclosureSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { exportBatch } from './export-batch.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { honourRoll } from './honour-roll.ts';
import { getBatch, listBatches } from './list-batches.ts';
import { previewDisclosure } from './preview-disclosure.ts';
import { publicAppeal } from './public-appeal.ts';
import { publicBatchLines } from './public-batch.ts';
import { listPublishingOrgs, publicOrgDisclosure } from './public-org.ts';
import { publishDisclosure } from './publish-disclosure.ts';
import { searchDisclosure } from './search-disclosure.ts';

const tags = ['disclosure 信息公开'];

export function disclosureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/disclosure/preview',
    {
      config: { access: { permission: 'disclosure:publish' } },
      schema: {
        tags,
        summary: '每日公示预览（发布将写入的明细与合计）',
        querystring: disclosureDayQuerySchema,
        response: { 200: disclosurePreviewSchema },
      },
    },
    async (req) => previewDisclosure(ctx.db, actorOf(req), req.query),
  );
  r.post(
    '/api/disclosure/batches',
    {
      config: { access: { permission: 'disclosure:publish' } },
      schema: {
        tags,
        summary: '发布每日公示（每个组织每天一次，发布后不可更改）',
        headers: idempotencyHeadersSchema,
        body: publishDisclosureSchema,
        response: { 200: disclosureBatchSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) => publishDisclosure(tx, actorOf(req), req.body)),
  );
  r.get(
    '/api/disclosure/batches',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '已发布的公示批次',
        querystring: listDisclosureBatchesQuerySchema,
        response: { 200: disclosureBatchPageSchema },
      },
    },
    async (req) => listBatches(ctx.db, actorOf(req), req.query),
  );
  r.get(
    '/api/disclosure/batches/:id',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '公示批次及其全部明细',
        params: idParamsSchema,
        response: { 200: disclosureBatchDetailSchema },
      },
    },
    async (req) => getBatch(ctx.db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/disclosure/batches/:id/export.xlsx',
    {
      config: { access: { permission: 'donations:read' } },
      schema: { tags, summary: '导出公示明细表（.xlsx）', params: idParamsSchema },
    },
    async (req, reply) => {
      const { batch, stream } = await exportBatch(ctx.db, actorOf(req), req.params.id);
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition(
            'attachment',
            `disclosure-${batch.day}.xlsx`,
            `${batch.orgName}${batch.day}公示明细.xlsx`,
          ),
        )
        .send(stream);
    },
  );

  r.get(
    '/api/public/disclosure/orgs',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '公众：发布公示的红十字会及其累计收支',
        querystring: pageQuerySchema,
        response: { 200: publicDisclosureOrgListSchema },
      },
    },
    async (req) => listPublishingOrgs(ctx.db, req.query),
  );
  r.get(
    '/api/public/disclosure/orgs/:orgId',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '公众：某红十字会的公示合计与每日批次',
        params: publicOrgParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: publicDisclosureOrgSchema },
      },
    },
    async (req) => publicOrgDisclosure(ctx.db, req.params.orgId, req.query),
  );
  r.get(
    '/api/public/disclosure/batches/:id',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '公众：某日公示明细',
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: publicBatchSchema },
      },
    },
    async (req) => publicBatchLines(ctx.db, req.params.id, req.query),
  );
  r.get(
    '/api/public/disclosure/appeals/:appealId',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '公众：募捐项目的目标、已收、已拨付、结余及明细',
        params: appealDisclosureParamsSchema,
        querystring: appealDisclosureQuerySchema,
        response: { 200: appealDisclosureSchema },
      },
    },
    async (req) => publicAppeal(ctx.db, req.params.appealId, req.query),
  );
  r.get(
    '/api/public/disclosure/search',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '公众：按公示名称或票据号码查询公示明细',
        querystring: publicSearchQuerySchema,
        response: { 200: publicLinePageSchema },
      },
    },
    async (req) => searchDisclosure(ctx.db, req.query),
  );
  r.get(
    '/api/public/honour-roll',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: '公众：功德榜（具名者按名称合计，未具名者逐笔列示、从不合计）',
        querystring: honourRollQuerySchema,
        response: { 200: honourRollSchema },
      },
    },
    async (req) => honourRoll(ctx.db, req.query),
  );
}
