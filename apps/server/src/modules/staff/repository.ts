import type { DataScope, User } from '@boai/contracts';
import { eq, inArray, sql } from 'drizzle-orm';
import { loginThrottle } from '../../platform/auth/schema.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { maskMobile } from '../../platform/pii/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { roles, userRoles, users } from './schema.ts';

export type UserRow = typeof users.$inferSelect;
export type RoleRow = typeof roles.$inferSelect;
type GrantView = User['grants'][number];

/** Grants of many users in one query (no N+1 on the users page). */
export async function grantsOfUsers(q: Queryable, userIds: number[]): Promise<Map<number, GrantView[]>> {
  const out = new Map<number, GrantView[]>();
  if (!userIds.length) return out;
  const rows = await q
    .select({
      userId: userRoles.userId,
      roleId: roles.id,
      roleName: roles.name,
      orgId: userRoles.orgId,
      scope: userRoles.scope,
    })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(inArray(userRoles.userId, userIds))
    .orderBy(roles.id);
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({
      roleId: r.roleId,
      roleName: r.roleName,
      orgId: r.orgId,
      orgName: names.get(r.orgId) ?? '',
      scope: r.scope as DataScope,
    });
    out.set(r.userId, list);
  }
  return out;
}

async function lockedUsernames(q: Queryable, names: string[]): Promise<Set<string>> {
  if (!names.length) return new Set();
  const rows = await q
    .select({ key: loginThrottle.usernameKey })
    .from(loginThrottle)
    .where(sql`${inArray(loginThrottle.usernameKey, names)} and ${loginThrottle.lockedUntil} > now()`);
  return new Set(rows.map((r) => r.key));
}

/** Users as the console shows them: mobile masked, grants and lock state attached. */
export async function presentUsers(q: Queryable, pii: PiiVault, rows: UserRow[]): Promise<User[]> {
  const ids = rows.map((u) => u.id);
  const grants = await grantsOfUsers(q, ids);
  const locked = await lockedUsernames(
    q,
    rows.map((u) => u.username.toLowerCase()),
  );
  const orgNames = await orgNamesById(
    q,
    rows.map((u) => u.orgId),
  );
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    orgId: u.orgId,
    orgName: orgNames.get(u.orgId) ?? '',
    mobileMasked: u.mobileEnc ? maskMobile(pii.decrypt(u.mobileEnc)) : null,
    active: u.active,
    locked: locked.has(u.username.toLowerCase()),
    totpEnabled: u.totpEnabled,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    grants: grants.get(u.id) ?? [],
  }));
}

export async function presentUser(q: Queryable, pii: PiiVault, row: UserRow): Promise<User> {
  return (await presentUsers(q, pii, [row]))[0]!;
}

export async function unsafeFindUser(q: Queryable, id: number): Promise<UserRow | undefined> {
  return (await q.select().from(users).where(eq(users.id, id)))[0];
}

/** What the audit trail keeps of a user: never the password hash, TOTP secret or the mobile itself. */
export const auditUser = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  orgId: u.orgId,
  active: u.active,
  totpEnabled: u.totpEnabled,
  hasMobile: u.mobileEnc !== null,
});
