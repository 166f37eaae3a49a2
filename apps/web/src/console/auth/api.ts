import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Me, Permission } from '@boai/contracts';
import { api } from '../../lib/api.ts';

export type LoginStep = 'done' | 'totp' | 'enrol_totp';
export type TotpSetup = { secret: string; otpauthUrl: string };
export type PasswordPolicy = { minLength: number; minClasses: number };

export const authApi = {
  login: (body: { username: string; password: string }) =>
    api.post<{ next: LoginStep }>('/api/auth/login', body),
  totp: (code: string) => api.post<{ next: LoginStep }>('/api/auth/totp', { code }),
  /** A POST: each call makes and stores a fresh, not yet enabled secret (the brief said GET; the server chose POST). */
  totpSetup: () => api.post<TotpSetup>('/api/auth/totp/setup', {}),
  enableTotp: (code: string) => api.post<{ next: LoginStep }>('/api/auth/totp/enable', { code }),
  disableTotp: (code: string) => api.post<{ ok: true }>('/api/auth/totp/disable', { code }),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  me: () => api.get<Me>('/api/auth/me'),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    api.post<{ ok: true }>('/api/auth/password', body),
  passwordPolicy: () => api.get<PasswordPolicy>('/api/auth/password-policy'),
};

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: authApi.me, staleTime: 60_000, retry: false });
}

/** Whether the signed-in user holds a permission. Only for showing or hiding; the server decides. */
export function useCan() {
  const { data } = useMe();
  return useCallback((permission: Permission) => data?.permissions.includes(permission) ?? false, [data]);
}

export function usePasswordPolicy() {
  return useQuery({ queryKey: ['password-policy'], queryFn: authApi.passwordPolicy, staleTime: Infinity });
}
