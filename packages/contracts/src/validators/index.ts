export * from './id-card.ts';
export * from './uscc.ts';
export * from './phone.ts';
export * from './money.ts';
export * from './dates.ts';
export * from './chinese-amount.ts';
