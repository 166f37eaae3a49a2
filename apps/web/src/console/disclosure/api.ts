import type { DisclosureBatch, DisclosureBatchDetail, DisclosurePreview } from '@boai/contracts';
import { api, type Query } from '../../lib/api.ts';

export type BatchQuery = { page: number; pageSize: number; orgId?: number; from?: string; to?: string };
export type BatchPage = { items: DisclosureBatch[]; total: number; page: number; pageSize: number };

export const DISCLOSURE_KEY = ['disclosure'] as const;

export const disclosureApi = {
  preview: (orgId: number, day: string) =>
    api.get<DisclosurePreview>('/api/disclosure/preview', { orgId, day }),
  publish: (orgId: number, day: string) =>
    api.post<DisclosureBatch>('/api/disclosure/batches', { orgId, day }),
  batches: (query: BatchQuery & Query) => api.get<BatchPage>('/api/disclosure/batches', query),
  batch: (id: number) => api.get<DisclosureBatchDetail>(`/api/disclosure/batches/${id}`),
  exportUrl: (id: number) => `/api/disclosure/batches/${id}/export.xlsx`,
};
