import { eq, sql } from 'drizzle-orm';
import { loginThrottle } from '../../platform/auth/schema.ts';
import { queryRows, type Queryable } from '../../platform/db/client.ts';

/**
 * Attempt counters for the public self-service, kept in the login throttle table under keys that
 * cannot be usernames (they contain ':'), so they survive restarts and are shared by every process.
 */
export interface ThrottleRule {
  /** Attempts allowed within a run of activity … */
  limit: number;
  /** … that counts as one run while the gaps between attempts stay under this many minutes … */
  windowMinutes: number;
  /** … after which the key is refused for this many minutes. */
  lockMinutes: number;
}

export type Attempt = { allowed: true; n: number } | { allowed: false; minutesLeft: number };

/**
 * Counts one attempt BEFORE the answer is checked, in one atomic upsert: under any number of
 * concurrent guesses only the first `limit` are ever evaluated. A locked key is not counted further.
 */
export async function countAttempt(q: Queryable, key: string, rule: ThrottleRule): Promise<Attempt> {
  const [row] = await queryRows<{ failures: number; minutes_left: number | null }>(
    q,
    sql`insert into ${loginThrottle} (username_key, failures, updated_at) values (${key}, 1, now())
        on conflict (username_key) do update set
          failures = case
            when ${loginThrottle.lockedUntil} > now() then ${loginThrottle.failures}
            when ${loginThrottle.updatedAt} < now() - ${`${rule.windowMinutes} minutes`}::interval then 1
            else ${loginThrottle.failures} + 1 end,
          updated_at = case when ${loginThrottle.lockedUntil} > now() then ${loginThrottle.updatedAt} else now() end
        returning failures,
          case when locked_until > now() then ceil(extract(epoch from (locked_until - now())) / 60)::int end as minutes_left`,
  );
  if (row!.minutes_left !== null) return { allowed: false, minutesLeft: Math.max(1, row!.minutes_left) };
  if (row!.failures > rule.limit) {
    await lock(q, key, rule);
    return { allowed: false, minutesLeft: rule.lockMinutes };
  }
  return { allowed: true, n: row!.failures };
}

/** Locks the key now (the attempt that used up the allowance was answered; the next is refused). */
export const lock = (q: Queryable, key: string, rule: ThrottleRule) =>
  q
    .update(loginThrottle)
    .set({ failures: 0, lockedUntil: sql`now() + ${`${rule.lockMinutes} minutes`}::interval` })
    .where(eq(loginThrottle.usernameKey, key));

/** A right answer starts the count again. */
export const clearAttempts = (q: Queryable, key: string) =>
  q.update(loginThrottle).set({ failures: 0 }).where(eq(loginThrottle.usernameKey, key));
