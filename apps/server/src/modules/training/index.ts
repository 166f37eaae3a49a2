/** What other modules may use of first-aid training. */
export { trainingModule } from './module.ts';
export { certificateOfHolder } from './verify-certificate.ts';
export { trainingCertificates } from './schema.ts';
