import type {
  Allocation,
  AllocationDestinations,
  AllocationDetail,
  AllocationScanAnswer,
  AllocationScanTask,
  AllocationStatus,
  CreateAllocationInput,
  FreeStockItem,
  ScanLookupAnswer,
  ShipAllocationInput,
  SignAllocationInput,
} from '@boai/contracts';
import { api, queryString, type Query } from '../../../lib/api.ts';

export type AllocationFilters = {
  status?: AllocationStatus;
  direction?: 'out' | 'in';
  eventId?: number;
  warehouseId?: number;
  orgId?: number;
};
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/**
 * Allocations move stock: every write here refreshes the relief stock views (their prefix) as well as
 * the allocation list and details.
 */
export const ALLOCATIONS_KEY = ['relief', 'allocations'] as const;
export const RELIEF_KEY = ['relief'] as const;
export const allocationKey = (id: number) => [...ALLOCATIONS_KEY, 'detail', id] as const;

export type ScanLine = { code: string; quantity?: number };

const base = '/api/relief/allocations';
export const allocationsApi = {
  list: (q: AllocationFilters & { page: number; pageSize: number } & Query) =>
    api.get<Page<Allocation>>(base, q),
  exportUrl: (f: AllocationFilters & Query) => `${base}/export.xlsx${queryString(f)}`,
  get: (id: number) => api.get<AllocationDetail>(`${base}/${id}`),
  pickListUrl: (id: number) => `${base}/${id}/pick-list.pdf`,
  photoUrl: (id: number, attId: number) => `${base}/${id}/attachments/${attId}`,
  request: (body: CreateAllocationInput) => api.post<AllocationDetail>(base, body),
  approve: (id: number, comment?: string) => api.post<AllocationDetail>(`${base}/${id}/approve`, { comment }),
  reject: (id: number, comment: string) => api.post<AllocationDetail>(`${base}/${id}/reject`, { comment }),
  cancel: (id: number, reason: string) => api.post<AllocationDetail>(`${base}/${id}/cancel`, { reason }),
  scan: (id: number, task: AllocationScanTask, items: ScanLine[]) =>
    api.post<AllocationScanAnswer>(`${base}/${id}/scans`, { task, items }),
  ship: (id: number, body: ShipAllocationInput) => api.post<AllocationDetail>(`${base}/${id}/ship`, body),
  sign: (id: number, body: SignAllocationInput) => api.post<AllocationDetail>(`${base}/${id}/sign`, body),
  sources: () =>
    api.get<{
      items: { id: number; code: string; name: string; orgId: number; orgName: string; own: boolean }[];
    }>(`${base}/sources`),
  freeStock: (warehouseId: number) =>
    api.get<{ items: FreeStockItem[] }>(`${base}/sources/${warehouseId}/stock`),
  destinations: (warehouseId: number) =>
    api.get<AllocationDestinations>(`${base}/sources/${warehouseId}/destinations`),
  lookup: (codes: string[]) => api.post<ScanLookupAnswer>('/api/relief/scans/lookup', { codes }),
  events: () =>
    api.get<Page<{ id: number; name: string; status: string }>>('/api/disaster-events', {
      page: 1,
      pageSize: 200,
    }),
};

/**
 * Lines typed or pasted into a scan box: one label a line, optionally followed by a quantity
 * (`PC00000042 20`, `PC00000042,20`, `PC00000042:20`). Blank lines are skipped.
 */
export function parseScanLines(text: string): ScanLine[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [code, qty] = l.split(/[\s,，:：\t]+/);
      const quantity = qty && /^\d+$/.test(qty) ? Number(qty) : undefined;
      return quantity ? { code: code!, quantity } : { code: code! };
    });
}
