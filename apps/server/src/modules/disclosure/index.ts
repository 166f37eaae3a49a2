/** What other modules (donor self-service, reports) may use of the public disclosure. */
export { disclosureBatches, disclosureLines } from './schema.ts';
export { publishedDays } from './published-days.ts';
