import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/http/context.ts';
import type { Db, Tx } from '../platform/db/client.ts';
import type { LedgerEntryBuilder } from '../platform/ledger/index.ts';
import type { PiiVault } from '../platform/pii/index.ts';
import type { DemoSeed } from './demo.ts';

/** A business module as the app sees it: its routes, and what it adds to the demo data. */
export interface ModuleDef {
  name: string;
  routes(app: FastifyInstance, ctx: AppContext): void | Promise<void>;
  seedDemo?(tx: Tx, seed: DemoSeed): Promise<void>;
  /** Runs once the demo seed has committed, for work done after commit (numbering receipts …). */
  afterSeedDemo?(db: Db, seed: DemoSeed): Promise<void>;
  /** Starts the module's background jobs in the running server; returns how to stop them. */
  start?(ctx: AppContext, onError: (job: string, err: unknown) => void): () => void;
  /** Re-encrypts the module's personal data under the active key; returns how many rows changed. */
  rotatePii?(tx: Tx, pii: PiiVault): Promise<number>;
  /** Builds the transparency-log entries of the public events this module records (platform/ledger). */
  ledgerEntries?: LedgerEntryBuilder[];
}
