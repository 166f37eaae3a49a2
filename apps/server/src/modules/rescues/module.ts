import type { ModuleDef } from '../types.ts';
import { seedDemoRescues } from './demo.ts';
import { rotateRescuePii } from './rotate-pii.ts';
import { rescueRoutes } from './routes.ts';

/** 施救案例: rescues reported by certificate holders, verified and commended by their society. */
export const rescuesModule: ModuleDef = {
  name: 'rescues',
  routes: rescueRoutes,
  seedDemo: seedDemoRescues,
  rotatePii: rotateRescuePii,
};
