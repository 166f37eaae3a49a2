import type { Role } from '@boai/contracts';
import { asc, eq, or } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, requireAccess, requireOrgAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import { orgNamesById, unsafeFindOrg } from '../orgs/index.ts';
import { actorCovers } from './grant-rules.ts';
import { roles } from './schema.ts';
import type { RoleRow } from './repository.ts';

async function presentRoles(q: Queryable, rows: RoleRow[]): Promise<Role[]> {
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    code: r.code,
    name: r.name,
    permissions: [...r.permissions].sort(),
    requireTotp: r.requireTotp,
    builtin: r.builtin,
  }));
}

/** Built-in roles (usable everywhere) and the custom roles of societies in the actor's scope. */
export async function listRoles(q: Queryable, actor: Actor): Promise<Role[]> {
  const rows = await q
    .select()
    .from(roles)
    .where(or(eq(roles.builtin, true), inScope(actor, 'roles:read', roles.orgId)))
    .orderBy(asc(roles.id));
  return presentRoles(q, rows);
}

/** A role may only carry permissions the actor holds over the society that defines it. */
async function checkPermissionsGrantable(q: Queryable, actor: Actor, orgId: number, permissions: string[]) {
  const org = (await unsafeFindOrg(q, orgId))!;
  const bad = permissions.findIndex((p) => !actorCovers(actor, p, org, 'subtree'));
  if (bad >= 0)
    throw new AppError('GRANT_EXCEEDS_OWN', 403, [
      { field: `permissions.${bad}`, code: 'GRANT_EXCEEDS_OWN' },
    ]);
}

export async function createRole(
  tx: Tx,
  actor: Actor,
  input: { orgId: number; code: string; name: string; permissions: string[]; requireTotp: boolean },
): Promise<Role> {
  await requireOrgAccess(tx, actor, 'roles:manage', [input.orgId]);
  await checkPermissionsGrantable(tx, actor, input.orgId, input.permissions);
  let row;
  try {
    [row] = await tx
      .insert(roles)
      .values({ ...input, permissions: [...new Set(input.permissions)] })
      .returning();
  } catch (e) {
    if (isUniqueViolation(e, 'roles_org_code_uq')) throw conflict('ROLE_CODE_TAKEN', 'code');
    throw e;
  }
  await recordAudit(tx, actor, {
    action: 'roles.create',
    orgId: input.orgId,
    entityType: 'role',
    entityId: row!.id,
    after: input,
  });
  return (await presentRoles(tx, [row!]))[0]!;
}

export async function updateRole(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { name?: string; permissions?: string[]; requireTotp?: boolean },
): Promise<Role> {
  await requireAccess(tx, actor, 'roles:manage', roles, roles.id, roles.orgId, [id]);
  const before = (await tx.select().from(roles).where(eq(roles.id, id)).for('update'))[0]!;
  if (before.builtin) throw new AppError('ROLE_BUILTIN_READONLY', 409);
  if (input.permissions) await checkPermissionsGrantable(tx, actor, before.orgId, input.permissions);
  const [after] = await tx
    .update(roles)
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.permissions && { permissions: [...new Set(input.permissions)] }),
      ...(input.requireTotp !== undefined && { requireTotp: input.requireTotp }),
    })
    .where(eq(roles.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'roles.update',
    orgId: before.orgId,
    entityType: 'role',
    entityId: id,
    before: { name: before.name, permissions: before.permissions, requireTotp: before.requireTotp },
    after: { name: after!.name, permissions: after!.permissions, requireTotp: after!.requireTotp },
  });
  return (await presentRoles(tx, [after!]))[0]!;
}
