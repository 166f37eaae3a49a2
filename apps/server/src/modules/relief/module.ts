import type { ModuleDef } from '../types.ts';

/**
 * 应急救援 relief: the catalogue, warehouses and stock, goods in, allocation and dispatch, stock-taking,
 * write-offs and returns, and the reports. Each part registers its routes and demo data here; the
 * demo seed runs in this order (goods must be in stock before they can be allocated).
 */
export const reliefModule: ModuleDef = {
  name: 'relief',
  routes: (app, ctx) => {
    void app;
    void ctx;
  },
  seedDemo: async (tx, seed) => {
    void tx;
    void seed;
  },
  ledgerEntries: [],
};
