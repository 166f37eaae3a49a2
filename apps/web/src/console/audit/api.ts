import type { AuditEntry } from '@boai/contracts';
import { api, queryString, type Query } from '../../lib/api.ts';

export type AuditFilters = {
  from?: string;
  to?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  orgId?: number;
};

export const AUDIT_KEY = ['audit'] as const;

export const auditApi = {
  list: (query: AuditFilters & { page: number; pageSize: number } & Query) =>
    api.get<{ items: AuditEntry[]; total: number; page: number; pageSize: number }>('/api/audit', query),
  /** A plain link: the browser downloads the .xlsx with the session cookie. */
  exportUrl: (filters: AuditFilters) => `/api/audit/export${queryString(filters)}`,
};
