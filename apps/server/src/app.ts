import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { modules } from './modules/index.ts';
import { installAuthentication } from './platform/http/authenticate.ts';
import type { AppContext } from './platform/http/context.ts';
import { installErrorHandling } from './platform/http/errors.ts';
import { installMetrics } from './platform/http/metrics.ts';

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: 1024 * 1024,
    // Ids in URLs are numbers; refuse absurd URLs before routing.
    routerOptions: { maxParamLength: 200 },
    requestIdHeader: 'x-request-id',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '博爱 Boai API',
        version: '0.1.0',
        description:
          '数字红会平台接口。错误统一为 { code, message, fields }；会话通过 httpOnly Cookie `boai_sid`。',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'boai_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuthentication(app, ctx);
  installMetrics(app);

  app.get('/healthz', { config: { access: { public: true } }, schema: { hide: true } }, async () => {
    await ctx.db.execute('select 1');
    return { status: 'ok', database: ctx.database.kind };
  });

  for (const m of modules) await app.register(async (scope) => m.routes(scope, ctx));

  await serveWeb(app, ctx.config.webDist);
  return app;
}

/** The built web app (console + public portal): static files, and index.html for client-side routes. */
async function serveWeb(app: FastifyInstance, dist: string): Promise<void> {
  if (!existsSync(path.join(dist, 'index.html'))) return;
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: false });
  const spa = (_req: unknown, reply: { sendFile: (f: string) => unknown }) => reply.sendFile('index.html');
  app.get('/', { config: { access: { public: true } }, schema: { hide: true } }, spa as never);
  app.get('/console', { config: { access: { public: true } }, schema: { hide: true } }, spa as never);
  app.get('/console/*', { config: { access: { public: true } }, schema: { hide: true } }, spa as never);
  app.get('/p/*', { config: { access: { public: true } }, schema: { hide: true } }, spa as never);
}
