import type { ModuleDef } from '../types.ts';
import { bulkImportRoutes } from './bulk-import-routes.ts';
import { seedDemoTargets } from './demo-targets.ts';
import { seedDemoTraining } from './demo.ts';
import { startExpiryReminders } from './expiry-reminders.ts';
import { failStaleBulkImports } from './fail-stale-bulk-imports.ts';
import { publicTrainingRoutes } from './public-routes.ts';
import { rotateTrainingPii } from './rotate-pii.ts';
import { trainingRoutes } from './routes.ts';
import { trainingTargetRoutes } from './target-routes.ts';

/** 应急救护培训: courses, instructors, bases, classes, trainees, certificates and expiry reminders. */
export const trainingModule: ModuleDef = {
  name: 'training',
  routes: (app, ctx) => {
    trainingRoutes(app, ctx);
    trainingTargetRoutes(app, ctx);
    bulkImportRoutes(app, ctx);
    publicTrainingRoutes(app, ctx);
  },
  seedDemo: async (tx, seed) => {
    await seedDemoTraining(tx, seed);
    await seedDemoTargets(tx, seed);
  },
  rotatePii: rotateTrainingPii,
  start: (ctx, onError) => {
    void failStaleBulkImports(ctx.db).catch((err) => onError('training-bulk-imports', err));
    return startExpiryReminders(ctx.db, ctx.pii, (err) => onError('training-reminders', err));
  },
};
