import type { Org } from '@boai/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { auditedOrg, unsafeFindOrg, unsafeLockOrg } from './repository.ts';
import { orgs } from './schema.ts';

/**
 * Societies are never deleted: their gifts, certificates and audit history must stay attributable.
 * Deactivation stops new work (no new children, staff cannot log in) and needs the children deactivated first.
 */
export async function deactivateOrg(tx: Tx, actor: Actor, id: number, reason: string): Promise<Org> {
  await requireAccess(tx, actor, 'orgs:deactivate', orgs, orgs.id, orgs.id, [id]);
  const org = (await unsafeLockOrg(tx, id))!;
  if (!org.active) throw new AppError('ORG_ALREADY_INACTIVE', 409);
  const activeChildren = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(orgs)
    .where(and(eq(orgs.parentId, id), eq(orgs.active, true)));
  if ((activeChildren[0]?.n ?? 0) > 0) throw new AppError('ORG_HAS_ACTIVE_CHILDREN', 409);
  const [after] = await tx
    .update(orgs)
    .set({ active: false, deactivatedReason: reason, updatedAt: sql`now()` })
    .where(eq(orgs.id, id))
    .returning();
  return auditedOrg(tx, actor, 'orgs.deactivate', org, after!, { reason });
}

export async function activateOrg(tx: Tx, actor: Actor, id: number): Promise<Org> {
  await requireAccess(tx, actor, 'orgs:deactivate', orgs, orgs.id, orgs.id, [id]);
  const org = (await unsafeLockOrg(tx, id))!;
  if (org.active) throw new AppError('ORG_ALREADY_ACTIVE', 409);
  if (org.parentId !== null) {
    const parent = await unsafeFindOrg(tx, org.parentId);
    if (!parent?.active) throw new AppError('ORG_PARENT_INACTIVE', 409);
  }
  const [after] = await tx
    .update(orgs)
    .set({ active: true, deactivatedReason: null, updatedAt: sql`now()` })
    .where(eq(orgs.id, id))
    .returning();
  return auditedOrg(tx, actor, 'orgs.activate', org, after!);
}
