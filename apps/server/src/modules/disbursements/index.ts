/** What other modules (donations, donor portal, disclosure) may use of disbursements. */
export { disbursements } from './schema.ts';
export { fundBalance, type FundBalance, type FundKey } from './fund-balance.ts';
export { useOfFunds } from './use-of-funds.ts';
export { disbursementLedgerEntries } from './ledger-entries.ts';
