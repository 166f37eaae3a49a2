import type { LedgerEntryBuilder } from '../../platform/ledger/index.ts';
import type { ModuleDef } from '../types.ts';
import { builderSet, type BuilderSet } from './build-entries.ts';
import { checkpointOnce } from './checkpointer.ts';
import { startLedgerJobs } from './jobs.ts';
import { ledgerRoutes } from './routes.ts';
import { sequenceOnce } from './sequencer.ts';

/**
 * The transparency log (issue 5, docs/modules/ledger.md). `allBuilders` returns every module's entry
 * builders; it is called lazily because the module list that provides them includes this module.
 * Registered last, so the demo's gifts, receipts, disbursements and disclosures are in the logs, and
 * checkpointed, when the seed finishes.
 */
export function ledgerModule(allBuilders: () => LedgerEntryBuilder[]): ModuleDef {
  let cached: BuilderSet | null = null;
  const builders = () => (cached ??= builderSet(allBuilders()));
  return {
    name: 'ledger',
    routes: (app, ctx) => ledgerRoutes(app, ctx, builders),
    afterSeedDemo: async (db, seed) => {
      await sequenceOnce(db, builders());
      await checkpointOnce(db, seed.config);
    },
    start: (ctx, onError) => startLedgerJobs(ctx.db, ctx.config, builders, onError),
  };
}
