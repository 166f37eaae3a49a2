import {
  approveDisbursementSchema,
  cancelDisbursementSchema,
  createDisbursementSchema,
  disbursementPageSchema,
  disbursementSchema,
  fundBalanceListSchema,
  fundBalancesQuerySchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listDisbursementsQuerySchema,
  rejectDisbursementSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { approveDisbursement } from './approve-disbursement.ts';
import { cancelDisbursement } from './cancel-disbursement.ts';
import { exportDisbursements } from './export-disbursements.ts';
import { fundBalances } from './fund-balances.ts';
import { listDisbursements } from './list-disbursements.ts';
import { rejectDisbursement } from './reject-disbursement.ts';
import { requestDisbursement } from './request-disbursement.ts';

const tags = ['disbursements 拨付'];

export function disbursementRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/disbursements',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '拨付列表（含下级；按状态合计，单位：分）',
        querystring: listDisbursementsQuerySchema,
        response: { 200: disbursementPageSchema },
      },
    },
    async (req) => listDisbursements(ctx.db, actorOf(req), req.query),
  );
  r.get(
    '/api/disbursements/export.xlsx',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '导出拨付明细（.xlsx，按当前筛选）',
        querystring: listDisbursementsQuerySchema,
      },
    },
    async (req, reply) => {
      const { page: _p, pageSize: _s, ...filter } = req.query;
      return reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('attachment', 'disbursements.xlsx', '拨付明细.xlsx'),
        )
        .send(exportDisbursements(ctx.db, actorOf(req), filter));
    },
  );
  r.post(
    '/api/disbursements',
    {
      config: { access: { permission: 'disbursements:request' } },
      schema: {
        tags,
        summary: '申请拨付（立即占用资金余额，待审批）',
        headers: idempotencyHeadersSchema,
        body: createDisbursementSchema,
        response: { 200: disbursementSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) => requestDisbursement(tx, actorOf(req), req.body)),
  );
  r.post(
    '/api/disbursements/:id/approve',
    {
      config: { access: { permission: 'disbursements:approve' } },
      schema: {
        tags,
        summary: '批准拨付（审批人不能是申请人）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: approveDisbursementSchema,
        response: { 200: disbursementSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) =>
        approveDisbursement(tx, actorOf(req), req.params.id, req.body),
      ),
  );
  r.post(
    '/api/disbursements/:id/reject',
    {
      config: { access: { permission: 'disbursements:approve' } },
      schema: {
        tags,
        summary: '驳回拨付申请（释放占用的资金）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: rejectDisbursementSchema,
        response: { 200: disbursementSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) =>
        rejectDisbursement(tx, actorOf(req), req.params.id, req.body),
      ),
  );
  r.post(
    '/api/disbursements/:id/cancel',
    {
      config: { access: { permission: 'disbursements:request' } },
      schema: {
        tags,
        summary: '撤销拨付（待审批：申请人或审批人；已拨付：仅审批人，须说明原因）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: cancelDisbursementSchema,
        response: { 200: disbursementSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) =>
        cancelDisbursement(tx, actorOf(req), req.params.id, req.body),
      ),
  );
  r.get(
    '/api/fund-balances',
    {
      config: { access: { permission: 'donations:read' } },
      schema: {
        tags,
        summary: '资金余额（非定向资金、各项目、各定向捐赠：已收、占用、已拨付、余额）',
        querystring: fundBalancesQuerySchema,
        response: { 200: fundBalanceListSchema },
      },
    },
    async (req) => ({ items: await fundBalances(ctx.db, actorOf(req), req.query.orgId) }),
  );
}
