import type {
  DonorGoodsRow,
  GiftGoodsRow,
  GiftJourney,
  MovementSummary,
  ReliefItemCategory,
  StockMovementLine,
  StockOnHandReport,
} from '@boai/contracts';
import { api, queryString, type Query } from '../../../lib/api.ts';

export const RELIEF_REPORTS_KEY = ['relief-reports'] as const;
export const journeyKey = (giftId: number) => [...RELIEF_REPORTS_KEY, 'journey', giftId] as const;

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type Paged = { page: number; pageSize: number };

export type StockFilters = {
  orgId?: number;
  warehouseId?: number;
  itemId?: number;
  category?: ReliefItemCategory;
};
export type StockReportQuery = StockFilters & { asOf?: string };
export type PeriodQuery = StockFilters & { from: string; to: string };
export type MovementQuery = StockFilters & { kind?: string; ref?: string; from?: string; to?: string };
export type DonorQuery = { orgId?: number; donorId?: number; q?: string; from?: string; to?: string };

export const reliefReportsApi = {
  stock: (q: StockReportQuery & Paged) => api.get<StockOnHandReport>('/api/relief/reports/stock', q),
  stockXlsx: (q: StockReportQuery) => `/api/relief/reports/stock.xlsx${queryString(q as Query)}`,
  summary: (q: PeriodQuery & Paged) => api.get<MovementSummary>('/api/relief/reports/movements/summary', q),
  summaryXlsx: (q: PeriodQuery) => `/api/relief/reports/movements/summary.xlsx${queryString(q as Query)}`,
  movements: (q: MovementQuery & Paged) =>
    api.get<Page<StockMovementLine>>('/api/relief/reports/movements', q),
  movementsXlsx: (q: MovementQuery) => `/api/relief/reports/movements.xlsx${queryString(q as Query)}`,
  donors: (q: DonorQuery & Paged) => api.get<Page<DonorGoodsRow>>('/api/relief/reports/donors', q),
  donorsXlsx: (q: DonorQuery) => `/api/relief/reports/donors.xlsx${queryString(q as Query)}`,
  gifts: (q: DonorQuery & Paged) => api.get<Page<GiftGoodsRow>>('/api/relief/reports/gifts', q),
  giftsXlsx: (q: DonorQuery) => `/api/relief/reports/gifts.xlsx${queryString(q as Query)}`,
  journey: (giftId: number) => api.get<GiftJourney>(`/api/relief/gifts/${giftId}/journey`),
};
