import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { UserActor } from '../access/actor.ts';
import type { SessionRow } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type { PiiVault } from '../pii/index.ts';

/** What every module's routes and use cases get from the running app. Passed explicitly, never global. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  pii: PiiVault;
}

export const routerOf = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

declare module 'fastify' {
  interface FastifyRequest {
    actor: UserActor | null;
    session: SessionRow | null;
  }
}

/** The authenticated actor of a request; the access hook has already refused requests without one. */
export function actorOf(req: FastifyRequest): UserActor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', 401);
  return req.actor;
}

export function sessionOf(req: FastifyRequest): SessionRow {
  if (!req.session) throw new AppError('UNAUTHENTICATED', 401);
  return req.session;
}
