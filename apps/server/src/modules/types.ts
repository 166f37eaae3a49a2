import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/http/context.ts';
import type { Tx } from '../platform/db/client.ts';
import type { DemoSeed } from './demo.ts';

/** A business module as the app sees it: its routes, and what it adds to the demo data. */
export interface ModuleDef {
  name: string;
  routes(app: FastifyInstance, ctx: AppContext): void | Promise<void>;
  seedDemo?(tx: Tx, seed: DemoSeed): Promise<void>;
}
