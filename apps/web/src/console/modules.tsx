import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  FlagOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  NotificationOutlined,
  ImportOutlined,
  NodeIndexOutlined,
  ApartmentOutlined,
  TeamOutlined,
  TransactionOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
  MedicineBoxOutlined,
  IdcardOutlined,
  ReadOutlined,
  ThunderboltOutlined,
  ClockCircleOutlined,
  FireOutlined,
  WarningOutlined,
  ContainerOutlined,
  FieldTimeOutlined,
  DeleteOutlined,
  AppstoreOutlined,
  ShopOutlined,
  DatabaseOutlined,
  InboxOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { Permission } from '@boai/contracts';
import type { shellDict } from './shell/dict.ts';

export type ConsoleModule = {
  /** Path under /console ('' is the workbench). */
  path: string;
  label: keyof typeof shellDict;
  icon: ReactNode;
  /** Needed to see the menu entry and open the page; none means every signed-in user. */
  permission?: Permission;
  Page: LazyExoticComponent<ComponentType>;
};

/** The console's pages, one line each: the menu, the routes and the workbench's quick links all come from here. */
export const consoleModules: ConsoleModule[] = [
  { path: '', label: 'home', icon: <HomeOutlined />, Page: lazy(() => import('./home/HomePage.tsx')) },
  {
    path: 'donors',
    label: 'donors',
    icon: <HeartOutlined />,
    permission: 'donations:read',
    Page: lazy(() => import('./donations/DonorsPage.tsx')),
  },
  {
    path: 'appeals',
    label: 'appeals',
    icon: <FlagOutlined />,
    permission: 'donations:read',
    Page: lazy(() => import('./donations/AppealsPage.tsx')),
  },
  {
    path: 'gifts',
    label: 'gifts',
    icon: <AccountBookOutlined />,
    permission: 'donations:read',
    Page: lazy(() => import('./donations/GiftsPage.tsx')),
  },
  {
    path: 'disclosure',
    label: 'disclosure',
    icon: <NotificationOutlined />,
    permission: 'donations:read',
    Page: lazy(() => import('./disclosure/DisclosurePage.tsx')),
  },
  {
    path: 'ledger',
    label: 'ledger',
    icon: <NodeIndexOutlined />,
    permission: 'ledger:view',
    Page: lazy(() => import('./ledger/LedgerPage.tsx')),
  },
  {
    path: 'goods',
    label: 'goods',
    icon: <GiftOutlined />,
    permission: 'donations:read',
    Page: lazy(() => import('./donations/GoodsPage.tsx')),
  },
  {
    path: 'gift-import',
    label: 'giftImport',
    icon: <ImportOutlined />,
    permission: 'donations:read',
    Page: lazy(() => import('./gift-import/GiftImportPage.tsx')),
  },
  {
    path: 'donation-reports',
    label: 'donationReports',
    icon: <BarChartOutlined />,
    permission: 'donations:read',
    Page: lazy(() => import('./donations/ReportsPage.tsx')),
  },
  {
    path: 'disbursements',
    label: 'disbursements',
    icon: <TransactionOutlined />,
    permission: 'donations:read',
    Page: lazy(() => import('./disbursements/DisbursementsPage.tsx')),
  },
  {
    path: 'training/classes',
    label: 'trainingClasses',
    icon: <MedicineBoxOutlined />,
    permission: 'training:read',
    Page: lazy(() => import('./training/ClassesPage.tsx')),
  },
  {
    path: 'training/certificates',
    label: 'trainingCertificates',
    icon: <IdcardOutlined />,
    permission: 'training:read',
    Page: lazy(() => import('./training/CertificatesPage.tsx')),
  },
  {
    path: 'training/targets',
    label: 'trainingTargets',
    icon: <BarChartOutlined />,
    permission: 'training:read',
    Page: lazy(() => import('./training/TargetsPage.tsx')),
  },
  {
    path: 'rescues',
    label: 'rescues',
    icon: <AlertOutlined />,
    permission: 'training:read',
    Page: lazy(() => import('./rescues/RescuesPage.tsx')),
  },
  {
    path: 'aeds',
    label: 'aeds',
    icon: <ThunderboltOutlined />,
    permission: 'training:read',
    Page: lazy(() => import('./aeds/DevicesPage.tsx')),
  },
  {
    path: 'aeds/due',
    label: 'aedsDue',
    icon: <ClockCircleOutlined />,
    permission: 'training:read',
    Page: lazy(() => import('./aeds/DuePage.tsx')),
  },
  {
    path: 'aeds/import',
    label: 'aedsImport',
    icon: <ImportOutlined />,
    permission: 'training:manage',
    Page: lazy(() => import('./aeds/ImportPage.tsx')),
  },
  {
    path: 'training/catalog',
    label: 'trainingCatalog',
    icon: <ReadOutlined />,
    permission: 'training:read',
    Page: lazy(() => import('./training/CatalogPage.tsx')),
  },
  { path: 'relief/items', label: 'reliefItems', icon: <AppstoreOutlined />, permission: 'relief:read', Page: lazy(() => import('./relief/stock/ItemsPage.tsx')) },
  { path: 'relief/warehouses', label: 'warehouses', icon: <ShopOutlined />, permission: 'relief:read', Page: lazy(() => import('./relief/stock/WarehousesPage.tsx')) },
  { path: 'relief/stock', label: 'stock', icon: <DatabaseOutlined />, permission: 'relief:read', Page: lazy(() => import('./relief/stock/StockPage.tsx')) },
  { path: 'relief/goods-in', label: 'goodsIn', icon: <InboxOutlined />, permission: 'relief:read', Page: lazy(() => import('./relief/stock/GoodsInPage.tsx')) },
  { path: 'relief/allocations', label: 'allocations', icon: <SwapOutlined />, permission: 'relief:read', Page: lazy(() => import('./relief/allocations/AllocationsPage.tsx')) },
  { path: 'disaster-events', label: 'disasterEvents', icon: <WarningOutlined />, permission: 'relief:read', Page: lazy(() => import('./disaster-events/EventsPage.tsx')) },
  { path: 'rescue-teams', label: 'rescueTeams', icon: <FireOutlined />, permission: 'relief:read', Page: lazy(() => import('./rescue-teams/RescueTeamsPage.tsx')) },
  { path: 'relief/stocktakes', label: 'stocktakes', icon: <ContainerOutlined />, permission: 'relief:read', Page: lazy(() => import('./relief/stock-ops/StocktakesPage.tsx')) },
  { path: 'relief/expiry', label: 'expiry', icon: <FieldTimeOutlined />, permission: 'relief:read', Page: lazy(() => import('./relief/stock-ops/ExpiryPage.tsx')) },
  { path: 'relief/adjustments', label: 'adjustments', icon: <DeleteOutlined />, permission: 'relief:read', Page: lazy(() => import('./relief/stock-ops/AdjustmentsPage.tsx')) },
  { path: 'relief/reports', label: 'reliefReports', icon: <BarChartOutlined />, permission: 'relief:read', Page: lazy(() => import('./relief/reports/ReportsPage.tsx')) },
  {
    path: 'orgs',
    label: 'orgs',
    icon: <ApartmentOutlined />,
    permission: 'orgs:read',
    Page: lazy(() => import('./orgs/OrgsPage.tsx')),
  },
  {
    path: 'users',
    label: 'users',
    icon: <TeamOutlined />,
    permission: 'staff:read',
    Page: lazy(() => import('./staff/UsersPage.tsx')),
  },
  {
    path: 'roles',
    label: 'roles',
    icon: <SafetyCertificateOutlined />,
    permission: 'roles:read',
    Page: lazy(() => import('./staff/RolesPage.tsx')),
  },
  {
    path: 'audit',
    label: 'audit',
    icon: <AuditOutlined />,
    permission: 'audit:read',
    Page: lazy(() => import('./audit/AuditPage.tsx')),
  },
  {
    path: 'profile',
    label: 'profile',
    icon: <UserOutlined />,
    Page: lazy(() => import('./profile/ProfilePage.tsx')),
  },
];

export const modulePath = (m: ConsoleModule) => (m.path ? `/console/${m.path}` : '/console');
