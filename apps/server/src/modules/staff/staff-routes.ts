import {
  idempotencyHeadersSchema,
  createRoleSchema,
  createUserSchema,
  idParamsSchema,
  listUsersQuerySchema,
  okSchema,
  resetPasswordSchema,
  roleListSchema,
  roleSchema,
  setGrantsSchema,
  updateRoleSchema,
  updateUserSchema,
  userPageSchema,
  userSchema,
} from '@boai/contracts';
import type { FastifyInstance } from 'fastify';
import { actorOf, routerOf, type AppContext } from '../../platform/http/context.ts';
import { runIdempotent } from '../../platform/idempotency/run-idempotent.ts';
import { createUser } from './create-user.ts';
import { getUser, listUsers } from './list-users.ts';
import { createRole, listRoles, updateRole } from './roles.ts';
import { resetUserPassword, setUserGrants, updateUser } from './update-user.ts';

const tags = ['staff 工作人员与角色'];

export function staffRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const policy = { minLength: ctx.config.passwordMinLength, minClasses: ctx.config.passwordMinClasses };
  const deps = { pii: ctx.pii, policy };

  r.get(
    '/api/users',
    {
      config: { access: { permission: 'staff:read' } },
      schema: {
        tags,
        summary: '工作人员列表',
        querystring: listUsersQuerySchema,
        response: { 200: userPageSchema },
      },
    },
    async (req) => listUsers(ctx.db, ctx.pii, actorOf(req), req.query),
  );
  r.get(
    '/api/users/:id',
    {
      config: { access: { permission: 'staff:read' } },
      schema: { tags, summary: '工作人员详情', params: idParamsSchema, response: { 200: userSchema } },
    },
    async (req) => getUser(ctx.db, ctx.pii, actorOf(req), req.params.id),
  );
  r.post(
    '/api/users',
    {
      config: { access: { permission: 'staff:create' } },
      schema: {
        tags,
        summary: '新建工作人员',
        headers: idempotencyHeadersSchema,
        body: createUserSchema,
        response: { 200: userSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) => createUser(tx, deps, actorOf(req), req.body)),
  );
  r.patch(
    '/api/users/:id',
    {
      config: { access: { permission: 'staff:update' } },
      schema: {
        tags,
        summary: '修改工作人员（停用、解锁）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: updateUserSchema,
        response: { 200: userSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) =>
        updateUser(tx, ctx.pii, actorOf(req), req.params.id, req.body),
      ),
  );
  r.put(
    '/api/users/:id/grants',
    {
      config: { access: { permission: 'staff:assign' } },
      schema: {
        tags,
        summary: '分配角色',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: setGrantsSchema,
        response: { 200: userSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) =>
        setUserGrants(tx, ctx.pii, actorOf(req), req.params.id, req.body.grants),
      ),
  );
  r.post(
    '/api/users/:id/reset-password',
    {
      config: { access: { permission: 'staff:update' } },
      schema: {
        tags,
        summary: '重置密码（下次登录须修改）',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: resetPasswordSchema,
        response: { 200: okSchema },
      },
    },
    async (req, reply) => {
      await runIdempotent(ctx.db, req, reply, (tx) =>
        resetUserPassword(tx, policy, actorOf(req), req.params.id, req.body.newPassword),
      );
      return { ok: true as const };
    },
  );
  r.get(
    '/api/roles',
    {
      config: { access: { permission: 'roles:read' } },
      schema: { tags, summary: '角色列表', response: { 200: roleListSchema } },
    },
    async (req) => ({ items: await listRoles(ctx.db, actorOf(req)) }),
  );
  r.post(
    '/api/roles',
    {
      config: { access: { permission: 'roles:manage' } },
      schema: {
        tags,
        summary: '新建角色',
        headers: idempotencyHeadersSchema,
        body: createRoleSchema,
        response: { 200: roleSchema },
      },
    },
    async (req, reply) => runIdempotent(ctx.db, req, reply, (tx) => createRole(tx, actorOf(req), req.body)),
  );
  r.patch(
    '/api/roles/:id',
    {
      config: { access: { permission: 'roles:manage' } },
      schema: {
        tags,
        summary: '修改角色',
        headers: idempotencyHeadersSchema,
        params: idParamsSchema,
        body: updateRoleSchema,
        response: { 200: roleSchema },
      },
    },
    async (req, reply) =>
      runIdempotent(ctx.db, req, reply, (tx) => updateRole(tx, actorOf(req), req.params.id, req.body)),
  );
}
