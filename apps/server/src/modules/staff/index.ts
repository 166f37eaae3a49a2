/** What other modules may use of staff. */
export { staffMobilesAt } from './contacts.ts';
