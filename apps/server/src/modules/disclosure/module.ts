import type { ModuleDef } from '../types.ts';
import { startAutoPublish } from './auto-publish.ts';
import { publishDemoDisclosures } from './demo.ts';
import { disclosureLedgerEntries } from './ledger-entries.ts';
import { disclosureRoutes } from './routes.ts';

/** 一天一公示: registered after donations, so the demo's past days are published once their receipts are numbered. */
export const disclosureModule: ModuleDef = {
  name: 'disclosure',
  routes: disclosureRoutes,
  afterSeedDemo: (db) => publishDemoDisclosures(db),
  start: (ctx, onError) =>
    startAutoPublish(ctx.db, ctx.config.disclosureHour, (err) => onError('disclosure-auto', err)),
  ledgerEntries: disclosureLedgerEntries,
};
