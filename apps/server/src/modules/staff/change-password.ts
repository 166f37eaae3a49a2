import { eq, sql } from 'drizzle-orm';
import type { UserActor } from '../../platform/access/actor.ts';
import { unsafeFindUserById } from '../../platform/auth/load-actor.ts';
import {
  checkPasswordPolicy,
  hashPassword,
  verifyPassword,
  type PasswordPolicy,
} from '../../platform/auth/password.ts';
import { revokeUserSessions } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { users } from './schema.ts';

/** The user changes their own password; every other session of theirs ends. */
export async function changeOwnPassword(
  db: Db,
  policy: PasswordPolicy,
  actor: UserActor,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = (await unsafeFindUserById(db, actor.userId))!;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAudit(db, actor, {
      action: 'auth.password.change_failed',
      orgId: user.orgId,
      entityType: 'user',
      entityId: user.id,
    });
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'currentPassword', code: 'PASSWORD_CURRENT_WRONG' },
    ]);
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION_FAILED', 400, [{ field: 'newPassword', code: 'PASSWORD_SAME_AS_OLD' }]);
  }
  checkPasswordPolicy(policy, input.newPassword, user.username, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: sql`now()` })
      .where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, sessionId);
    await recordAudit(tx, actor, {
      action: 'auth.password.changed',
      orgId: user.orgId,
      entityType: 'user',
      entityId: user.id,
    });
  });
}
