export * from './outbox.ts';
export * from './keys.ts';
export { ledgerOutbox } from './schema.ts';
