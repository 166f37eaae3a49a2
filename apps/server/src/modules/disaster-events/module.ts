import type { ModuleDef } from '../types.ts';

/** 灾害事件: events, their needs list and the appeals raised for them. */
export const disasterEventsModule: ModuleDef = {
  name: 'disaster-events',
  routes: (app, ctx) => {
    void app;
    void ctx;
  },
};
