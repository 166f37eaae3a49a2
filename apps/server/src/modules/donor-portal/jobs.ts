import { pino } from 'pino';
import type { AppContext } from '../../platform/http/context.ts';
import { every } from '../../platform/jobs.ts';
import {
  DevelopmentSmsProvider,
  purgeOldSms,
  startSmsDelivery,
  type SmsProvider,
} from '../../platform/sms/index.ts';
import { purgeDonorLogins } from './donor-session.ts';

/**
 * The module's background work: delivering queued text messages every second, and hourly forgetting
 * expired donor sessions and codes and month-old messages. Messages go through the development
 * provider (the log) until a gateway adapter is configured — see docs/modules/donor-portal.md.
 */
export function startDonorPortalJobs(
  ctx: AppContext,
  onError: (job: string, err: unknown) => void,
  provider: SmsProvider = developmentProvider(ctx),
): () => void {
  const stopSms = startSmsDelivery(ctx.db, ctx.pii, provider, 1000, (err) => onError('sms-delivery', err));
  const stopHousekeeping = every(
    3_600_000,
    () => Promise.all([purgeDonorLogins(ctx.db), purgeOldSms(ctx.db)]),
    (err) => onError('my-gifts-housekeeping', err),
  );
  return () => {
    stopSms();
    stopHousekeeping();
  };
}

function developmentProvider(ctx: AppContext): SmsProvider {
  const log = pino({ level: ctx.config.logLevel, name: 'sms' });
  return new DevelopmentSmsProvider((line, msg) => log.info(line, msg));
}
