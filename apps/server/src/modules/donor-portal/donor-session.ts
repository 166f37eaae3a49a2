import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { donorPhoneCodes, donorSessions } from '../donations/index.ts';

/**
 * A donor's self-service session: its own cookie, apart from staff's `boai_sid`, so a donor signed in
 * on a shared computer gains nothing in the console and staff never carry a donor session around.
 * Sent only to the self-service API. It ends 30 minutes after sign-in, however active.
 */
export const DONOR_COOKIE = 'boai_donor';
export const DONOR_COOKIE_PATH = '/api/public/my-gifts';
export const DONOR_SESSION_MINUTES = 30;

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createDonorSession(q: Queryable, mobileHash: string) {
  const token = randomBytes(32).toString('base64url');
  const [row] = await q
    .insert(donorSessions)
    .values({
      id: tokenId(token),
      mobileHash,
      expiresAt: sql`now() + ${`${DONOR_SESSION_MINUTES} minutes`}::interval`,
    })
    .returning();
  return { token, expiresAt: row!.expiresAt };
}

export type DonorSession = { mobileHash: string; expiresAt: Date };

/** The live session behind a cookie; `expired` when there was one and it ran out (it is then removed). */
export async function resolveDonorSession(
  q: Queryable,
  token: string | undefined,
): Promise<{ session: DonorSession } | { session: null; expired: boolean }> {
  if (!token || token.length > 100) return { session: null, expired: false };
  const [row] = await q
    .select({ s: donorSessions, live: sql<boolean>`${donorSessions.expiresAt} > now()` })
    .from(donorSessions)
    .where(eq(donorSessions.id, tokenId(token)));
  if (!row) return { session: null, expired: false };
  if (!row.live) {
    await q.delete(donorSessions).where(eq(donorSessions.id, row.s.id));
    return { session: null, expired: true };
  }
  return { session: { mobileHash: row.s.mobileHash, expiresAt: row.s.expiresAt } };
}

export const endDonorSession = (q: Queryable, token: string) =>
  q.delete(donorSessions).where(eq(donorSessions.id, tokenId(token)));

/** Housekeeping: sessions and codes past their time (codes are kept a day: they count towards 10 a day). */
export async function purgeDonorLogins(q: Queryable) {
  await q.delete(donorSessions).where(lt(donorSessions.expiresAt, sql`now() - interval '1 hour'`));
  await q.delete(donorPhoneCodes).where(lt(donorPhoneCodes.createdAt, sql`now() - interval '25 hours'`));
}
