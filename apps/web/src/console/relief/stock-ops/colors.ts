import type { AdjustmentStatus, StocktakeStatus } from '@boai/contracts';

/** Tag colours of the statuses, the same on every stock-operations page. */
export const STOCKTAKE_COLORS: Record<StocktakeStatus, string> = {
  counting: 'processing',
  submitted: 'warning',
  approved: 'success',
  rejected: 'default',
};

export const ADJUSTMENT_COLORS: Record<AdjustmentStatus, string> = {
  requested: 'warning',
  approved: 'success',
  rejected: 'default',
  done: 'success',
};
