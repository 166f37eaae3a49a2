import type {
  CreateGiftImportInput,
  GiftImport,
  GiftImportCommit,
  GiftImportSource,
  GiftImportStatus,
  GiftImportSummary,
} from '@boai/contracts';
import { api, queryString, type Query } from '../../lib/api.ts';

export type GiftImportQuery = {
  page: number;
  pageSize: number;
  orgId?: number;
  source?: GiftImportSource;
  status?: GiftImportStatus;
};

export const GIFT_IMPORTS_KEY = ['gift-imports'] as const;

export const giftImportsApi = {
  list: (query: GiftImportQuery & Query) =>
    api.get<{ items: GiftImportSummary[]; total: number; page: number; pageSize: number }>(
      '/api/gift-imports',
      query,
    ),
  get: (id: number) => api.get<GiftImport>(`/api/gift-imports/${id}`),
  preview: (body: CreateGiftImportInput) => api.post<GiftImport>('/api/gift-imports', body),
  commit: (id: number) => api.post<GiftImportCommit>(`/api/gift-imports/${id}/commit`),
  templateUrl: (source: GiftImportSource) => `/api/gift-imports/template.xlsx${queryString({ source })}`,
};

/**
 * A chosen file as base64, reporting how much is read (0–100). The file travels inside the JSON
 * body like every other write, so it carries the same Idempotency-Key protection.
 */
export function readAsBase64(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    // A data URL is "data:<type>;base64,<content>": only the content is sent.
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.readAsDataURL(file);
  });
}
