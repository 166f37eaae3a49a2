/** What other modules may use of the rescue teams. */
export { rescueTeamsModule } from './module.ts';
