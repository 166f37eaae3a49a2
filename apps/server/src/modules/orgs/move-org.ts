import type { Org } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { auditedOrg, isDescendantPath, levelRank, presentOrg, unsafeLockOrg } from './repository.ts';
import { orgs } from './schema.ts';

/**
 * Moves a society, with everything below it, under a new parent. The whole subtree's paths are
 * rewritten in one UPDATE inside the transaction, so no reader ever sees half a move; rows of other
 * tables refer to orgs by id and follow automatically.
 */
export async function moveOrg(tx: Tx, actor: Actor, id: number, newParentId: number): Promise<Org> {
  await requireAccess(tx, actor, 'orgs:update', orgs, orgs.id, orgs.id, [id]);
  try {
    await requireAccess(tx, actor, 'orgs:update', orgs, orgs.id, orgs.id, [newParentId]);
  } catch {
    throw invalid('ORG_PARENT_NOT_FOUND', 'newParentId');
  }
  // Lock both rows in id order so two crossing moves cannot deadlock.
  const [first, second] = id < newParentId ? [id, newParentId] : [newParentId, id];
  await unsafeLockOrg(tx, first);
  await unsafeLockOrg(tx, second);
  const org = (await unsafeLockOrg(tx, id))!;
  const parent = (await unsafeLockOrg(tx, newParentId))!;
  if (org.parentId === null)
    throw new AppError('ORG_MOVE_ROOT', 400, [{ field: 'newParentId', code: 'ORG_MOVE_ROOT' }]);
  if (isDescendantPath(parent.path, org.path)) throw invalid('ORG_MOVE_INTO_SELF', 'newParentId');
  if (!parent.active) throw invalid('ORG_PARENT_INACTIVE', 'newParentId');
  if (levelRank(org.level) <= levelRank(parent.level)) throw invalid('ORG_LEVEL_INVALID', 'newParentId');
  if (org.parentId === parent.id) return presentOrg(org);

  const oldPath = org.path;
  const newPath = `${parent.path}${org.id}/`;
  const depthDelta = parent.depth + 1 - org.depth;
  await tx
    .update(orgs)
    .set({
      path: sql`${newPath} || substr(${orgs.path}, ${oldPath.length + 1})`,
      depth: sql`${orgs.depth} + ${depthDelta}`,
      updatedAt: sql`now()`,
    })
    .where(sql`${orgs.path} like ${`${oldPath}%`}`);
  const [after] = await tx.update(orgs).set({ parentId: parent.id }).where(eq(orgs.id, id)).returning();
  return auditedOrg(tx, actor, 'orgs.move', org, after!);
}
