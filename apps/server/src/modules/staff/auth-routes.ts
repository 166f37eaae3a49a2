import {
  changePasswordSchema,
  emptyBodySchema,
  loginResultSchema,
  loginSchema,
  meSchema,
  okSchema,
  passwordPolicySchema,
  totpCodeSchema,
  totpSetupSchema,
} from '@boai/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAudit } from '../../platform/audit/record.ts';
import { revokeSession, SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { actorOf, routerOf, sessionOf, type AppContext } from '../../platform/http/context.ts';
import { changeOwnPassword } from './change-password.ts';
import { login } from './login.ts';
import { describeMe } from './me.ts';
import { disableTotp, enableTotp, startTotpEnrolment, verifyLoginTotp } from './second-factor.ts';

const tags = ['auth 登录与账号'];

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = routerOf(app);
  const policy = { minLength: ctx.config.passwordMinLength, minClasses: ctx.config.passwordMinClasses };
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.secureCookies,
      path: '/',
    });

  r.post(
    '/api/auth/login',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '登录（密码）', body: loginSchema, response: { 200: loginResultSchema } },
    },
    async (req, reply) => {
      const { token, next } = await login(ctx.db, ctx.config, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setCookie(reply, token);
      return { next };
    },
  );

  r.post(
    '/api/auth/totp',
    {
      config: { access: { session: 'pending' } },
      schema: {
        tags,
        summary: '登录第二步：动态验证码',
        body: totpCodeSchema,
        response: { 200: loginResultSchema },
      },
    },
    async (req) => {
      await verifyLoginTotp(ctx, actorOf(req), sessionOf(req), req.body.code);
      return { next: 'done' as const };
    },
  );

  // POST, not GET: every call generates and stores a fresh (not yet enabled) secret.
  r.post(
    '/api/auth/totp/setup',
    {
      config: { access: { session: 'pending' } },
      schema: {
        tags,
        summary: '开始绑定动态验证码',
        body: emptyBodySchema,
        response: { 200: totpSetupSchema },
      },
    },
    async (req) => startTotpEnrolment(ctx, actorOf(req), sessionOf(req)),
  );

  r.post(
    '/api/auth/totp/enable',
    {
      config: { access: { session: 'pending' } },
      schema: {
        tags,
        summary: '确认绑定动态验证码',
        body: totpCodeSchema,
        response: { 200: loginResultSchema },
      },
    },
    async (req) => {
      await enableTotp(ctx, actorOf(req), sessionOf(req), req.body.code);
      return { next: 'done' as const };
    },
  );

  r.post(
    '/api/auth/totp/disable',
    {
      config: { access: { session: 'self' } },
      schema: { tags, summary: '关闭动态验证码', body: totpCodeSchema, response: { 200: okSchema } },
    },
    async (req) => {
      await disableTotp(ctx, actorOf(req), sessionOf(req), req.body.code);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: { session: 'pending' } },
      schema: { tags, summary: '退出登录', response: { 200: okSchema } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await revokeSession(ctx.db, sessionOf(req).id);
      await recordAudit(ctx.db, actor, {
        action: 'auth.logout',
        orgId: actor.homeOrgId,
        entityType: 'user',
        entityId: actor.userId,
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { access: { session: 'self' } },
      schema: { tags, summary: '当前用户', response: { 200: meSchema } },
    },
    async (req) => describeMe(ctx.db, actorOf(req), ctx.config.sessionIdleMinutes),
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: { session: 'self' } },
      schema: { tags, summary: '修改本人密码', body: changePasswordSchema, response: { 200: okSchema } },
    },
    async (req) => {
      await changeOwnPassword(ctx.db, policy, actorOf(req), sessionOf(req).id, req.body);
      return { ok: true as const };
    },
  );

  r.get(
    '/api/auth/password-policy',
    {
      config: { access: { public: true } },
      schema: { tags, summary: '密码规则', response: { 200: passwordPolicySchema } },
    },
    async () => policy,
  );
}
