import type { CreateUserInput, User } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { checkPasswordPolicy, hashPassword, type PasswordPolicy } from '../../platform/auth/password.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { checkGrants } from './grant-rules.ts';
import { auditUser, presentUser } from './repository.ts';
import { userRoles, users } from './schema.ts';

export interface StaffDeps {
  pii: PiiVault;
  policy: PasswordPolicy;
}

/**
 * Creates a staff account at a society in the actor's scope. The initial password must meet the
 * policy and must be changed at first login (whoever typed it knows it).
 */
export async function createUser(
  tx: Tx,
  deps: StaffDeps,
  actor: Actor,
  input: CreateUserInput,
): Promise<User> {
  await requireWritableOrg(tx, actor, 'staff:create', input.orgId, 'USER_ORG_INACTIVE');
  checkPasswordPolicy(deps.policy, input.password, input.username);
  await checkGrants(tx, actor, input.grants);
  const mobile = input.mobile ?? null;
  let row;
  try {
    [row] = await tx
      .insert(users)
      .values({
        orgId: input.orgId,
        username: input.username,
        displayName: input.displayName,
        mobileEnc: mobile ? deps.pii.encrypt(mobile) : null,
        mobileHash: mobile ? deps.pii.lookupHash('mobile', mobile) : null,
        passwordHash: await hashPassword(input.password),
        mustChangePassword: actor.kind === 'user',
      })
      .returning();
  } catch (e) {
    if (isUniqueViolation(e, 'users_username_uq')) throw conflict('USERNAME_TAKEN', 'username');
    throw e;
  }
  if (!row) throw new AppError('INTERNAL', 500);
  if (input.grants.length) {
    await tx
      .insert(userRoles)
      .values(input.grants.map((g) => ({ userId: row.id, ...g })))
      .onConflictDoNothing();
  }
  await recordAudit(tx, actor, {
    action: 'staff.create',
    orgId: row.orgId,
    entityType: 'user',
    entityId: row.id,
    after: { ...auditUser(row), grants: input.grants },
  });
  return presentUser(tx, deps.pii, row);
}
