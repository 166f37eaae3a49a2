/** What other modules may use of disaster events. */
export { disasterEventsModule } from './module.ts';
export { disasterEvents, disasterEventNeeds, disasterEventAppeals } from './schema.ts';
