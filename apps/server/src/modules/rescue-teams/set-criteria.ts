import type { RescueCriteriaSet, SetRescueCriteriaInput } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict, invalid } from '../../platform/errors.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { criteriaInUse, criteriaOf, getCriteria } from './criteria.ts';
import { rescueAssessmentCriteria } from './schema.ts';

/**
 * Sets a society's criteria for a year: the list as given replaces the previous one, its order being
 * the weight order. Once a team is scored on them they are fixed — a yardstick changed halfway would
 * make the year's scores incomparable.
 */
export async function setCriteria(
  tx: Tx,
  actor: Actor,
  input: SetRescueCriteriaInput,
): Promise<RescueCriteriaSet> {
  await requireWritableOrg(tx, actor, 'relief:manage', input.orgId);
  const names = input.criteria.map((c) => c.name);
  names.forEach((n, i) => {
    if (names.indexOf(n) !== i) throw invalid('RESCUE_CRITERIA_DUPLICATE', `criteria.${i}.name`);
  });
  // Locks the current criteria: scoring reads them FOR SHARE, so a first score and a change serialize.
  const before = await tx
    .select()
    .from(rescueAssessmentCriteria)
    .where(criteriaOf(input.orgId, input.year))
    .for('update');
  if (await criteriaInUse(tx, input.orgId, input.year)) throw conflict('RESCUE_CRITERIA_IN_USE');
  await tx.delete(rescueAssessmentCriteria).where(criteriaOf(input.orgId, input.year));
  await tx.insert(rescueAssessmentCriteria).values(
    input.criteria.map((c, i) => ({
      orgId: input.orgId,
      year: input.year,
      name: c.name,
      maxScore: c.maxScore,
      sortOrder: i + 1,
    })),
  );
  await recordAudit(tx, actor, {
    action: 'rescue_team.criteria_set',
    orgId: input.orgId,
    entityType: 'rescue_assessment_criteria',
    entityId: `${input.orgId}/${input.year}`,
    before: before.map(({ name, maxScore }) => ({ name, maxScore })),
    after: input.criteria,
  });
  return getCriteria(tx, actor, input.orgId, input.year);
}
