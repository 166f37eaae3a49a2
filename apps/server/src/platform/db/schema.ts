/**
 * Every table, for drizzle-kit and for the schema checks. A module adds its schema file here with one line.
 */
export * from '../auth/schema.ts';
export * from '../audit/schema.ts';
export * from '../idempotency/schema.ts';
export * from '../../modules/orgs/schema.ts';
export * from '../../modules/staff/schema.ts';
export * from '../../modules/donations/schema.ts';
export * from '../sms/schema.ts';
export * from '../ledger/schema.ts';
export * from '../../modules/payments/schema.ts';
export * from '../../modules/disbursements/schema.ts';
export * from '../../modules/disclosure/schema.ts';
export * from '../../modules/gift-import/schema.ts';
export * from '../../modules/ledger/schema.ts';
export * from '../../modules/training/schema.ts';
export * from '../../modules/rescues/schema.ts';
export * from '../../modules/aeds/schema.ts';
export * from '../../modules/disaster-events/schema.ts';
export * from '../../modules/relief/schema.ts';
export * from '../../modules/rescue-teams/schema.ts';
