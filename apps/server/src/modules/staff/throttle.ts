import { eq, sql } from 'drizzle-orm';
import { loginThrottle } from '../../platform/auth/schema.ts';
import type { Queryable } from '../../platform/db/client.ts';

/** Throttle key: the typed name, case-folded — tracked whether or not such a user exists. */
export const throttleKey = (username: string) => username.trim().toLowerCase().slice(0, 64);

export async function lockedMinutesLeft(q: Queryable, key: string): Promise<number> {
  const rows = await q
    .select({ left: sql<number>`ceil(extract(epoch from (${loginThrottle.lockedUntil} - now())) / 60)::int` })
    .from(loginThrottle)
    .where(sql`${loginThrottle.usernameKey} = ${key} and ${loginThrottle.lockedUntil} > now()`);
  return rows[0]?.left ?? 0;
}

/**
 * Counts one failure atomically (upsert), and locks the name once the threshold is reached.
 * Returns whether this failure caused a lock.
 */
export async function recordFailure(
  q: Queryable,
  key: string,
  cfg: { lockoutThreshold: number; lockoutMinutes: number },
): Promise<boolean> {
  const rows = await q
    .insert(loginThrottle)
    .values({ usernameKey: key, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.usernameKey,
      set: { failures: sql`${loginThrottle.failures} + 1`, updatedAt: sql`now()` },
    })
    .returning({ failures: loginThrottle.failures });
  if ((rows[0]?.failures ?? 0) < cfg.lockoutThreshold) return false;
  await q
    .update(loginThrottle)
    .set({ failures: 0, lockedUntil: sql`now() + ${`${cfg.lockoutMinutes} minutes`}::interval` })
    .where(eq(loginThrottle.usernameKey, key));
  return true;
}

export const clearFailures = (q: Queryable, key: string) =>
  q.update(loginThrottle).set({ failures: 0, lockedUntil: null }).where(eq(loginThrottle.usernameKey, key));
