import { randomInt } from 'node:crypto';
import type { MyGiftsCodeSent } from '@boai/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { maskMobile, type PiiVault } from '../../platform/pii/index.ts';
import { queueSms } from '../../platform/sms/index.ts';
import { donorPhoneCodes } from '../donations/index.ts';
import { countAttempt, type ThrottleRule } from './throttle.ts';

export const CODE_TTL_SECONDS = 300;
export const CODE_RESEND_SECONDS = 60;
export const CODES_PER_DAY = 10;
/** Codes sent at the request of one address: stops one client texting a list of numbers. */
export const CODE_IP_RULE: ThrottleRule = { limit: 20, windowMinutes: 60, lockMinutes: 60 };

/**
 * Only a keyed hash of the code is stored, bound to the mobile, so neither a copy of the table nor
 * one mobile's code opens another's.
 */
export const codeHash = (pii: PiiVault, mobileHash: string, code: string) =>
  pii.lookupHash('my-gifts-code', `${mobileHash}:${code}`);

/**
 * 获取验证码: queues an SMS with a fresh 6-digit code for this mobile. The answer is the same whether
 * or not the mobile ever gave — the code is sent either way, and signing in then simply shows no
 * gifts — so the endpoint cannot be used to learn who the donors are. At most one code a minute and
 * ten a day per mobile (an advisory lock on the mobile makes concurrent requests count one by one);
 * a new code replaces the one before.
 */
export async function requestLoginCode(
  tx: Tx,
  pii: PiiVault,
  mobile: string,
  ip: string,
): Promise<MyGiftsCodeSent> {
  const mobileHash = pii.lookupHash('mobile', mobile);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`my-gifts-code:${mobileHash}`}, 0))`);
  const [recent] = await queryRows<{ today: number; since_last: number | null }>(
    tx,
    sql`select count(*)::int as today,
               floor(extract(epoch from (now() - max(${donorPhoneCodes.createdAt}))))::int as since_last
        from ${donorPhoneCodes}
        where ${donorPhoneCodes.mobileHash} = ${mobileHash}
          and ${donorPhoneCodes.createdAt} > now() - interval '24 hours'`,
  );
  if (recent!.since_last !== null && recent!.since_last < CODE_RESEND_SECONDS) {
    throw new AppError('MY_GIFTS_CODE_TOO_SOON', 429, [], {
      seconds: CODE_RESEND_SECONDS - recent!.since_last,
    });
  }
  if (recent!.today >= CODES_PER_DAY) throw new AppError('MY_GIFTS_CODE_DAILY_LIMIT', 429);
  // Counted in this transaction, so only codes actually sent count; once over, every request is refused.
  const byIp = await countAttempt(tx, `my-gifts:sms-ip:${ip}`, CODE_IP_RULE);
  if (!byIp.allowed) throw new AppError('MY_GIFTS_TOO_MANY_TRIES', 429, [], { minutes: byIp.minutesLeft });

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await tx
    .update(donorPhoneCodes)
    .set({ used: true })
    .where(and(eq(donorPhoneCodes.mobileHash, mobileHash), eq(donorPhoneCodes.used, false)));
  await tx.insert(donorPhoneCodes).values({
    mobileHash,
    codeHash: codeHash(pii, mobileHash, code),
    expiresAt: sql`now() + ${`${CODE_TTL_SECONDS} seconds`}::interval`,
  });
  await queueSms(tx, pii, {
    mobile,
    template: 'donor_login_code',
    params: { code, minutes: String(CODE_TTL_SECONDS / 60) },
    text: `【红十字会】您正在登录捐赠查询，验证码 ${code}，${CODE_TTL_SECONDS / 60} 分钟内有效。如非本人操作，请忽略本短信。`,
  });
  return {
    mobileMasked: maskMobile(mobile),
    resendAfterSeconds: CODE_RESEND_SECONDS,
    expiresInSeconds: CODE_TTL_SECONDS,
  };
}
