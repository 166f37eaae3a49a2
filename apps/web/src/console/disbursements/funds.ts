import { useQuery } from '@tanstack/react-query';
import type { FundBalanceRow } from '@boai/contracts';
import { disbursementsApi, FUND_BALANCES_KEY } from './api.ts';

/** A fund as a form value: 'general', 'a:<appealId>' or 'g:<giftId>'. */
export type FundValue = string;
export const fundValueOf = (f: Pick<FundBalanceRow, 'appealId' | 'giftId'>): FundValue =>
  f.appealId ? `a:${f.appealId}` : f.giftId ? `g:${f.giftId}` : 'general';

/** The source fields of a request for a fund value. */
export const sourceOf = (value: FundValue): { appealId: number | null; giftId: number | null } => {
  const [kind, id] = value.split(':');
  return { appealId: kind === 'a' ? Number(id) : null, giftId: kind === 'g' ? Number(id) : null };
};

/** The funds of one society with their balances (shared by the request form, the balances tab and the appeals page). */
export function useFundBalances(orgId: number | undefined) {
  return useQuery({
    queryKey: [...FUND_BALANCES_KEY, orgId],
    queryFn: () => disbursementsApi.fundBalances(orgId!),
    enabled: orgId !== undefined,
  });
}
