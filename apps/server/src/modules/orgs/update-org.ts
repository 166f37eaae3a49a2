import type { Org, UpdateOrgInput } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Tx } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { conflict } from '../../platform/errors.ts';
import { auditedOrg, presentOrg, unsafeLockOrg } from './repository.ts';
import { orgs } from './schema.ts';

/** Renames a society or corrects its codes. History keeps the old values in the audit trail. */
export async function updateOrg(tx: Tx, actor: Actor, id: number, input: UpdateOrgInput): Promise<Org> {
  await requireAccess(tx, actor, 'orgs:update', orgs, orgs.id, orgs.id, [id]);
  const before = (await unsafeLockOrg(tx, id))!;
  const changes: Partial<typeof orgs.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.uscc !== undefined) changes.uscc = input.uscc;
  if (input.regionCode !== undefined) changes.regionCode = input.regionCode;
  if (!Object.keys(changes).length) return presentOrg(before);
  let after;
  try {
    [after] = await tx
      .update(orgs)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(orgs.id, id))
      .returning();
  } catch (e) {
    if (isUniqueViolation(e, 'orgs_uscc_uq')) throw conflict('ORG_USCC_TAKEN', 'uscc');
    throw e;
  }
  return auditedOrg(tx, actor, 'orgs.update', before, after!);
}
