import type {
  Aed,
  AedDetail,
  AedDueItem,
  AedImportResult,
  AedInspection,
  CreateAedInput,
  CreateAedInspectionInput,
  UpdateAedInput,
} from '@boai/contracts';
import { api, queryString, type Query } from '../../lib/api.ts';

export const AEDS_KEY = ['aeds'] as const;
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
type ImportBody = { orgId: number; fileName: string; contentBase64: string };

export const aedApi = {
  list: (q: Query) => api.get<Page<Aed>>('/api/aeds', q),
  detail: (id: number) => api.get<AedDetail>(`/api/aeds/${id}`),
  create: (body: CreateAedInput) => api.post<Aed>('/api/aeds', body),
  update: (id: number, body: UpdateAedInput) => api.patch<Aed>(`/api/aeds/${id}`, body),
  inspect: (id: number, body: CreateAedInspectionInput) =>
    api.post<AedInspection>(`/api/aeds/${id}/inspections`, body),
  due: (q: Query) => api.get<AedDueItem[]>('/api/aeds/due', q),
  previewImport: (body: ImportBody) => api.post<AedImportResult>('/api/aeds/imports/preview', body),
  commitImport: (body: ImportBody) => api.post<AedImportResult>('/api/aeds/imports', body),
  exportUrl: (q: Query) => `/api/aeds/export.xlsx${queryString(q)}`,
  templateUrl: '/api/aeds/import-template.xlsx',
};
