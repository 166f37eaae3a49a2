import {
  createRescueEquipmentSchema,
  createRescueMemberSchema,
  createRescueTeamSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  listRescueMembersQuerySchema,
  listRescueTeamsQuerySchema,
  rescueEquipmentSchema,
  rescueMemberSchema,
  rescueTeamChildParamsSchema,
  rescueTeamDetailSchema,
  rescueTeamPageSchema,
  rescueTeamSchema,
  updateRescueEquipmentSchema,
  updateRescueMemberSchema,
  updateRescueTeamSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { createEquipment } from './create-equipment.ts';
import { createMember } from './create-member.ts';
import { createTeam } from './create-team.ts';
import { getTeam } from './get-team.ts';
import { exportEquipment, listEquipment } from './list-equipment.ts';
import { exportMembers, listMembers } from './list-members.ts';
import { exportTeams, listTeams } from './list-teams.ts';
import { updateEquipment } from './update-equipment.ts';
import { updateMember } from './update-member.ts';
import { updateTeam } from './update-team.ts';

export const tags = ['rescue-teams 救援队'];
// 救援队 are the 应急救援 office's work, with the relief permissions.
export const read = { access: { permission: 'relief:read' as const } };
export const manage = { access: { permission: 'relief:manage' as const } };
export const xlsxName = (ascii: string, chinese: string) => contentDisposition('attachment', ascii, chinese);

/** Teams, their members (with certificates) and their equipment. */
export function rescueTeamRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db, pii } = ctx;

  r.get(
    '/api/rescue-teams',
    {
      config: read,
      schema: {
        tags,
        summary: '救援队列表',
        querystring: listRescueTeamsQuerySchema,
        response: { 200: rescueTeamPageSchema },
      },
    },
    async (req) => listTeams(db, pii, actorOf(req), req.query),
  );
  r.get(
    '/api/rescue-teams/export.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出救援队（.xlsx）', querystring: listRescueTeamsQuerySchema },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', xlsxName('rescue-teams.xlsx', '救援队.xlsx'))
        .send(exportTeams(db, pii, actorOf(req), req.query)),
  );
  r.post(
    '/api/rescue-teams',
    {
      config: manage,
      schema: {
        tags,
        summary: '组建救援队',
        headers: idempotencyHeadersSchema,
        body: createRescueTeamSchema,
        response: { 200: rescueTeamSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => createTeam(tx, pii, actorOf(req), req.body)),
  );
  r.get(
    '/api/rescue-teams/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '救援队详情与历年出勤',
        params: idParamsSchema,
        response: { 200: rescueTeamDetailSchema },
      },
    },
    async (req) => getTeam(db, pii, actorOf(req), req.params.id),
  );
  r.patch(
    '/api/rescue-teams/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改救援队（含撤编）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: updateRescueTeamSchema,
        response: { 200: rescueTeamSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => updateTeam(tx, pii, actorOf(req), req.params.id, req.body)),
  );

  r.get(
    '/api/rescue-teams/:id/members',
    {
      config: read,
      schema: {
        tags,
        summary: '队员与证书',
        params: idParamsSchema,
        querystring: listRescueMembersQuerySchema,
        response: { 200: z.array(rescueMemberSchema) },
      },
    },
    async (req) => listMembers(db, pii, actorOf(req), req.params.id, req.query),
  );
  r.get(
    '/api/rescue-teams/:id/members.xlsx',
    {
      config: read,
      schema: {
        tags,
        summary: '导出队员花名册（.xlsx）',
        params: idParamsSchema,
        querystring: listRescueMembersQuerySchema,
      },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', xlsxName('rescue-team-members.xlsx', '队员花名册.xlsx'))
        .send(await exportMembers(db, pii, actorOf(req), req.params.id, req.query)),
  );
  r.post(
    '/api/rescue-teams/:id/members',
    {
      config: manage,
      schema: {
        tags,
        summary: '队员入队',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: createRescueMemberSchema,
        response: { 200: rescueMemberSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => createMember(tx, pii, actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/rescue-teams/:id/members/:childId',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改队员（技能、证书、职务、离队）',
        headers: idempotencyHeadersSchema,
        params: rescueTeamChildParamsSchema,
        body: updateRescueMemberSchema,
        response: { 200: rescueMemberSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        updateMember(tx, pii, actorOf(req), req.params.id, req.params.childId, req.body),
      ),
  );

  r.get(
    '/api/rescue-teams/:id/equipment',
    {
      config: read,
      schema: {
        tags,
        summary: '装备清单',
        params: idParamsSchema,
        response: { 200: z.array(rescueEquipmentSchema) },
      },
    },
    async (req) => listEquipment(db, actorOf(req), req.params.id),
  );
  r.get(
    '/api/rescue-teams/:id/equipment.xlsx',
    { config: read, schema: { tags, summary: '导出装备清单（.xlsx）', params: idParamsSchema } },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header('content-disposition', xlsxName('rescue-team-equipment.xlsx', '装备清单.xlsx'))
        .send(await exportEquipment(db, actorOf(req), req.params.id)),
  );
  r.post(
    '/api/rescue-teams/:id/equipment',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记装备',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: createRescueEquipmentSchema,
        response: { 200: rescueEquipmentSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => createEquipment(tx, actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/rescue-teams/:id/equipment/:childId',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改装备（点验、状况、数量）',
        headers: idempotencyHeadersSchema,
        params: rescueTeamChildParamsSchema,
        body: updateRescueEquipmentSchema,
        response: { 200: rescueEquipmentSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        updateEquipment(tx, actorOf(req), req.params.id, req.params.childId, req.body),
      ),
  );
}
