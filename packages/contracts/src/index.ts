export * from './errors.ts';
export * from './common.ts';
export * from './permissions.ts';
export * from './orgs.ts';
export * from './staff.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './validators/index.ts';
