import type { DataScope } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import { orgs } from '../../modules/orgs/schema.ts';
import { roles, userRoles, users } from '../../modules/staff/schema.ts';
import type { Grant, UserActor } from '../access/actor.ts';
import type { Queryable } from '../db/client.ts';

export type UserRow = typeof users.$inferSelect;

/** One role held at one society, as read from the database (with the society's current path). */
export interface GrantRow {
  orgId: number;
  scope: string;
  path: string;
  permissions: string[];
}

/** The actor for a user from their grant rows (each society's current path scopes a moved subtree at once). */
export function actorFromGrants(user: UserRow, grantRows: GrantRow[], ip: string | null): UserActor {
  const grants: Grant[] = grantRows.map((r) => ({
    orgId: r.orgId,
    orgPath: r.path,
    scope: r.scope as DataScope,
    permissions: new Set(r.permissions),
  }));
  return {
    kind: 'user',
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    homeOrgId: user.orgId,
    grants,
    ip,
  };
}

/** Builds the actor for a user at login. Grants at deactivated societies give nothing. */
export async function loadActor(q: Queryable, user: UserRow, ip: string | null): Promise<UserActor> {
  const rows = await q
    .select({
      orgId: userRoles.orgId,
      scope: userRoles.scope,
      path: orgs.path,
      permissions: roles.permissions,
    })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .innerJoin(orgs, and(eq(orgs.id, userRoles.orgId), eq(orgs.active, true)))
    .where(eq(userRoles.userId, user.id));
  return actorFromGrants(user, rows, ip);
}

export async function unsafeFindUserById(q: Queryable, id: number): Promise<UserRow | undefined> {
  return (await q.select().from(users).where(eq(users.id, id)))[0];
}

/** Whether any role the user holds demands a second factor. */
export async function totpRequiredFor(q: Queryable, userId: number): Promise<boolean> {
  const rows = await q
    .select({ id: roles.id })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(userRoles.userId, userId), eq(roles.requireTotp, true)))
    .limit(1);
  return rows.length > 0;
}
