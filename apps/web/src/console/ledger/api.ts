import type {
  LedgerConsoleEntryPage,
  LedgerEntryList,
  LedgerLogList,
  LedgerStatus,
  LedgerVerification,
} from '@boai/contracts';
import { api, type Query } from '../../lib/api.ts';

export type LedgerEntryFilters = { orgId?: number; kind?: string; ref?: string; receipt?: string };

export const LEDGER_KEY = ['ledger'] as const;
export const LEDGER_STATUS_KEY = [...LEDGER_KEY, 'status'] as const;
export const LEDGER_ENTRIES_KEY = [...LEDGER_KEY, 'entries'] as const;
export const LEDGER_VERIFICATIONS_KEY = [...LEDGER_KEY, 'verifications'] as const;

export const ledgerApi = {
  status: () => api.get<LedgerStatus>('/api/ledger/status'),
  entries: async ({ receipt, ...query }: LedgerEntryFilters & { page: number; pageSize: number } & Query) => {
    if (!receipt) return api.get<LedgerConsoleEntryPage>('/api/ledger/entries', query);
    // A receipt's entries are public; the public lookup is the one that finds them by number.
    const [found, logs] = await Promise.all([
      api.get<LedgerEntryList>('/api/public/ledger/entries', { receipt }),
      api.get<LedgerLogList>('/api/public/ledger/logs'),
    ]);
    const names = new Map(logs.items.map((l) => [l.orgId, l.orgName]));
    return {
      items: found.items.map((e) => ({ ...e, orgName: names.get(e.orgId) ?? '' })),
      total: found.items.length,
    };
  },
  verify: () => api.post<LedgerVerification>('/api/ledger/verifications'),
  verifications: (query: { page: number; pageSize: number }) =>
    api.get<{ items: LedgerVerification[]; total: number }>('/api/ledger/verifications', query),
};
