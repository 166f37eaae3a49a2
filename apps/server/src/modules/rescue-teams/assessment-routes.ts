import {
  idempotencyHeadersSchema,
  idParamsSchema,
  rescueAssessmentListQuerySchema,
  rescueAssessmentPageSchema,
  rescueAssessmentParamsSchema,
  rescueAssessmentSchema,
  rescueCriteriaQuerySchema,
  rescueCriteriaSetSchema,
  saveRescueAssessmentSchema,
  setRescueCriteriaSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { getCriteria } from './criteria.ts';
import { exportAssessments, listAssessments, teamAssessments } from './list-assessments.ts';
import { manage, read, tags, xlsxName } from './routes.ts';
import { saveAssessment } from './save-assessment.ts';
import { setCriteria } from './set-criteria.ts';

/** 考核评估: per-society yearly criteria, scoring teams against them, the year's results. */
export function rescueAssessmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db } = ctx;

  r.get(
    '/api/rescue-teams/criteria',
    {
      config: read,
      schema: {
        tags,
        summary: '年度考核标准',
        querystring: rescueCriteriaQuerySchema,
        response: { 200: rescueCriteriaSetSchema },
      },
    },
    async (req) => getCriteria(db, actorOf(req), req.query.orgId, req.query.year),
  );
  r.put(
    '/api/rescue-teams/criteria',
    {
      config: manage,
      schema: {
        tags,
        summary: '设置年度考核标准（整表替换；已评分后不可改）',
        headers: idempotencyHeadersSchema,
        body: setRescueCriteriaSchema,
        response: { 200: rescueCriteriaSetSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => setCriteria(tx, actorOf(req), req.body)),
  );
  r.get(
    '/api/rescue-teams/assessments',
    {
      config: read,
      schema: {
        tags,
        summary: '年度考核结果（每队一行）',
        querystring: rescueAssessmentListQuerySchema,
        response: { 200: rescueAssessmentPageSchema },
      },
    },
    async (req) => listAssessments(db, actorOf(req), req.query),
  );
  r.get(
    '/api/rescue-teams/assessments.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出年度考核结果（.xlsx）', querystring: rescueAssessmentListQuerySchema },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          xlsxName('rescue-assessments.xlsx', `${req.query.year}年度救援队考核.xlsx`),
        )
        .send(await exportAssessments(db, actorOf(req), req.query)),
  );
  r.get(
    '/api/rescue-teams/:id/assessments',
    {
      config: read,
      schema: {
        tags,
        summary: '救援队历年考核',
        params: idParamsSchema,
        response: { 200: z.array(rescueAssessmentSchema) },
      },
    },
    async (req) => teamAssessments(db, actorOf(req), req.params.id),
  );
  r.put(
    '/api/rescue-teams/:id/assessments/:year',
    {
      config: manage,
      schema: {
        tags,
        summary: '考核评分（可暂存；全部评分后可完成）',
        headers: idempotencyHeadersSchema,
        params: rescueAssessmentParamsSchema,
        body: saveRescueAssessmentSchema,
        response: { 200: rescueAssessmentSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        saveAssessment(tx, actorOf(req), req.params.id, req.params.year, req.body),
      ),
  );
}
