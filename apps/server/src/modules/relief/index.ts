/** What other modules may use of relief. */
export { reliefModule } from './module.ts';
export { stockBatches, allocations, reliefItems, warehouses } from './schema.ts';
export { publicGiftTraceRefs } from './gift-journey.ts';
export { eventReliefFlow } from './event-flow.ts';
export { findBatchByCode } from './batches-repository.ts';
export { batchCode, normalizeBatchCode } from './repository.ts';
