import type { ModuleDef } from '../types.ts';
import { seedDemoAeds } from './demo.ts';
import { startAedReminders } from './expiry-reminders.ts';
import { publicAedRoutes } from './public-routes.ts';
import { rotateAedPii } from './rotate-pii.ts';
import { aedRoutes } from './routes.ts';

/** AED registry: devices, inspections, battery and pad reminders, the public "nearest AED" map. */
export const aedsModule: ModuleDef = {
  name: 'aeds',
  routes: (app, ctx) => {
    aedRoutes(app, ctx);
    publicAedRoutes(app, ctx);
  },
  seedDemo: seedDemoAeds,
  rotatePii: rotateAedPii,
  start: (ctx, onError) => startAedReminders(ctx.db, ctx.pii, (err) => onError('aed-reminders', err)),
};
