import type {
  Appeal,
  AppealKind,
  CreateDonorInput,
  CreateGiftInput,
  DonationReport,
  Donor,
  DonorKind,
  Gift,
  GiftChannel,
  GiftForm,
  GiftReceipt,
  ReportGrouping,
} from '@boai/contracts';
import { api, queryString, type Query } from '../../lib/api.ts';

export type DonorQuery = {
  page: number;
  pageSize: number;
  orgId?: number;
  kind?: DonorKind;
  /** A name fragment, or an exact mobile / 身份证 / 统一社会信用代码. */
  q?: string;
};
export type DonorUpdate = {
  name?: string;
  mobile?: string | null;
  contact?: string | null;
  nameConsent?: boolean;
};
/** `existing`: the server found the same person or enterprise again instead of registering them twice. */
export type RegisterDonorResult = { donor: Donor; existing: boolean };

export const DONORS_KEY = ['donors'] as const;

export const donorsApi = {
  list: (query: DonorQuery & Query) =>
    api.get<{ items: Donor[]; total: number; page: number; pageSize: number }>('/api/donors', query),
  get: (id: number) => api.get<Donor>(`/api/donors/${id}`),
  create: (body: CreateDonorInput) => api.post<RegisterDonorResult>('/api/donors', body),
  update: (id: number, body: DonorUpdate) => api.patch<Donor>(`/api/donors/${id}`, body),
};

export type AppealQuery = { orgId?: number; open?: 'true' | 'false' };
export type AppealInput = {
  orgId: number;
  kind: AppealKind;
  name: string;
  filingNo?: string | null;
  targetFen?: number | null;
  startsOn?: string | null;
  endsOn?: string | null;
};
export type GiftQuery = {
  page: number;
  pageSize: number;
  /** 捐款登记 lists money; gifts of goods have their own page. */
  form?: GiftForm;
  orgId?: number;
  appealId?: number;
  donorId?: number;
  channel?: GiftChannel;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  receiptNo?: string;
};
/** One page of gifts, with the sum of every gift the filters match (not just this page's). */
export type GiftPage = { items: Gift[]; total: number; totalFen: number; page: number; pageSize: number };

export const APPEALS_KEY = ['appeals'] as const;
export const GIFTS_KEY = ['gifts'] as const;

export const appealsApi = {
  list: (query: AppealQuery & Query = {}) => api.get<{ items: Appeal[] }>('/api/appeals', query),
  create: (body: AppealInput) => api.post<Appeal>('/api/appeals', body),
};

export const giftsApi = {
  list: (query: GiftQuery & Query) => api.get<GiftPage>('/api/gifts', query),
  create: (body: CreateGiftInput) => api.post<Gift>('/api/gifts', body),
  receipts: (id: number) => api.get<{ items: GiftReceipt[] }>(`/api/gifts/${id}/receipts`),
  /** 冲红并重开: answers the gift with its new receipt number. */
  reissue: (id: number, reason: string) => api.post<Gift>(`/api/gifts/${id}/reissue`, { reason }),
  /** 撤销捐赠: the receipt is voided and the gift no longer counts. */
  cancel: (id: number, reason: string) => api.post<Gift>(`/api/gifts/${id}/cancel`, { reason }),
  // Plain links: the browser opens or downloads them with the session cookie.
  exportUrl: (filters: Omit<GiftQuery, 'page' | 'pageSize'> & Query) =>
    `/api/gifts/export.xlsx${queryString(filters)}`,
  receiptPdfUrl: (id: number) => `/api/gifts/${id}/receipt.pdf`,
  certificateUrl: (id: number) => `/api/gifts/${id}/certificate.pdf`,
};

export const giftReceiptsKey = (id: number) => [...GIFTS_KEY, id, 'receipts'] as const;

export type ReportQuery = {
  orgId: number;
  groupBy: ReportGrouping;
  form: GiftForm;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
};

export const REPORTS_KEY = ['donation-reports'] as const;

export const reportsApi = {
  get: (query: ReportQuery & Query) => api.get<DonationReport>('/api/donation-reports', query),
  exportUrl: (query: ReportQuery & Query) => `/api/donation-reports/export.xlsx${queryString(query)}`,
};
