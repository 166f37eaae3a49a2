import { auditRoutes } from './audit/routes.ts';
import { seedDemoDonors } from './donations/demo.ts';
import { donationRoutes } from './donations/routes.ts';
import { receiptDeskFor } from './donations/receipt-desk.ts';
import { rotateDonorPii } from './donations/rotate-pii.ts';
import { seedDemoOrgs } from './orgs/demo.ts';
import { orgRoutes } from './orgs/routes.ts';
import { seedDemoStaff } from './staff/demo.ts';
import { authRoutes } from './staff/auth-routes.ts';
import { rotateStaffPii } from './staff/rotate-pii.ts';
import { staffRoutes } from './staff/staff-routes.ts';
import type { ModuleDef } from './types.ts';

/** Every business module, registered by one line each. Order matters for the demo seed (orgs first). */
export const modules: ModuleDef[] = [
  { name: 'orgs', routes: orgRoutes, seedDemo: seedDemoOrgs },
  { name: 'staff', routes: staffRoutes, seedDemo: seedDemoStaff, rotatePii: rotateStaffPii },
  { name: 'auth', routes: authRoutes },
  { name: 'audit', routes: auditRoutes },
  {
    name: 'donations',
    routes: donationRoutes,
    seedDemo: seedDemoDonors,
    afterSeedDemo: async (db) => void (await receiptDeskFor(db).runOnce()),
    start: (ctx, onError) => receiptDeskFor(ctx.db).start(500, (err) => onError('receipt-desk', err)),
    rotatePii: rotateDonorPii,
  },
];
