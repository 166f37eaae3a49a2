/** What other modules may use of relief. */
export { reliefModule } from './module.ts';
export { stockBatches, allocations, reliefItems, warehouses } from './schema.ts';
