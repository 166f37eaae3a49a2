import type { Permission } from '@boai/contracts';
import { inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireOrgAccess } from '../../platform/access/scope.ts';
import { invalid } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n/messages.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { unsafeFindOrg } from './repository.ts';
import { orgs } from './schema.ts';

/** What other modules may use of the society tree. */
export { unsafeFindOrg, presentOrg, type OrgRow } from './repository.ts';
export { createOrg, createRootOrg } from './create-org.ts';
export { orgs } from './schema.ts';

/** Whether the installation has any society yet (first start seeds the demo). */
export async function countOrgs(q: Queryable): Promise<number> {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(orgs);
  return row?.n ?? 0;
}

/** Names of societies by id, for presenting rows that refer to them (one query for a whole page). */
export async function orgNamesById(q: Queryable, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await q.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Societies with their paths (for rules that compare positions in the tree). */
export async function orgsById(q: Queryable, ids: number[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<number, typeof orgs.$inferSelect>();
  const rows = await q.select().from(orgs).where(inArray(orgs.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The society a new record is written to (`orgId` of the input): the actor must hold `permission`
 * there (else the same NOT_FOUND as a missing society) and it must still be active.
 */
export async function requireWritableOrg(
  q: Queryable,
  actor: Actor,
  permission: Permission,
  orgId: number,
  inactiveCode: MessageKey = 'ORG_INACTIVE',
) {
  try {
    await requireOrgAccess(q, actor, permission, [orgId]);
  } catch {
    throw invalid('NOT_FOUND', 'orgId');
  }
  const org = (await unsafeFindOrg(q, orgId))!;
  if (!org.active) throw invalid(inactiveCode, 'orgId');
  return org;
}
