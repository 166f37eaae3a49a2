/**
 * What other modules may use of disaster events. The module definition (routes, demo) is not here:
 * relief's schema imports these tables, and the routes import relief, so exporting them here would
 * close a load cycle (modules/index.ts takes disasterEventsModule from module.ts).
 */
export { disasterEvents, disasterEventNeeds, disasterEventAppeals } from './schema.ts';
export { findEventForOrg, requireEventVisible, type EventRef } from './find-event.ts';
export { linkNeedsToItems } from './link-needs-to-items.ts';
