import { useQuery } from '@tanstack/react-query';
import type { CreateUserInput, DataScope, Role, User } from '@boai/contracts';
import { api, type Query } from '../../lib/api.ts';

export type GrantInput = { roleId: number; orgId: number; scope: DataScope };
export type UserQuery = {
  page: number;
  pageSize: number;
  orgId?: number;
  q?: string;
  active?: 'true' | 'false';
};
export type RoleInput = {
  orgId: number;
  code: string;
  name: string;
  permissions: string[];
  requireTotp: boolean;
};

export const USERS_KEY = ['users'] as const;
export const ROLES_KEY = ['roles'] as const;

export const usersApi = {
  list: (query: UserQuery & Query) =>
    api.get<{ items: User[]; total: number; page: number; pageSize: number }>('/api/users', query),
  create: (body: CreateUserInput) => api.post<User>('/api/users', body),
  update: (
    id: number,
    body: { displayName?: string; mobile?: string | null; active?: boolean; unlock?: true },
  ) => api.patch<User>(`/api/users/${id}`, body),
  setGrants: (id: number, grants: GrantInput[]) => api.put<User>(`/api/users/${id}/grants`, { grants }),
  resetPassword: (id: number, newPassword: string) =>
    api.post<{ ok: true }>(`/api/users/${id}/reset-password`, { newPassword }),
};

export const rolesApi = {
  list: () => api.get<{ items: Role[] }>('/api/roles'),
  create: (body: RoleInput) => api.post<Role>('/api/roles', body),
  update: (id: number, body: Partial<Omit<RoleInput, 'orgId' | 'code'>>) =>
    api.patch<Role>(`/api/roles/${id}`, body),
};

/** The roles the user may grant or see. */
export function useRoles() {
  return useQuery({
    queryKey: [...ROLES_KEY, 'all'],
    queryFn: rolesApi.list,
    select: (d) => d.items,
    staleTime: 60_000,
  });
}
