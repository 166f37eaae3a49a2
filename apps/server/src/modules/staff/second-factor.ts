import type { AuditAction } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import type { UserActor } from '../../platform/access/actor.ts';
import { unsafeFindUserById, totpRequiredFor } from '../../platform/auth/load-actor.ts';
import { revokeSession, setSessionStage, type SessionRow } from '../../platform/auth/sessions.ts';
import { checkTotp, newTotpSecret, totpUri } from '../../platform/auth/totp.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { users } from './schema.ts';
import { lockedMinutesLeft, recordFailure, throttleKey } from './throttle.ts';

interface Deps {
  db: Db;
  config: Config;
  pii: PiiVault;
}

/**
 * A wrong code counts against the same lockout as a wrong password: six digits must not be
 * brute-forceable through a half-open session.
 */
async function failCode(
  deps: Deps,
  actor: UserActor,
  session: SessionRow,
  action: AuditAction,
): Promise<never> {
  const key = throttleKey(actor.username);
  const locked = await recordFailure(deps.db, key, deps.config);
  await recordAudit(deps.db, actor, {
    action,
    orgId: actor.homeOrgId,
    entityType: 'user',
    entityId: actor.userId,
  });
  if (locked) {
    await revokeSession(deps.db, session.id);
    throw new AppError('AUTH_LOCKED', 429, [], { minutes: deps.config.lockoutMinutes });
  }
  throw new AppError('VALIDATION_FAILED', 400, [{ field: 'code', code: 'AUTH_TOTP_INVALID' }]);
}

async function guardLock(deps: Deps, actor: UserActor, session: SessionRow) {
  const left = await lockedMinutesLeft(deps.db, throttleKey(actor.username));
  if (left > 0) {
    await revokeSession(deps.db, session.id);
    throw new AppError('AUTH_LOCKED', 429, [], { minutes: left });
  }
}

async function completeLogin(deps: Deps, actor: UserActor, session: SessionRow) {
  await setSessionStage(deps.db, session.id, 'full', deps.config);
  await deps.db
    .update(users)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(users.id, actor.userId));
  await recordAudit(deps.db, actor, {
    action: 'auth.login.success',
    orgId: actor.homeOrgId,
    entityType: 'user',
    entityId: actor.userId,
  });
}

/** Second step of a login for a user who has TOTP enabled. */
export async function verifyLoginTotp(deps: Deps, actor: UserActor, session: SessionRow, code: string) {
  if (session.stage !== 'totp') throw new AppError('AUTH_WRONG_STAGE', 409);
  await guardLock(deps, actor, session);
  const user = (await unsafeFindUserById(deps.db, actor.userId))!;
  if (!user.totpSecretEnc || !checkTotp(deps.pii.decrypt(user.totpSecretEnc), code)) {
    return failCode(deps, actor, session, 'auth.totp.failed');
  }
  await completeLogin(deps, actor, session);
}

/**
 * Starts (or restarts) TOTP enrolment: a fresh secret is stored encrypted but not yet enabled
 * until the user proves their app produces the right code.
 */
export async function startTotpEnrolment(deps: Deps, actor: UserActor, session: SessionRow) {
  if (session.stage === 'totp') throw new AppError('AUTH_WRONG_STAGE', 409);
  const user = (await unsafeFindUserById(deps.db, actor.userId))!;
  if (user.totpEnabled) throw new AppError('AUTH_WRONG_STAGE', 409);
  const secret = newTotpSecret();
  await deps.db
    .update(users)
    .set({ totpSecretEnc: deps.pii.encrypt(secret) })
    .where(eq(users.id, actor.userId));
  return { secret, otpauthUrl: totpUri(user.username, secret) };
}

export async function enableTotp(deps: Deps, actor: UserActor, session: SessionRow, code: string) {
  if (session.stage === 'totp') throw new AppError('AUTH_WRONG_STAGE', 409);
  await guardLock(deps, actor, session);
  const user = (await unsafeFindUserById(deps.db, actor.userId))!;
  if (user.totpEnabled || !user.totpSecretEnc) throw new AppError('AUTH_WRONG_STAGE', 409);
  if (!checkTotp(deps.pii.decrypt(user.totpSecretEnc), code))
    return failCode(deps, actor, session, 'auth.totp.enrol_failed');
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabled: true }).where(eq(users.id, actor.userId));
    await recordAudit(tx, actor, {
      action: 'auth.totp.enabled',
      orgId: actor.homeOrgId,
      entityType: 'user',
      entityId: actor.userId,
    });
  });
  if (session.stage === 'enrol_totp') await completeLogin(deps, actor, session);
}

export async function disableTotp(deps: Deps, actor: UserActor, session: SessionRow, code: string) {
  const user = (await unsafeFindUserById(deps.db, actor.userId))!;
  if (!user.totpEnabled || !user.totpSecretEnc) throw new AppError('AUTH_TOTP_NOT_ENABLED', 409);
  if (await totpRequiredFor(deps.db, actor.userId)) throw new AppError('AUTH_TOTP_REQUIRED_BY_ROLE', 409);
  await guardLock(deps, actor, session);
  if (!checkTotp(deps.pii.decrypt(user.totpSecretEnc), code))
    return failCode(deps, actor, session, 'auth.totp.disable_failed');
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabled: false, totpSecretEnc: null }).where(eq(users.id, actor.userId));
    await recordAudit(tx, actor, {
      action: 'auth.totp.disabled',
      orgId: actor.homeOrgId,
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}
