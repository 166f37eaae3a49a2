import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasPermission } from '../access/actor.ts';
import { actorFromGrants } from '../auth/load-actor.ts';
import { ACCOUNT_ROUTES, createSessionCache } from '../auth/session-cache.ts';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import type { AppContext } from './context.ts';
import type { RouteAccess } from './access.ts';

export interface RouteInfo {
  method: string;
  url: string;
  access: RouteAccess | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access rule: the permission matrix and fuzz tests are generated from it. */
    routeList: RouteInfo[];
  }
}

/**
 * The one place requests are authenticated and authorised, before the body is even parsed,
 * so an unauthenticated or unauthorised caller gets 401/403 whatever they send.
 * Row-level scope is then enforced by the use cases through `inScope`/`requireAccess`.
 */
export function installAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  const routeList: RouteInfo[] = [];
  app.decorate('routeList', routeList);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD')
        routeList.push({ method, url, access: route.config?.access as RouteAccess | undefined });
    }
    if (url.startsWith('/api/') && !route.config?.access && !url.startsWith('/api/docs')) {
      throw new Error(`route ${route.method} ${url} declares no access rule (config.access)`);
    }
  });

  const sessions = createSessionCache(1000);
  app.addHook('onResponse', async (req) => {
    if (req.method !== 'GET' && ACCOUNT_ROUTES.test(req.url)) sessions.clear();
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const access = req.routeOptions.config?.access as RouteAccess | undefined;
    if (!access || 'public' in access) return;
    const token = req.cookies[SESSION_COOKIE];
    let found = token ? sessions.get(token) : undefined;
    if (!found) {
      found = await resolveSession(ctx.db, ctx.config, token);
      if (token) sessions.set(token, found);
    }
    if ('error' in found) throw new AppError(found.error, 401);
    const { session, user } = found;
    if (!user.active || !found.userOrgActive) throw new AppError('UNAUTHENTICATED', 401);
    req.session = session;
    req.actor = actorFromGrants(user, found.grants, req.ip);
    if ('session' in access && access.session === 'pending') return;
    if (session.stage !== 'full') throw new AppError('SECOND_FACTOR_REQUIRED', 401);
    if ('session' in access) return;
    if (user.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED', 403);
    if (!hasPermission(req.actor, access.permission)) throw new AppError('FORBIDDEN', 403);
  });
}
