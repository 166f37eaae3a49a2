import type { TrainingBase } from '@boai/contracts';
import { and, asc } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { orgNamesById } from '../orgs/index.ts';
import { atOrAbove, usableFrom } from './repository.ts';
import { trainingBases } from './schema.ts';

export async function presentBases(
  q: Queryable,
  rows: (typeof trainingBases.$inferSelect)[],
): Promise<TrainingBase[]> {
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    name: r.name,
    address: r.address,
    capacity: r.capacity,
    equipment: r.equipment as TrainingBase['equipment'],
  }));
}

export async function listBases(
  q: Queryable,
  actor: Actor,
  filter: { orgId?: number; usableAt?: number },
): Promise<TrainingBase[]> {
  const b = trainingBases;
  const rows = await q
    .select()
    .from(b)
    .where(
      and(
        filter.usableAt
          ? usableFrom(actor, 'training:read', b.orgId)
          : inScope(actor, 'training:read', b.orgId),
        filter.orgId ? inOrgSubtree(b.orgId, filter.orgId) : undefined,
        filter.usableAt ? atOrAbove(b.orgId, filter.usableAt) : undefined,
      ),
    )
    .orderBy(asc(b.orgId), asc(b.id))
    .limit(1000);
  return presentBases(q, rows);
}
