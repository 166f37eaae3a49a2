import type { CreateDonorInput, Donor, DonorKind } from '@boai/contracts';
import { api, type Query } from '../../lib/api.ts';

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
