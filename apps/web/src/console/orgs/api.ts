import { useQuery } from '@tanstack/react-query';
import type { CreateOrgInput, Org, UpdateOrgInput } from '@boai/contracts';
import { api } from '../../lib/api.ts';

export const ORGS_KEY = ['orgs'] as const;

export const orgsApi = {
  list: (includeInactive: boolean) =>
    api.get<{ items: Org[] }>('/api/orgs', { includeInactive: String(includeInactive) }),
  get: (id: number) => api.get<Org>(`/api/orgs/${id}`),
  create: (body: CreateOrgInput) => api.post<Org>('/api/orgs', body),
  update: (id: number, body: UpdateOrgInput) => api.patch<Org>(`/api/orgs/${id}`, body),
  move: (id: number, newParentId: number) => api.post<Org>(`/api/orgs/${id}/move`, { newParentId }),
  deactivate: (id: number, reason: string) => api.post<Org>(`/api/orgs/${id}/deactivate`, { reason }),
  activate: (id: number) => api.post<Org>(`/api/orgs/${id}/activate`, {}),
};

/** The societies the user may see, as the flat list the server gives. */
export function useOrgs(includeInactive = false) {
  return useQuery({
    queryKey: [...ORGS_KEY, { includeInactive }],
    queryFn: () => orgsApi.list(includeInactive),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}
