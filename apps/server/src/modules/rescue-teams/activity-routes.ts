import {
  dutyRosterQuerySchema,
  dutyRosterWeekSchema,
  dutyShiftInputSchema,
  dutyShiftSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listRescueDeploymentsQuerySchema,
  rescueDeploymentInputSchema,
  rescueDeploymentPageSchema,
  rescueDeploymentSchema,
  rescueDrillInputSchema,
  rescueDrillSchema,
  rescueTeamChildParamsSchema,
  rescueTeamHoursQuerySchema,
  rescueTeamHoursSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { createShift } from './create-shift.ts';
import { deleteShift } from './delete-shift.ts';
import { listDrills } from './list-drills.ts';
import { exportDeployments, listDeployments } from './list-deployments.ts';
import { recordDeployment } from './record-deployment.ts';
import { recordDrill } from './record-drill.ts';
import { manage, read, tags, xlsxName } from './routes.ts';
import { exportTeamHours, teamHours } from './team-hours.ts';
import { updateDeployment } from './update-deployment.ts';
import { updateShift } from './update-shift.ts';
import { exportWeekRoster, weekRoster } from './week-roster.ts';

/** 值班备勤, 出队, 演练 and the yearly hours. */
export function rescueActivityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db } = ctx;

  r.get(
    '/api/rescue-teams/roster',
    {
      config: read,
      schema: {
        tags,
        summary: '一周值班表',
        querystring: dutyRosterQuerySchema,
        response: { 200: dutyRosterWeekSchema },
      },
    },
    async (req) => weekRoster(db, actorOf(req), req.query),
  );
  r.get(
    '/api/rescue-teams/roster.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出一周值班表（.xlsx）', querystring: dutyRosterQuerySchema },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', xlsxName('duty-roster.xlsx', '值班表.xlsx'))
        .send(await exportWeekRoster(db, actorOf(req), req.query)),
  );
  r.post(
    '/api/rescue-teams/:id/shifts',
    {
      config: manage,
      schema: {
        tags,
        summary: '排班（同一队员值班时间不得重叠）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: dutyShiftInputSchema,
        response: { 200: dutyShiftSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => createShift(tx, actorOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/rescue-teams/:id/shifts/:childId',
    {
      config: manage,
      schema: {
        tags,
        summary: '调整排班',
        headers: idempotencyHeadersSchema,
        params: rescueTeamChildParamsSchema,
        body: dutyShiftInputSchema,
        response: { 200: dutyShiftSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        updateShift(tx, actorOf(req), req.params.id, req.params.childId, req.body),
      ),
  );
  r.delete(
    '/api/rescue-teams/:id/shifts/:childId',
    {
      config: manage,
      schema: {
        tags,
        summary: '取消排班',
        headers: idempotencyHeadersSchema,
        params: rescueTeamChildParamsSchema,
        response: { 200: z.object({ deleted: z.literal(true) }) },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => deleteShift(tx, actorOf(req), req.params.id, req.params.childId)),
  );

  r.get(
    '/api/rescue-teams/deployments',
    {
      config: read,
      schema: {
        tags,
        summary: '出队记录',
        querystring: listRescueDeploymentsQuerySchema,
        response: { 200: rescueDeploymentPageSchema },
      },
    },
    async (req) => listDeployments(db, actorOf(req), req.query),
  );
  r.get(
    '/api/rescue-teams/deployments.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: '导出出队记录（.xlsx，每名队员一行）',
        querystring: listRescueDeploymentsQuerySchema,
      },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', xlsxName('rescue-deployments.xlsx', '出队记录.xlsx'))
        .send(exportDeployments(db, actorOf(req), req.query)),
  );
  r.post(
    '/api/rescue-teams/:id/deployments',
    {
      config: manage,
      schema: {
        tags,
        summary: '出队登记（事件、日期、队员时长）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: rescueDeploymentInputSchema,
        response: { 200: rescueDeploymentSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => recordDeployment(tx, actorOf(req), req.params.id, req.body)),
  );
  r.put(
    '/api/rescue-teams/:id/deployments/:childId',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改出队记录（收队、确认时长）',
        headers: idempotencyHeadersSchema,
        params: rescueTeamChildParamsSchema,
        body: rescueDeploymentInputSchema,
        response: { 200: rescueDeploymentSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        updateDeployment(tx, actorOf(req), req.params.id, req.params.childId, req.body),
      ),
  );

  r.get(
    '/api/rescue-teams/:id/drills',
    {
      config: read,
      schema: {
        tags,
        summary: '演练记录',
        params: idParamsSchema,
        response: { 200: z.array(rescueDrillSchema) },
      },
    },
    async (req) => listDrills(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/rescue-teams/:id/drills',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记演练',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: rescueDrillInputSchema,
        response: { 200: rescueDrillSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => recordDrill(tx, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/rescue-teams/hours',
    {
      config: read,
      schema: {
        tags,
        summary: '年度出勤统计（出队、演练人时）',
        querystring: rescueTeamHoursQuerySchema,
        response: { 200: rescueTeamHoursSchema },
      },
    },
    async (req) => teamHours(db, actorOf(req), req.query),
  );
  r.get(
    '/api/rescue-teams/hours.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出年度出勤统计（.xlsx）', querystring: rescueTeamHoursQuerySchema },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          xlsxName('rescue-team-hours.xlsx', `${req.query.year}年度救援队出勤.xlsx`),
        )
        .send(await exportTeamHours(db, actorOf(req), req.query)),
  );
}
