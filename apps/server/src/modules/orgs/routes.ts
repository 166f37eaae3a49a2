import {
  idempotencyHeadersSchema,
  createOrgSchema,
  emptyBodySchema,
  deactivateOrgSchema,
  idParamsSchema,
  listOrgsQuerySchema,
  moveOrgSchema,
  orgListSchema,
  orgSchema,
  updateOrgSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { createOrg } from './create-org.ts';
import { getOrg, listOrgs } from './list-orgs.ts';
import { moveOrg } from './move-org.ts';
import { activateOrg, deactivateOrg } from './set-org-active.ts';
import { updateOrg } from './update-org.ts';

const tags = ['orgs 组织机构'];

export function orgRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  r.get(
    '/api/orgs',
    {
      config: { access: { permission: 'orgs:read' } },
      schema: {
        tags,
        summary: '可见的组织（树序）',
        querystring: listOrgsQuerySchema,
        response: { 200: orgListSchema },
      },
    },
    async (req) => ({
      items: await listOrgs(ctx.db, actorOf(req), {
        includeInactive: req.query.includeInactive === 'true',
        q: req.query.q,
      }),
    }),
  );
  r.get(
    '/api/orgs/:id',
    {
      config: { access: { permission: 'orgs:read' } },
      schema: { tags, summary: '组织详情', params: idParamsSchema, response: { 200: orgSchema } },
    },
    async (req) => getOrg(ctx.db, actorOf(req), req.params.id),
  );
  r.post(
    '/api/orgs',
    {
      config: { access: { permission: 'orgs:create' } },
      schema: {
        tags,
        summary: '新建下级组织',
        headers: idempotencyHeadersSchema,
        body: createOrgSchema,
        response: { 200: orgSchema },
      },
    },
    async (req, reply) => runIdempotent(ctx.db, req, reply, (tx) => createOrg(tx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/orgs/:id',
    {
      config: { access: { permission: 'orgs:update' } },
      schema: {
        tags,
        summary: '修改组织',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: updateOrgSchema,
        response: { 200: orgSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) => updateOrg(tx, actorOf(req), req.params.id, req.body)),
  );
  r.post(
    '/api/orgs/:id/move',
    {
      config: { access: { permission: 'orgs:update' } },
      schema: {
        tags,
        summary: '调整隶属关系（整棵子树随之移动）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: moveOrgSchema,
        response: { 200: orgSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) =>
        moveOrg(tx, actorOf(req), req.params.id, req.body.newParentId),
      ),
  );
  r.post(
    '/api/orgs/:id/deactivate',
    {
      config: { access: { permission: 'orgs:deactivate' } },
      schema: {
        tags,
        summary: '停用组织（不删除）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: deactivateOrgSchema,
        response: { 200: orgSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) =>
        deactivateOrg(tx, actorOf(req), req.params.id, req.body.reason),
      ),
  );
  r.post(
    '/api/orgs/:id/activate',
    {
      config: { access: { permission: 'orgs:deactivate' } },
      schema: {
        tags,
        summary: '重新启用组织',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 200: orgSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) => activateOrg(tx, actorOf(req), req.params.id)),
  );
}
