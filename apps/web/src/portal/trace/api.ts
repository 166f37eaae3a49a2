import type { LedgerLogList, LedgerTrace } from '@boai/contracts';
import { api } from '../../lib/api.ts';

/** The public ledger as anyone reads it: no session. */
export const traceApi = {
  trace: (receiptNumber: string) =>
    api.get<LedgerTrace>(`/api/public/ledger/trace/${encodeURIComponent(receiptNumber)}`),
  logs: () => api.get<LedgerLogList>('/api/public/ledger/logs'),
};

export const tracePath = (receiptNumber: string) => `/p/trace/${receiptNumber}`;
