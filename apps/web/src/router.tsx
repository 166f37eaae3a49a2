import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router';
import { Spin } from 'antd';
import { consoleModules, type ConsoleModule } from './console/modules.tsx';
import { RequireAuth } from './console/shell/RequireAuth.tsx';
import { SessionWatcher } from './console/shell/SessionWatcher.tsx';
import { Forbidden, NotFound } from './console/shell/Forbidden.tsx';
import { useCan } from './console/auth/index.ts';
// Eager, not lazy: the login page is the first thing most visits show; it should not wait for a second request.
import LoginPage from './console/auth/LoginPage.tsx';

const PortalHome = lazy(() => import('./portal/PortalHome.tsx'));
const ReceiptCheck = lazy(() => import('./portal/ReceiptCheck.tsx'));
const TracePage = lazy(() => import('./portal/trace/TracePage.tsx'));
const MyGiftsPage = lazy(() => import('./portal/my-gifts/MyGiftsPage.tsx'));
const DonatePage = lazy(() => import('./portal/donate/DonatePage.tsx'));
const DonationOrderPage = lazy(() => import('./portal/donate/OrderPage.tsx'));
const SandboxCashier = lazy(() => import('./portal/donate/SandboxCashier.tsx'));
const DisclosureOrgs = lazy(() => import('./portal/disclosure/DisclosureOrgs.tsx'));
const OrgDisclosure = lazy(() => import('./portal/disclosure/OrgDisclosure.tsx'));
const BatchDisclosure = lazy(() => import('./portal/disclosure/BatchDisclosure.tsx'));
const AppealDisclosurePage = lazy(() => import('./portal/disclosure/AppealDisclosurePage.tsx'));
const CertificateCheck = lazy(() => import('./portal/training/CertificateCheck.tsx'));
const NearestAeds = lazy(() => import('./portal/aeds/NearestAeds.tsx'));
const ClassSignUp = lazy(() => import('./portal/training/ClassSignUp.tsx'));
const RescueReport = lazy(() => import('./portal/rescues/RescueReport.tsx'));
const EventPublicPage = lazy(() => import('./portal/events/EventPublicPage.tsx'));
const ScanPage = lazy(() => import('./console/relief/scan/ScanPage.tsx'));
const ConsoleLayout = lazy(() => import('./console/shell/ConsoleLayout.tsx'));

const fallback = <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;

function Root() {
  return (
    <>
      <SessionWatcher />
      <Suspense fallback={fallback}>
        <Outlet />
      </Suspense>
    </>
  );
}

/** A page the user's permissions do not cover answers 403 here too; the server refuses its data anyway. */
function ModuleRoute({ module }: { module: ConsoleModule }) {
  const can = useCan();
  if (module.permission && !can(module.permission)) return <Forbidden />;
  return <module.Page />;
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/', element: <PortalHome /> },
      { path: '/p/receipts', element: <ReceiptCheck /> },
      { path: '/p/receipts/:number', element: <ReceiptCheck /> },
      { path: '/p/disclosure', element: <DisclosureOrgs /> },
      { path: '/p/disclosure/batches/:id', element: <BatchDisclosure /> },
      { path: '/p/disclosure/:orgId', element: <OrgDisclosure /> },
      { path: '/p/appeals/:appealId', element: <AppealDisclosurePage /> },
      { path: '/p/my-gifts', element: <MyGiftsPage /> },
      { path: '/p/certificates', element: <CertificateCheck /> },
      { path: '/p/certificates/:number', element: <CertificateCheck /> },
      { path: '/p/rescues/report', element: <RescueReport /> },
      { path: '/p/aeds', element: <NearestAeds /> },
      { path: '/p/events/:id', element: <EventPublicPage /> },
      { path: '/p/training', element: <ClassSignUp /> },
      { path: '/p/training/:id', element: <ClassSignUp /> },
      { path: '/p/trace', element: <TracePage /> },
      { path: '/p/trace/:receiptNumber', element: <TracePage /> },
      { path: '/p/donate/orders/:orderNo', element: <DonationOrderPage /> },
      { path: '/p/donate/:appealId', element: <DonatePage /> },
      { path: '/p/sandbox-pay/:txnId', element: <SandboxCashier /> },
      { path: '/console/login', element: <LoginPage /> },
      // Phone-width scanning in the warehouse: signed in, but without the console's menu layout.
      { path: '/console/scan', element: <RequireAuth><ScanPage /></RequireAuth> },
      {
        path: '/console',
        element: (
          <RequireAuth>
            <ConsoleLayout />
          </RequireAuth>
        ),
        children: [
          ...consoleModules.map((m) =>
            m.path === ''
              ? { index: true, element: <ModuleRoute module={m} /> }
              : { path: m.path, element: <ModuleRoute module={m} /> },
          ),
          { path: '*', element: <NotFound /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
