import type { ModuleDef } from '../types.ts';
import { seedDemoReliefCore } from './core-demo.ts';
import { reliefCoreRoutes } from './core-routes.ts';
import { goodsStockedEntries } from './goods-in-ledger.ts';
import { reliefReportRoutes } from './report-routes.ts';
import { adjustmentRoutes } from './adjustment-routes.ts';
import { seedDemoAllocations } from './allocation-demo.ts';
import { allocationLedgerEntries } from './allocation-ledger.ts';
import { allocationRoutes } from './allocation-routes.ts';
import { startExpiryAlerts } from './expiry-alerts.ts';
import { seedDemoStockOps } from './stocktake-demo.ts';
import { stocktakeRoutes } from './stocktake-routes.ts';

/**
 * 应急救援 relief: the catalogue, warehouses and stock, goods in, allocation and dispatch, stock-taking,
 * write-offs and returns, and the reports. Each part registers its routes and demo data here; the
 * demo seed runs in this order (goods must be in stock before they can be allocated).
 */
export const reliefModule: ModuleDef = {
  name: 'relief',
  routes: (app, ctx) => {
    reliefCoreRoutes(app, ctx);
    reliefReportRoutes(app, ctx);
    allocationRoutes(app, ctx);
    stocktakeRoutes(app, ctx);
    adjustmentRoutes(app, ctx);
    void app;
    void ctx;
  },
  seedDemo: async (tx, seed) => {
    await seedDemoReliefCore(tx, seed);
    await seedDemoAllocations(tx, seed);
    await seedDemoStockOps(tx, seed);
    void tx;
    void seed;
  },
  ledgerEntries: [goodsStockedEntries, ...allocationLedgerEntries],
  start: (ctx, onError) => startExpiryAlerts(ctx.db, ctx.pii, (err) => onError('relief-expiry-alerts', err)),
};
