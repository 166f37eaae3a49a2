import type { DataScope } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { requireOrgAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { orgsById } from '../orgs/index.ts';
import { inArray } from 'drizzle-orm';
import { roles } from './schema.ts';

export interface GrantInput {
  roleId: number;
  orgId: number;
  scope: DataScope;
}

/**
 * Whether the actor itself holds `permission` over the target society with at least `scope`'s breadth.
 * This is what stops privilege escalation: nobody can hand out more than they have.
 */
export function actorCovers(
  actor: Actor,
  permission: string,
  target: { id: number; path: string },
  scope: DataScope,
): boolean {
  if (actor.kind === 'system') return true;
  return actor.grants.some(
    (g) =>
      g.permissions.has(permission) &&
      ((g.scope === 'subtree' && target.path.startsWith(g.orgPath)) ||
        (scope === 'own' && g.orgId === target.id)),
  );
}

/**
 * Validates grants before they are written: each society is within the actor's staff:assign scope,
 * each role is usable there (built-in, or defined at that society or above it), and the actor holds
 * every permission of the role over that society. Rows are checked in bulk.
 */
export async function checkGrants(q: Queryable, actor: Actor, grants: GrantInput[]): Promise<void> {
  if (!grants.length) return;
  const orgIds = [...new Set(grants.map((g) => g.orgId))];
  try {
    await requireOrgAccess(q, actor, 'staff:assign', orgIds);
  } catch {
    throw new AppError('GRANT_SCOPE_OUTSIDE', 403, [{ field: 'grants', code: 'GRANT_SCOPE_OUTSIDE' }]);
  }
  const targetOrgs = await orgsById(q, orgIds);
  const roleIds = [...new Set(grants.map((g) => g.roleId))];
  const roleRows = new Map(
    (await q.select().from(roles).where(inArray(roles.id, roleIds))).map((r) => [r.id, r]),
  );
  const roleOrgIds = [...new Set([...roleRows.values()].map((r) => r.orgId))];
  const roleOrgs = await orgsById(q, roleOrgIds);
  grants.forEach((g, i) => {
    const role = roleRows.get(g.roleId);
    const target = targetOrgs.get(g.orgId)!;
    const rolePath = role ? roleOrgs.get(role.orgId)?.path : undefined;
    if (!role || (!role.builtin && !(rolePath && target.path.startsWith(rolePath)))) {
      throw new AppError('ROLE_NOT_FOUND', 400, [{ field: `grants.${i}.roleId`, code: 'ROLE_NOT_FOUND' }]);
    }
    if (!role.permissions.every((p) => actorCovers(actor, p, target, g.scope))) {
      throw new AppError('GRANT_EXCEEDS_OWN', 403, [
        { field: `grants.${i}.roleId`, code: 'GRANT_EXCEEDS_OWN' },
      ]);
    }
  });
}
