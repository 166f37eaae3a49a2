import type { Me } from '@boai/contracts';
import { permissionsOf, type UserActor } from '../../platform/access/actor.ts';
import { totpRequiredFor, unsafeFindUserById } from '../../platform/auth/load-actor.ts';
import type { Db } from '../../platform/db/client.ts';
import { unsafeFindOrg } from '../orgs/index.ts';
import { grantsOfUsers } from './repository.ts';

/** Who is logged in and what they may do: the console builds its menu from this. */
export async function describeMe(db: Db, actor: UserActor, idleTimeoutMinutes: number): Promise<Me> {
  const user = (await unsafeFindUserById(db, actor.userId))!;
  const org = (await unsafeFindOrg(db, user.orgId))!;
  const grants = (await grantsOfUsers(db, [user.id])).get(user.id) ?? [];
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    orgId: org.id,
    orgName: org.name,
    permissions: permissionsOf(actor),
    grants,
    totpEnabled: user.totpEnabled,
    totpRequired: await totpRequiredFor(db, user.id),
    mustChangePassword: user.mustChangePassword,
    idleTimeoutMinutes,
  };
}
