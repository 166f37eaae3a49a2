import type { CreateOrgInput, Org } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Tx } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { auditedOrg, levelRank, nextOrgId, unsafeLockOrg } from './repository.ts';
import { orgs } from './schema.ts';

/** Creates a society under a parent the actor may create in; its level must be below the parent's. */
export async function createOrg(tx: Tx, actor: Actor, input: CreateOrgInput): Promise<Org> {
  try {
    await requireAccess(tx, actor, 'orgs:create', orgs, orgs.id, orgs.id, [input.parentId]);
  } catch {
    throw invalid('ORG_PARENT_NOT_FOUND', 'parentId');
  }
  // Lock the parent so a concurrent move or deactivation cannot leave the child under a stale path.
  const parent = (await unsafeLockOrg(tx, input.parentId))!;
  if (!parent.active) throw invalid('ORG_PARENT_INACTIVE', 'parentId');
  if (levelRank(input.level) <= levelRank(parent.level)) throw invalid('ORG_LEVEL_INVALID', 'level');
  const id = await nextOrgId(tx);
  let row;
  try {
    [row] = await tx
      .insert(orgs)
      .values({
        id,
        parentId: parent.id,
        name: input.name,
        level: input.level,
        uscc: input.uscc ?? null,
        regionCode: input.regionCode ?? null,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
      })
      .returning();
  } catch (e) {
    if (isUniqueViolation(e, 'orgs_uscc_uq')) throw conflict('ORG_USCC_TAKEN', 'uscc');
    throw e;
  }
  if (!row) throw new AppError('INTERNAL', 500);
  return auditedOrg(tx, actor, 'orgs.create', null, row);
}

/** The top of a tree (a province, or the national society). Only the CLI and the demo seed call this. */
export async function createRootOrg(
  tx: Tx,
  actor: Actor,
  input: Omit<CreateOrgInput, 'parentId'>,
): Promise<Org> {
  const id = await nextOrgId(tx);
  const [row] = await tx
    .insert(orgs)
    .values({
      id,
      parentId: null,
      name: input.name,
      level: input.level,
      uscc: input.uscc ?? null,
      regionCode: input.regionCode ?? null,
      path: `/${id}/`,
      depth: 0,
    })
    .returning();
  return auditedOrg(tx, actor, 'orgs.create', null, row!);
}
