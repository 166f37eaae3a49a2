import type {
  Adjustment,
  AdjustmentKind,
  AdjustmentStatus,
  CreateReturnInInput,
  CreateReturnOutInput,
  CreateWriteOffInput,
  ExpiryBatch,
  RecordStocktakeCountsInput,
  ReturnableAllocation,
  Stocktake,
  StocktakeDetail,
  StocktakeSheetImportInput,
  StocktakeSheetResult,
  StocktakeStatus,
  Warehouse,
} from '@boai/contracts';
import { api, queryString, type Query } from '../../../lib/api.ts';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type StocktakeFilters = { orgId?: number; warehouseId?: number; status?: StocktakeStatus };
export type ExpiryFilters = {
  orgId?: number;
  warehouseId?: number;
  withinDays?: number;
  state?: 'expired' | 'expiring';
};
export type AdjustmentFilters = {
  orgId?: number;
  warehouseId?: number;
  kind?: AdjustmentKind;
  group?: 'write_off' | 'returns';
  status?: AdjustmentStatus;
  allocationId?: number;
};

/** Every stock operation changes stock: one key prefix, so a write refreshes counts, expiry and adjustments. */
export const STOCK_OPS_KEY = ['relief', 'stock-ops'] as const;
export const STOCKTAKES_KEY = [...STOCK_OPS_KEY, 'stocktakes'] as const;
export const EXPIRY_KEY = [...STOCK_OPS_KEY, 'expiry'] as const;
export const ADJUSTMENTS_KEY = [...STOCK_OPS_KEY, 'adjustments'] as const;

export const stockOpsApi = {
  warehouses: () =>
    api
      .get<Page<Warehouse>>('/api/relief/warehouses', { pageSize: 200, active: 'true' })
      .then((p) => p.items),

  stocktakes: (q: StocktakeFilters & Query) => api.get<Page<Stocktake>>('/api/relief/stocktakes', q),
  stocktakesExportUrl: (f: StocktakeFilters & Query) => `/api/relief/stocktakes/export.xlsx${queryString(f)}`,
  stocktake: (id: number) => api.get<StocktakeDetail>(`/api/relief/stocktakes/${id}`),
  startStocktake: (warehouseId: number) =>
    api.post<StocktakeDetail>('/api/relief/stocktakes', { warehouseId }),
  recordCounts: (id: number, body: RecordStocktakeCountsInput) =>
    api.post<StocktakeDetail>(`/api/relief/stocktakes/${id}/counts`, body),
  importSheet: (id: number, body: StocktakeSheetImportInput) =>
    api.post<StocktakeSheetResult>(`/api/relief/stocktakes/${id}/sheet`, body),
  sheetUrl: (id: number, blind: boolean) =>
    `/api/relief/stocktakes/${id}/sheet.xlsx${blind ? '?blind=1' : ''}`,
  submitStocktake: (id: number) => api.post<StocktakeDetail>(`/api/relief/stocktakes/${id}/submit`),
  approveStocktake: (id: number, comment?: string) =>
    api.post<StocktakeDetail>(`/api/relief/stocktakes/${id}/approve`, comment ? { comment } : {}),
  rejectStocktake: (id: number, comment: string) =>
    api.post<StocktakeDetail>(`/api/relief/stocktakes/${id}/reject`, { comment }),

  expiry: (q: ExpiryFilters & Query) => api.get<Page<ExpiryBatch>>('/api/relief/expiry', q),
  expiryExportUrl: (f: ExpiryFilters & Query) => `/api/relief/expiry/export.xlsx${queryString(f)}`,

  adjustments: (q: AdjustmentFilters & Query) => api.get<Page<Adjustment>>('/api/relief/adjustments', q),
  adjustmentsExportUrl: (f: AdjustmentFilters & Query) =>
    `/api/relief/adjustments/export.xlsx${queryString(f)}`,
  attachmentUrl: (id: number, attId: number) => `/api/relief/adjustments/${id}/attachments/${attId}`,
  requestWriteOff: (body: CreateWriteOffInput) => api.post<Adjustment>('/api/relief/write-offs', body),
  approveWriteOff: (id: number, note?: string) =>
    api.post<Adjustment>(`/api/relief/write-offs/${id}/approve`, note ? { note } : {}),
  rejectWriteOff: (id: number, note: string) =>
    api.post<Adjustment>(`/api/relief/write-offs/${id}/reject`, { note }),
  returnable: (allocationId: number) =>
    api.get<ReturnableAllocation>(`/api/relief/returns/allocations/${allocationId}`),
  returnIn: (body: CreateReturnInInput) => api.post<Adjustment[]>('/api/relief/returns/in', body),
  returnOut: (body: CreateReturnOutInput) => api.post<Adjustment>('/api/relief/returns/out', body),
};
