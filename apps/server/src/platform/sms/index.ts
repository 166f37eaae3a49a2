export * from './provider.ts';
export * from './outbox.ts';
export { smsOutbox } from './schema.ts';
