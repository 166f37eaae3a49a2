import { auditPageSchema, auditQuerySchema } from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { exportAudit } from './export-audit.ts';
import { searchAudit } from './search-audit.ts';

const tags = ['audit 审计日志'];

/** Read-only by design: the audit trail has no write, update or delete endpoint. */
export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/audit',
    {
      config: { access: { permission: 'audit:read' } },
      schema: {
        tags,
        summary: '查询审计日志',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (req) => searchAudit(ctx.db, actorOf(req), req.query),
  );
  r.get(
    '/api/audit/export',
    {
      config: { access: { permission: 'audit:export' } },
      schema: {
        tags,
        summary: '导出审计日志（Excel）',
        querystring: auditQuerySchema.omit({ page: true, pageSize: true }),
      },
    },
    async (req, reply) => {
      const stream = await exportAudit(ctx.db, actorOf(req), req.query);
      reply
        .header('content-type', XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition(
            'attachment',
            'audit.xlsx',
            `审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`,
          ),
        );
      return reply.send(stream);
    },
  );
}
