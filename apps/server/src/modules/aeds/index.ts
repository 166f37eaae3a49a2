/** What other modules may use of the AED registry. */
export { aedsModule } from './module.ts';
