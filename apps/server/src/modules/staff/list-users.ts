import type { User } from '@boai/contracts';
import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope, requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { presentUser, presentUsers, unsafeFindUser } from './repository.ts';
import { users } from './schema.ts';

export interface ListUsersFilter {
  page: number;
  pageSize: number;
  orgId?: number;
  q?: string;
  active?: 'true' | 'false';
}

/** Staff in the actor's scope; `orgId` narrows to that society and below. */
export async function listUsers(q: Queryable, pii: PiiVault, actor: Actor, f: ListUsersFilter) {
  const where: SQL[] = [inScope(actor, 'staff:read', users.orgId)];
  if (f.orgId !== undefined) {
    where.push(inOrgSubtree(users.orgId, f.orgId));
  }
  if (f.q) {
    const pattern = containsPattern(f.q);
    const byMobile = /^\d{11}$/.test(f.q) ? [eq(users.mobileHash, pii.lookupHash('mobile', f.q))] : [];
    where.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern), ...byMobile)!);
  }
  if (f.active) where.push(eq(users.active, f.active === 'true'));
  const cond = and(...where);
  const [count] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(cond);
  const rows = await q
    .select()
    .from(users)
    .where(cond)
    .orderBy(desc(users.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const items: User[] = await presentUsers(q, pii, rows);
  return { items, total: count?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function getUser(q: Queryable, pii: PiiVault, actor: Actor, id: number): Promise<User> {
  await requireAccess(q, actor, 'staff:read', users, users.id, users.orgId, [id]);
  return presentUser(q, pii, (await unsafeFindUser(q, id))!);
}
