import { formatFen, type Appeal } from '@boai/contracts';
import { useFundBalances } from './funds.ts';

/**
 * An appeal's spent (已拨付) or balance (余额) on the appeals page. Each society's balances are fetched
 * once (one query per society, shared by every row of it).
 */
export function AppealFundCell({ appeal, field }: { appeal: Appeal; field: 'spentFen' | 'balanceFen' }) {
  const fund = useFundBalances(appeal.orgId).data?.find((f) => f.appealId === appeal.id);
  return fund ? formatFen(fund[field], { symbol: true }) : '-';
}
