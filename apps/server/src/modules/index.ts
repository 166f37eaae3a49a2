import { auditRoutes } from './audit/routes.ts';
import { seedDemoDonors } from './donations/demo.ts';
import { myGiftsRoutes, rotateSmsPii, seedDemoMyGifts, startDonorPortalJobs } from './donor-portal/index.ts';
import { donationRoutes } from './donations/routes.ts';
import { seedDemoGiftImports } from './gift-import/demo.ts';
import { giftImportRoutes } from './gift-import/routes.ts';
import { receiptDeskFor } from './donations/receipt-desk.ts';
import { rotateDonorPii } from './donations/rotate-pii.ts';
import { disclosureModule } from './disclosure/module.ts';
import { ledgerModule } from './ledger/index.ts';
import { donationLedgerEntries } from './donations/index.ts';
import { disbursementLedgerEntries } from './disbursements/index.ts';
import { disbursementRoutes } from './disbursements/routes.ts';
import { seedDemoDisbursements } from './disbursements/demo.ts';
import { seedDemoOrgs } from './orgs/demo.ts';
import { orgRoutes } from './orgs/routes.ts';
import {
  afterSeedDemoPayments,
  paymentRoutes,
  rotatePaymentPii,
  seedDemoPayments,
  startPaymentJobs,
} from './payments/index.ts';
import { seedDemoStaff } from './staff/demo.ts';
import { trainingModule } from './training/index.ts';
import { aedsModule } from './aeds/index.ts';
import { rescuesModule } from './rescues/index.ts';
import { rescueTeamsModule } from './rescue-teams/index.ts';
import { disasterEventsModule } from './disaster-events/module.ts';
import { reliefModule } from './relief/index.ts';
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
    ledgerEntries: donationLedgerEntries,
  },
  { name: 'gift-import', routes: giftImportRoutes, seedDemo: seedDemoGiftImports },
  {
    name: 'donor-portal',
    routes: myGiftsRoutes,
    seedDemo: seedDemoMyGifts,
    start: startDonorPortalJobs,
    rotatePii: rotateSmsPii,
  },
  {
    name: 'payments',
    routes: paymentRoutes,
    seedDemo: seedDemoPayments,
    afterSeedDemo: afterSeedDemoPayments,
    start: startPaymentJobs,
    rotatePii: rotatePaymentPii,
  },
  {
    name: 'disbursements',
    routes: disbursementRoutes,
    seedDemo: seedDemoDisbursements,
    ledgerEntries: disbursementLedgerEntries,
  },
  disclosureModule,
  trainingModule,
  aedsModule,
  rescuesModule,
  disasterEventsModule,
  rescueTeamsModule, // after disaster events: its demo sends teams to the demo typhoon
  reliefModule,
  ledgerModule(() => modules.flatMap((m) => m.ledgerEntries ?? [])),
];
