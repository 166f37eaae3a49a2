import type { ModuleDef } from '../types.ts';
import { linkDemoNeeds, seedDemoDisasterEvents } from './demo.ts';
import { publicDisasterEventRoutes } from './public-routes.ts';
import { disasterEventRoutes } from './routes.ts';

/** 灾害事件: events, their needs list and the appeals raised for them. */
export const disasterEventsModule: ModuleDef = {
  name: 'disaster-events',
  routes: (app, ctx) => {
    disasterEventRoutes(app, ctx);
    publicDisasterEventRoutes(app, ctx);
  },
  seedDemo: seedDemoDisasterEvents,
  afterSeedDemo: linkDemoNeeds,
};
