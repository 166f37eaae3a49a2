import {
  closeDisasterEventSchema,
  createDisasterEventSchema,
  createDisasterNeedSchema,
  disasterAppealParamsSchema,
  disasterAppealSchema,
  disasterEventDetailSchema,
  disasterEventPageSchema,
  disasterEventSchema,
  disasterNeedParamsSchema,
  disasterNeedSchema,
  idempotencyHeadersSchema,
  idParamsSchema,
  linkableAppealSchema,
  linkDisasterAppealSchema,
  listDisasterEventsQuerySchema,
  updateDisasterEventSchema,
  updateDisasterNeedSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { contentDisposition } from '../../platform/http/downloads.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { XLSX_TYPE } from '../../platform/xlsx/stream-xlsx.ts';
import { addNeed } from './add-need.ts';
import { closeEvent } from './close-event.ts';
import { createEvent } from './create-event.ts';
import { getEvent } from './get-event.ts';
import { linkableAppeals } from './linkable-appeals.ts';
import { linkAppeal, unlinkAppeal } from './link-appeal.ts';
import { exportEvents, listEvents } from './list-events.ts';
import { removeNeed } from './remove-need.ts';
import { updateEvent } from './update-event.ts';
import { updateNeed } from './update-need.ts';

const tags = ['disaster-events 灾害事件'];
const read = { access: { permission: 'relief:read' as const } };
const manage = { access: { permission: 'relief:manage' as const } };

/** Staff endpoints: events, their needs list and their appeals. */
export function disasterEventRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const { db } = ctx;

  r.get(
    '/api/disaster-events',
    {
      config: read,
      schema: {
        tags,
        summary: '灾害事件列表（本会、上级与下级的事件）',
        querystring: listDisasterEventsQuerySchema,
        response: { 200: disasterEventPageSchema },
      },
    },
    async (req) => listEvents(db, actorOf(req), req.query),
  );
  r.get(
    '/api/disaster-events/export.xlsx',
    {
      config: read,
      schema: { tags, summary: '导出灾害事件（.xlsx）', querystring: listDisasterEventsQuerySchema },
    },
    async (req, reply) =>
      reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          contentDisposition('attachment', 'disaster-events.xlsx', '灾害事件.xlsx'),
        )
        .send(exportEvents(db, actorOf(req), req.query)),
  );
  r.get(
    '/api/disaster-events/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '灾害事件详情：需求清单、关联募捐项目、捐赠物资',
        params: idParamsSchema,
        response: { 200: disasterEventDetailSchema },
      },
    },
    async (req) => getEvent(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/disaster-events',
    {
      config: manage,
      schema: {
        tags,
        summary: '登记灾害事件',
        headers: idempotencyHeadersSchema,
        body: createDisasterEventSchema,
        response: { 200: disasterEventSchema },
      },
    },
    async (req, reply) => runIdempotent(db, req, reply, (tx) => createEvent(tx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/disaster-events/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改灾害事件（响应中）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: updateDisasterEventSchema,
        response: { 200: disasterEventSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => updateEvent(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/disaster-events/:id/close',
    {
      config: manage,
      schema: {
        tags,
        summary: '结束响应',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: closeDisasterEventSchema,
        response: { 200: disasterEventSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => closeEvent(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/disaster-events/:id/needs',
    {
      config: manage,
      schema: {
        tags,
        summary: '添加需求（按物资目录或物资名称）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: createDisasterNeedSchema,
        response: { 200: disasterNeedSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => addNeed(tx, actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/disaster-events/:id/needs/:needId',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改需求数量或备注',
        headers: idempotencyHeadersSchema,
        params: disasterNeedParamsSchema,
        body: updateDisasterNeedSchema,
        response: { 200: disasterNeedSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        updateNeed(tx, actorOf(req), req.params.id, req.params.needId, req.body),
      ),
  );
  r.delete(
    '/api/disaster-events/:id/needs/:needId',
    {
      config: manage,
      schema: {
        tags,
        summary: '删除需求',
        headers: idempotencyHeadersSchema,
        params: disasterNeedParamsSchema,
        response: { 200: z.object({ id: z.number().int() }) },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => removeNeed(tx, actorOf(req), req.params.id, req.params.needId)),
  );
  r.get(
    '/api/disaster-events/:id/linkable-appeals',
    {
      config: manage,
      schema: {
        tags,
        summary: '可关联的募捐项目（本事件所属红十字会及下级、尚未关联事件的）',
        params: idParamsSchema,
        response: { 200: z.array(linkableAppealSchema) },
      },
    },
    async (req) => linkableAppeals(db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/disaster-events/:id/appeals',
    {
      config: manage,
      schema: {
        tags,
        summary: '关联募捐项目',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: linkDisasterAppealSchema,
        response: { 200: disasterAppealSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) => linkAppeal(tx, actorOf(req), req.params.id, req.body.appealId)),
  );
  r.delete(
    '/api/disaster-events/:id/appeals/:appealId',
    {
      config: manage,
      schema: {
        tags,
        summary: '取消关联募捐项目',
        headers: idempotencyHeadersSchema,
        params: disasterAppealParamsSchema,
        response: { 200: z.object({ appealId: z.number().int() }) },
      },
    },
    async (req, reply) =>
      runIdempotent(db, req, reply, (tx) =>
        unlinkAppeal(tx, actorOf(req), req.params.id, req.params.appealId),
      ),
  );
}
