import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { orgs } from '../../modules/orgs/schema.ts';
import { roles, userRoles, users } from '../../modules/staff/schema.ts';
import type { GrantRow, UserRow } from './load-actor.ts';
import { sessions } from './schema.ts';

export type SessionStage = 'full' | 'totp' | 'enrol_totp';
export type SessionRow = typeof sessions.$inferSelect;

export const SESSION_COOKIE = 'boai_sid';
const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionTimes {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

export async function createSession(
  q: Queryable,
  times: SessionTimes,
  userId: number,
  stage: SessionStage,
  ip: string | null,
  userAgent: string | null,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q.insert(sessions).values({
    id: tokenId(token),
    userId,
    stage,
    // A half-finished login gets ten minutes to give its second factor.
    expiresAt: sql`now() + ${`${stage === 'full' ? times.sessionMaxHours * 60 : 10} minutes`}::interval`,
    ip,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

/**
 * The live session behind a cookie with its user and the user's grants, or why there is none — in
 * ONE query, because every authenticated request pays for it. Idle sessions expire after the
 * configured minutes without a request; `last_seen_at` is refreshed at most once a minute to spare
 * the database. Grants at deactivated societies give nothing.
 */
export async function resolveSession(
  q: Queryable,
  times: SessionTimes,
  token: string | undefined,
): Promise<
  | { session: SessionRow; user: UserRow; userOrgActive: boolean; grants: GrantRow[] }
  | { error: 'UNAUTHENTICATED' | 'SESSION_EXPIRED' }
> {
  if (!token || token.length > 100) return { error: 'UNAUTHENTICATED' };
  const id = tokenId(token);
  const rows = await q
    .select({
      s: sessions,
      user: users,
      userOrgActive: orgs.active,
      idle: sql<boolean>`${sessions.lastSeenAt} < now() - ${`${times.sessionIdleMinutes} minutes`}::interval`,
      stale: sql<boolean>`${sessions.lastSeenAt} < now() - interval '1 minute'`,
      expired: sql<boolean>`${sessions.expiresAt} < now()`,
      grants: sql<GrantRow[]>`coalesce((
        select json_agg(json_build_object('orgId', ur.org_id, 'scope', ur.scope, 'path', go.path, 'permissions', r.permissions))
        from ${userRoles} ur
        join ${roles} r on r.id = ur.role_id
        join ${orgs} go on go.id = ur.org_id and go.active
        where ur.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(eq(sessions.id, id));
  const row = rows[0];
  if (!row || row.s.revoked) return { error: 'UNAUTHENTICATED' };
  if (row.idle || row.expired) {
    await q.update(sessions).set({ revoked: true }).where(eq(sessions.id, id));
    return { error: 'SESSION_EXPIRED' };
  }
  if (row.stale)
    await q
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(sessions.id, id));
  return { session: row.s, user: row.user, userOrgActive: row.userOrgActive, grants: row.grants };
}

export async function setSessionStage(
  q: Queryable,
  sessionId: string,
  stage: SessionStage,
  times: SessionTimes,
) {
  await q
    .update(sessions)
    .set({
      stage,
      lastSeenAt: sql`now()`,
      expiresAt: sql`now() + ${`${times.sessionMaxHours} hours`}::interval`,
    })
    .where(eq(sessions.id, sessionId));
}

export const revokeSession = (q: Queryable, sessionId: string) =>
  q.update(sessions).set({ revoked: true }).where(eq(sessions.id, sessionId));

/** After a password change or reset every other session of that user ends. */
export const revokeUserSessions = (q: Queryable, userId: number, exceptSessionId?: string) =>
  q
    .update(sessions)
    .set({ revoked: true })
    .where(
      and(
        eq(sessions.userId, userId),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : sql`true`,
      ),
    );

/** Housekeeping: forget sessions that ended more than a day ago. */
export const purgeOldSessions = (q: Queryable) =>
  q
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, sql`now() - interval '1 day'`),
        and(eq(sessions.revoked, true), lt(sessions.lastSeenAt, sql`now() - interval '1 day'`)),
      ),
    );
