import type { Org } from '@boai/contracts';
import { and, asc, eq, ilike, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { presentOrg, unsafeFindOrg } from './repository.ts';
import { orgs } from './schema.ts';

/** The societies the actor may see, in tree order (by path). */
export async function listOrgs(
  q: Queryable,
  actor: Actor,
  filter: { includeInactive?: boolean; q?: string } = {},
): Promise<Org[]> {
  const where: SQL[] = [inScope(actor, 'orgs:read', orgs.id)];
  if (!filter.includeInactive) where.push(eq(orgs.active, true));
  if (filter.q) where.push(ilike(orgs.name, containsPattern(filter.q)));
  const rows = await q
    .select()
    .from(orgs)
    .where(and(...where))
    .orderBy(asc(orgs.path));
  return rows.map(presentOrg);
}

export async function getOrg(q: Queryable, actor: Actor, id: number): Promise<Org> {
  await requireAccess(q, actor, 'orgs:read', orgs, orgs.id, orgs.id, [id]);
  return presentOrg((await unsafeFindOrg(q, id))!);
}
