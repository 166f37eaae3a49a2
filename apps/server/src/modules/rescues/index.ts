/** What other modules may use of rescue cases. */
export { rescuesModule } from './module.ts';
