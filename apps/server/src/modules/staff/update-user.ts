import type { User } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { checkPasswordPolicy, hashPassword, type PasswordPolicy } from '../../platform/auth/password.ts';
import { revokeUserSessions } from '../../platform/auth/sessions.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { clearFailures, throttleKey } from './throttle.ts';
import { checkGrants, type GrantInput } from './grant-rules.ts';
import { auditUser, presentUser, grantsOfUsers, unsafeFindUser } from './repository.ts';
import { userRoles, users } from './schema.ts';

export interface UpdateUserInput {
  displayName?: string;
  mobile?: string | null;
  active?: boolean;
  unlock?: true;
}

/** Edits a staff account: name, mobile, enabled/disabled, or lifting a login lockout. */
export async function updateUser(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  id: number,
  input: UpdateUserInput,
): Promise<User> {
  await requireAccess(tx, actor, 'staff:update', users, users.id, users.orgId, [id]);
  const before = (await unsafeFindUser(tx, id))!;
  if (input.active === false && actor.kind === 'user' && actor.userId === id) {
    throw new AppError('CANNOT_DEACTIVATE_SELF', 400, [{ field: 'active', code: 'CANNOT_DEACTIVATE_SELF' }]);
  }
  const changes: Partial<typeof users.$inferInsert> = {};
  if (input.displayName !== undefined) changes.displayName = input.displayName;
  if (input.active !== undefined) changes.active = input.active;
  if (input.mobile !== undefined) {
    changes.mobileEnc = input.mobile ? pii.encrypt(input.mobile) : null;
    changes.mobileHash = input.mobile ? pii.lookupHash('mobile', input.mobile) : null;
  }
  const [after] = Object.keys(changes).length
    ? await tx.update(users).set(changes).where(eq(users.id, id)).returning()
    : [before];
  if (input.active === false) await revokeUserSessions(tx, id);
  if (input.unlock) await clearFailures(tx, throttleKey(before.username));
  await recordAudit(tx, actor, {
    action: input.unlock && !Object.keys(changes).length ? 'staff.unlock' : 'staff.update',
    orgId: before.orgId,
    entityType: 'user',
    entityId: id,
    before: auditUser(before),
    after: { ...auditUser(after!), unlocked: input.unlock ?? false },
  });
  return presentUser(tx, pii, after!);
}

/** Replaces the user's role grants as a whole; the old and new sets are both kept in the audit trail. */
export async function setUserGrants(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  id: number,
  grants: GrantInput[],
): Promise<User> {
  await requireAccess(tx, actor, 'staff:assign', users, users.id, users.orgId, [id]);
  const user = (await unsafeFindUser(tx, id))!;
  const before = (await grantsOfUsers(tx, [id])).get(id) ?? [];
  // The actor must also be allowed to take away each grant it removes.
  await checkGrants(
    tx,
    actor,
    before.map((g) => ({ roleId: g.roleId, orgId: g.orgId, scope: g.scope })),
  );
  await checkGrants(tx, actor, grants);
  await tx.delete(userRoles).where(eq(userRoles.userId, id));
  if (grants.length)
    await tx
      .insert(userRoles)
      .values(grants.map((g) => ({ userId: id, ...g })))
      .onConflictDoNothing();
  await recordAudit(tx, actor, {
    action: 'staff.grants',
    orgId: user.orgId,
    entityType: 'user',
    entityId: id,
    before,
    after: grants,
  });
  return presentUser(tx, pii, user);
}

/** An administrator sets a new password; the user must change it at next login and is logged out everywhere. */
export async function resetUserPassword(
  tx: Tx,
  policy: PasswordPolicy,
  actor: Actor,
  id: number,
  newPassword: string,
): Promise<void> {
  await requireAccess(tx, actor, 'staff:update', users, users.id, users.orgId, [id]);
  const user = (await unsafeFindUser(tx, id))!;
  checkPasswordPolicy(policy, newPassword, user.username, 'newPassword');
  await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(newPassword),
      mustChangePassword: true,
      passwordChangedAt: sql`now()`,
    })
    .where(eq(users.id, id));
  await revokeUserSessions(tx, id);
  await clearFailures(tx, throttleKey(user.username));
  await recordAudit(tx, actor, {
    action: 'staff.reset_password',
    orgId: user.orgId,
    entityType: 'user',
    entityId: id,
  });
}
