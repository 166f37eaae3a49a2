export * from './crypto.ts';
export * from './mask.ts';
