import type { SetTargetInput, Target } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { trainingTargets } from './schema.ts';
import { BASIS_POINTS, presentTarget } from './targets.ts';

/**
 * Sets (or replaces) a society's targets for a year. A share needs the registered population it is a
 * share of, and cannot exceed the whole of it.
 */
export async function setTarget(
  tx: Tx,
  actor: Actor,
  input: SetTargetInput,
  now = new Date(),
): Promise<Target> {
  await requireWritableOrg(tx, actor, 'training:manage', input.orgId);
  const population = input.population ?? null;
  if (input.basis === 'share') {
    if (population === null) throw invalid('TRAINING_TARGET_POPULATION_REQUIRED', 'population');
    for (const field of ['certified', 'reached'] as const)
      if (input[field] > BASIS_POINTS) throw invalid('TRAINING_TARGET_SHARE_TOO_LARGE', field);
  }
  const t = trainingTargets;
  const where = and(eq(t.orgId, input.orgId), eq(t.year, input.year));
  const [before] = await tx.select().from(t).where(where).for('update');
  const values = {
    basis: input.basis,
    population,
    certified: input.certified,
    reached: input.reached,
    updatedBy: actorName(actor),
    updatedAt: now,
  };
  const [row] = await tx
    .insert(t)
    .values({ orgId: input.orgId, year: input.year, ...values })
    .onConflictDoUpdate({ target: [t.orgId, t.year], set: values })
    .returning();
  const after = presentTarget(row!);
  await recordAudit(tx, actor, {
    action: 'training.target_set',
    orgId: input.orgId,
    entityType: 'training_target',
    entityId: `${input.orgId}:${input.year}`,
    before: before ? presentTarget(before) : undefined,
    after,
  });
  return after;
}
