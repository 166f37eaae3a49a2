import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { seedDemo, type DemoSeed } from '../modules/demo.ts';
import { testConfig, type Config } from '../platform/config.ts';
import { openContext } from '../platform/context.ts';
import { openTestDatabase } from '../platform/db/testing.ts';
import type { AppContext } from '../platform/http/context.ts';

export const DEMO_PASSWORD = 'Demo-Passw0rd!';

export interface Harness {
  app: FastifyInstance;
  ctx: AppContext;
  seed: DemoSeed;
  /** Logs in through the real endpoint and returns the session cookie header. */
  login(username: string, password?: string): Promise<string>;
  req(
    method: string,
    url: string,
    opts?: { cookie?: string; body?: unknown; lang?: string },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A running app on a fresh database holding the demo society tree and accounts. */
export async function startHarness(overrides: Partial<Config> = {}): Promise<Harness> {
  const database = await openTestDatabase();
  const ctx = await openContext(testConfig(overrides), database);
  const seed = await seedDemo(ctx, DEMO_PASSWORD);
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  const req: Harness['req'] = (method, url, opts = {}) =>
    app.inject({
      method: method as never,
      url,
      headers: {
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        ...(opts.lang ? { 'accept-language': opts.lang } : {}),
      },
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const res = await req('POST', '/api/auth/login', { body: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'boai_sid');
    return `boai_sid=${cookie!.value}`;
  };
  return {
    app,
    ctx,
    seed,
    login,
    req,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
