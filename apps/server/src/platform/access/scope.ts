import type { Permission } from '@boai/contracts';
import { and, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { orgs } from '../../modules/orgs/schema.ts';
import type { Queryable } from '../db/client.ts';
import { notFound } from '../errors.ts';
import type { Actor } from './actor.ts';

/**
 * THE data-scope function. Every query over society-owned rows puts this predicate on the row's
 * org column: it allows the rows of societies where the actor holds `permission`, at that society
 * only ('own') or at it and every society below ('subtree', one indexed LIKE on the org path).
 *
 * Fails closed: without an actor it throws; an actor without the permission gets `false`, never "all".
 */
export function inScope(
  actor: Actor | null | undefined,
  permission: Permission,
  orgIdColumn: AnyColumn,
): SQL {
  if (!actor)
    throw new Error(
      'inScope called without an actor: every scoped query needs one (use systemActor for jobs)',
    );
  if (actor.kind === 'system') return sql`true`;
  const parts: SQL[] = [];
  const ownIds: number[] = [];
  for (const g of actor.grants) {
    if (!g.permissions.has(permission)) continue;
    if (g.scope === 'own') ownIds.push(g.orgId);
    else parts.push(sql`${orgs.path} like ${`${g.orgPath}%`}`);
  }
  const predicates: SQL[] = [];
  if (ownIds.length) predicates.push(inArray(orgIdColumn, ownIds));
  if (parts.length) {
    predicates.push(
      sql`${orgIdColumn} in (select ${orgs.id} from ${orgs} where ${sql.join(parts, sql` or `)})`,
    );
  }
  if (!predicates.length) return sql`false`;
  return sql`(${sql.join(predicates, sql` or `)})`;
}

/**
 * Checks, in one query, that every id names a row the actor may act on with `permission`.
 * Missing and out-of-scope rows answer the same NOT_FOUND, so a sibling society learns nothing.
 */
export async function requireAccess(
  q: Queryable,
  actor: Actor,
  permission: Permission,
  table: PgTable,
  idColumn: AnyColumn,
  orgIdColumn: AnyColumn,
  ids: readonly number[],
): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const rows = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(and(inArray(idColumn, unique), inScope(actor, permission, orgIdColumn)));
  if ((rows[0]?.n ?? 0) !== unique.length) throw notFound();
}

/** `requireAccess` for society ids themselves (the tree scopes itself: an org's org_id is its id). */
export const requireOrgAccess = (
  q: Queryable,
  actor: Actor,
  permission: Permission,
  orgIds: readonly number[],
) => requireAccess(q, actor, permission, orgs, orgs.id, orgs.id, orgIds);

/**
 * A filter (not a permission check): rows whose society is `orgId` or below it. Always combined
 * with `inScope`, which is what decides visibility.
 */
export const inOrgSubtree = (orgIdColumn: AnyColumn, orgId: number): SQL =>
  sql`${orgIdColumn} in (select ${orgs.id} from ${orgs} where ${orgs.path} like (select ${orgs.path} from ${orgs} where ${orgs.id} = ${orgId}) || '%')`;
