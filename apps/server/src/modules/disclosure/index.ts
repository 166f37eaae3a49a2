/** What other modules may use of the public disclosure (the donor self-service shows each gift's day). */
export { publishedDays } from './published-days.ts';
export { publishedBatchOfGifts } from './ledger-entries.ts';
