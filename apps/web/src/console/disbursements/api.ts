import type {
  CreateDisbursementInput,
  Disbursement,
  DisbursementStatus,
  FundBalanceRow,
  FundSource,
} from '@boai/contracts';
import { api, queryString, type Query } from '../../lib/api.ts';

export type DisbursementQuery = {
  page: number;
  pageSize: number;
  orgId?: number;
  status?: DisbursementStatus;
  source?: FundSource;
  appealId?: number;
  /** Request dates, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
};
export type DisbursementTotals = {
  pendingFen: number;
  approvedFen: number;
  rejectedFen: number;
  cancelledFen: number;
};
/** One page, with the sums by status of everything the filters match (not just this page). */
export type DisbursementPage = {
  items: Disbursement[];
  total: number;
  page: number;
  pageSize: number;
  totals: DisbursementTotals;
};
export type Decision = 'approve' | 'reject' | 'cancel';

export const DISBURSEMENTS_KEY = ['disbursements'] as const;
/** Fund balances change with every disbursement, so they live under the same key prefix. */
export const FUND_BALANCES_KEY = ['disbursements', 'fund-balances'] as const;

export const disbursementsApi = {
  list: (query: DisbursementQuery & Query) => api.get<DisbursementPage>('/api/disbursements', query),
  exportUrl: (filters: Omit<DisbursementQuery, 'page' | 'pageSize'> & Query) =>
    `/api/disbursements/export.xlsx${queryString(filters)}`,
  request: (body: CreateDisbursementInput) => api.post<Disbursement>('/api/disbursements', body),
  approve: (id: number, body: { paidOn?: string; note?: string }) =>
    api.post<Disbursement>(`/api/disbursements/${id}/approve`, body),
  reject: (id: number, note: string) => api.post<Disbursement>(`/api/disbursements/${id}/reject`, { note }),
  cancel: (id: number, reason: string) =>
    api.post<Disbursement>(`/api/disbursements/${id}/cancel`, { reason }),
  fundBalances: (orgId: number) =>
    api.get<{ items: FundBalanceRow[] }>('/api/fund-balances', { orgId }).then((r) => r.items),
};
