import type { ListRescuesQuery, Rescue } from '@boai/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope, requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { presentRescues } from './repository.ts';
import { rescues } from './schema.ts';

/** Rescue cases the actor may read, newest first; by society subtree, certificate or status. */
export async function listRescues(
  q: Queryable,
  pii: PiiVault,
  actor: Actor,
  query: ListRescuesQuery,
): Promise<{ items: Rescue[]; total: number; page: number; pageSize: number }> {
  const r = rescues;
  const where = and(
    inScope(actor, 'training:read', r.orgId),
    query.orgId ? inOrgSubtree(r.orgId, query.orgId) : undefined,
    query.certificateId ? eq(r.certificateId, query.certificateId) : undefined,
    query.status ? eq(r.status, query.status) : undefined,
  );
  const [{ n }] = (await q
    .select({ n: sql<number>`count(*)::int` })
    .from(r)
    .where(where)) as [{ n: number }];
  const rows = await q
    .select()
    .from(r)
    .where(where)
    .orderBy(desc(r.occurredAt), desc(r.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentRescues(q, pii, rows), total: n, page: query.page, pageSize: query.pageSize };
}

export async function getRescue(q: Queryable, pii: PiiVault, actor: Actor, id: number): Promise<Rescue> {
  await requireAccess(q, actor, 'training:read', rescues, rescues.id, rescues.orgId, [id]);
  const rows = await q.select().from(rescues).where(eq(rescues.id, id));
  return (await presentRescues(q, pii, rows))[0]!;
}
