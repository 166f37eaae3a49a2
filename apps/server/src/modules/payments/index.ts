/** Scan-to-donate (扫码捐赠): what the app registers of this module. */
import type { AppContext } from '../../platform/http/context.ts';
import { paymentProviderFor } from './providers.ts';
import { startReconciler } from './reconcile-orders.ts';

export { paymentRoutes } from './routes.ts';
export { seedDemoPayments, afterSeedDemoPayments } from './demo.ts';
export { rotatePaymentPii } from './rotate-pii.ts';

/** The job that asks the provider about orders whose notification has not come (every 5 s). */
export function startPaymentJobs(ctx: AppContext, onError: (job: string, err: unknown) => void): () => void {
  const provider = paymentProviderFor(ctx.config);
  if (!provider) return () => undefined;
  return startReconciler(ctx, provider, 5_000, (err) => onError('payment-reconciler', err));
}
