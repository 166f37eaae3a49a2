import {
  ledgerCheckpointListSchema,
  ledgerCheckpointsQuerySchema,
  ledgerConsistencyProofSchema,
  ledgerConsistencyQuerySchema,
  ledgerConsoleEntriesQuerySchema,
  ledgerConsoleEntryPageSchema,
  ledgerEntriesLookupQuerySchema,
  ledgerEntriesRangeQuerySchema,
  ledgerEntryListSchema,
  ledgerEntryParamsSchema,
  ledgerEntrySchema,
  ledgerInclusionProofSchema,
  ledgerInclusionQuerySchema,
  ledgerLogListSchema,
  ledgerOrgParamsSchema,
  ledgerStatusSchema,
  ledgerTraceParamsSchema,
  ledgerTraceSchema,
  ledgerVerificationPageSchema,
  ledgerVerificationSchema,
  ledgerVerificationsQuerySchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import type { BuilderSet } from './build-entries.ts';
import { entriesForLookup } from './lookup-entries.ts';
import { ledgerStatus } from './ledger-status.ts';
import { listVerifications } from './list-verifications.ts';
import {
  getConsistencyProof,
  getEntry,
  getInclusionProof,
  latestCheckpoint,
  listCheckpoints,
  listEntries,
  listLogs,
} from './public-log.ts';
import { runVerification } from './run-verification.ts';
import { searchEntries } from './search-entries.ts';
import { traceReceipt } from './trace-receipt.ts';

const tags = ['ledger 公开账本'];
const pub = { access: { public: true } } as const;
const view = { access: { permission: 'ledger:view' } } as const;

export function ledgerRoutes(app: FastifyInstance, ctx: AppContext, builders: () => BuilderSet): void {
  const r = routerOf(app);
  r.get(
    '/api/public/ledger/logs',
    {
      config: pub,
      schema: {
        tags,
        summary: '公众：各红十字会的公开账本、签名公钥与见证方',
        response: { 200: ledgerLogListSchema },
      },
    },
    async () => ({ items: await listLogs(ctx.db, ctx.config) }),
  );
  r.get(
    '/api/public/ledger/logs/:orgId/checkpoint',
    {
      config: pub,
      schema: {
        tags,
        summary: '公众：最新检查点（C2SP 签名笔记，纯文本）',
        params: ledgerOrgParamsSchema,
        produces: ['text/plain'],
        response: { 200: z.string() },
      },
    },
    async (req, reply) => {
      const cp = await latestCheckpoint(ctx.db, req.params.orgId);
      return reply.type('text/plain; charset=utf-8').send(cp.note);
    },
  );
  r.get(
    '/api/public/ledger/logs/:orgId/checkpoints',
    {
      config: pub,
      schema: {
        tags,
        summary: '公众：历次检查点（按大小递增）',
        params: ledgerOrgParamsSchema,
        querystring: ledgerCheckpointsQuerySchema,
        response: { 200: ledgerCheckpointListSchema },
      },
    },
    async (req) => ({ items: await listCheckpoints(ctx.db, req.params.orgId, req.query) }),
  );
  r.get(
    '/api/public/ledger/logs/:orgId/entries/:index',
    {
      config: pub,
      schema: {
        tags,
        summary: '公众：按序号取一条账本条目',
        params: ledgerEntryParamsSchema,
        response: { 200: ledgerEntrySchema },
      },
    },
    async (req) => getEntry(ctx.db, req.params.orgId, req.params.index),
  );
  r.get(
    '/api/public/ledger/logs/:orgId/entries',
    {
      config: pub,
      schema: {
        tags,
        summary: '公众：按序号范围取账本条目（每次至多 1000 条）',
        params: ledgerOrgParamsSchema,
        querystring: ledgerEntriesRangeQuerySchema,
        response: { 200: ledgerEntryListSchema },
      },
    },
    async (req) => ({ items: await listEntries(ctx.db, req.params.orgId, req.query) }),
  );
  r.get(
    '/api/public/ledger/logs/:orgId/proofs/inclusion',
    {
      config: pub,
      schema: {
        tags,
        summary: '公众：包含证明（RFC 9162 §2.1.3）',
        params: ledgerOrgParamsSchema,
        querystring: ledgerInclusionQuerySchema,
        response: { 200: ledgerInclusionProofSchema },
      },
    },
    async (req) => getInclusionProof(ctx.db, req.params.orgId, req.query.index, req.query.size),
  );
  r.get(
    '/api/public/ledger/logs/:orgId/proofs/consistency',
    {
      config: pub,
      schema: {
        tags,
        summary: '公众：一致性证明（RFC 9162 §2.1.4）',
        params: ledgerOrgParamsSchema,
        querystring: ledgerConsistencyQuerySchema,
        response: { 200: ledgerConsistencyProofSchema },
      },
    },
    async (req) => getConsistencyProof(ctx.db, req.params.orgId, req.query.first, req.query.second),
  );
  r.get(
    '/api/public/ledger/entries',
    {
      config: pub,
      schema: {
        tags,
        summary: '公众：按票据号码或事件引用查账本条目',
        querystring: ledgerEntriesLookupQuerySchema,
        response: { 200: ledgerEntryListSchema },
      },
    },
    async (req) => ({ items: await entriesForLookup(ctx.db, req.query) }),
  );
  r.get(
    '/api/public/ledger/trace/:receiptNumber',
    {
      config: pub,
      schema: {
        tags,
        summary: '公众：善款去向（每一步的账本条目与包含证明）',
        params: ledgerTraceParamsSchema,
        response: { 200: ledgerTraceSchema },
      },
    },
    async (req) => traceReceipt(ctx.db, ctx.config, req.params.receiptNumber),
  );

  r.get(
    '/api/ledger/status',
    {
      config: view,
      schema: {
        tags,
        summary: '账本状态（大小、最新检查点、积压与延迟、见证）',
        response: { 200: ledgerStatusSchema },
      },
    },
    async (req) => ledgerStatus(ctx.db, ctx.config, actorOf(req)),
  );
  r.get(
    '/api/ledger/entries',
    {
      config: view,
      schema: {
        tags,
        summary: '查询账本条目',
        querystring: ledgerConsoleEntriesQuerySchema,
        response: { 200: ledgerConsoleEntryPageSchema },
      },
    },
    async (req) => searchEntries(ctx.db, actorOf(req), req.query),
  );
  r.post(
    '/api/ledger/verifications',
    {
      config: view,
      schema: {
        tags,
        summary: '校验本级及下级的公开账本并保存结果',
        response: { 200: ledgerVerificationSchema },
      },
    },
    async (req) => runVerification(ctx.db, ctx.config, builders(), actorOf(req)),
  );
  r.get(
    '/api/ledger/verifications',
    {
      config: view,
      schema: {
        tags,
        summary: '账本校验记录',
        querystring: ledgerVerificationsQuerySchema,
        response: { 200: ledgerVerificationPageSchema },
      },
    },
    async (req) => listVerifications(ctx.db, actorOf(req), req.query),
  );
}
