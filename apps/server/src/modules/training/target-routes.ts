import {
  idempotencyHeadersSchema,
  setTargetSchema,
  targetProgressQuerySchema,
  targetProgressSchema,
  targetSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { exportTargetProgress } from './exports.ts';
import { setTarget } from './set-target.ts';
import { targetProgress } from './target-progress.ts';

const tags = ['training 应急救护培训'];

/** Yearly targets by registered population and the progress against them. */
export function trainingTargetRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db } = ctx;
  r.put(
    '/api/training/targets',
    {
      config: { access: { permission: 'training:manage' } },
      schema: {
        tags,
        summary: '设定年度培训目标（人数，或登记人口的比例）',
        headers: idempotencyHeadersSchema,
        body: setTargetSchema,
        response: { 200: targetSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => setTarget(tx, actorOf(req), req.body)),
  );
  r.get(
    '/api/training/targets/progress',
    {
      config: { access: { permission: 'training:read' } },
      schema: {
        tags,
        summary: '年度目标完成进度（按下级单位、月份、五进领域）',
        querystring: targetProgressQuerySchema,
        response: { 200: targetProgressSchema },
      },
    },
    async (req) => targetProgress(db, actorOf(req), req.query),
  );
  r.get(
    '/api/training/targets/progress.xlsx',
    {
      config: { access: { permission: 'training:read' } },
      schema: { tags, summary: '导出年度目标完成进度（Excel）', querystring: targetProgressQuerySchema },
    },
    async (req, reply) => {
      const { title, stream } = await exportTargetProgress(db, actorOf(req), req.query);
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition(
            'attachment',
            `targets-${req.query.orgId}-${req.query.year}.xlsx`,
            `${title}.xlsx`,
          ),
        )
        .send(stream);
    },
  );
}
