import { eq, sql } from 'drizzle-orm';
import { dummyPasswordHash, verifyPassword } from '../../platform/auth/password.ts';
import { loadActor, totpRequiredFor } from '../../platform/auth/load-actor.ts';
import { createSession, type SessionStage } from '../../platform/auth/sessions.ts';
import type { AuditAction } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { unsafeFindOrg } from '../orgs/index.ts';
import { users } from './schema.ts';
import { clearFailures, lockedMinutesLeft, recordFailure, throttleKey } from './throttle.ts';

export interface LoginRequest {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Password step of the login. Every attempt is audited. Unknown user, wrong password, disabled
 * account and locked name all answer alike (same code, same timing), so nobody can probe which
 * usernames exist. The session it opens is 'full', or waits for a second factor.
 */
export async function login(
  db: Db,
  cfg: Config,
  req: LoginRequest,
): Promise<{ token: string; next: Exclude<SessionStage, 'full'> | 'done' }> {
  const key = throttleKey(req.username);
  // Failed attempts are anonymous (whoever typed the name may not be its owner); the typed name is kept.
  const audit = (
    action: AuditAction,
    orgId: number | null,
    userId: number | null,
    reason?: string,
    actor: Actor | null = null,
  ) =>
    recordAudit(
      db,
      actor,
      { action, orgId, entityType: 'user', entityId: userId ?? undefined, after: { username: key, reason } },
      req.ip,
    );

  const lockedFor = await lockedMinutesLeft(db, key);
  if (lockedFor > 0) {
    await audit('auth.login.locked', null, null);
    throw new AppError('AUTH_LOCKED', 429, [], { minutes: lockedFor });
  }
  const user = (
    await db
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = ${key}`)
  )[0];
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), req.password);
  const org = user ? await unsafeFindOrg(db, user.orgId) : undefined;
  if (!user || !ok || !user.active || !org?.active) {
    const reason = !user
      ? 'unknown_user'
      : !ok
        ? 'wrong_password'
        : !user.active
          ? 'user_inactive'
          : 'org_inactive';
    const locked = await recordFailure(db, key, cfg);
    await audit(
      'auth.login.failed',
      user?.orgId ?? null,
      user?.id ?? null,
      locked ? `${reason}+locked` : reason,
    );
    if (locked) throw new AppError('AUTH_LOCKED', 429, [], { minutes: cfg.lockoutMinutes });
    throw new AppError('AUTH_INVALID_CREDENTIALS', 401);
  }
  await clearFailures(db, key);
  const stage: SessionStage = user.totpEnabled
    ? 'totp'
    : (await totpRequiredFor(db, user.id))
      ? 'enrol_totp'
      : 'full';
  const token = await createSession(db, cfg, user.id, stage, req.ip, req.userAgent);
  const actor = await loadActor(db, user, req.ip);
  if (stage === 'full') {
    await db
      .update(users)
      .set({ lastLoginAt: sql`now()` })
      .where(eq(users.id, user.id));
    await audit('auth.login.success', user.orgId, user.id, undefined, actor);
    return { token, next: 'done' };
  }
  await audit('auth.login.password_ok', user.orgId, user.id, `awaiting_${stage}`, actor);
  return { token, next: stage };
}
