import type { ModuleDef } from '../types.ts';
import { rescueActivityRoutes } from './activity-routes.ts';
import { rescueAssessmentRoutes } from './assessment-routes.ts';
import { seedDemoRescueTeams } from './demo.ts';
import { rotateRescueTeamPii } from './rotate-pii.ts';
import { rescueTeamRoutes } from './routes.ts';

/** 救援队: teams, members and certificates, equipment, duty rosters, deployments, drills, yearly assessment. */
export const rescueTeamsModule: ModuleDef = {
  name: 'rescue-teams',
  routes: (app, ctx) => {
    rescueTeamRoutes(app, ctx);
    rescueActivityRoutes(app, ctx);
    rescueAssessmentRoutes(app, ctx);
  },
  seedDemo: seedDemoRescueTeams,
  rotatePii: rotateRescueTeamPii,
};
