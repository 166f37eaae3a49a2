import type { AllocationStatus } from '@boai/contracts';

export const STATUS_COLORS: Record<AllocationStatus, string> = {
  requested: 'processing',
  approved: 'warning',
  rejected: 'error',
  shipped: 'cyan',
  signed: 'success',
  cancelled: 'default',
};
