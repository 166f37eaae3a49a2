import type { RescueCriteriaSet } from '@boai/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireOrgAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { orgNamesById } from '../orgs/index.ts';
import { rescueAssessmentCriteria, rescueAssessmentScores } from './schema.ts';

export const criteriaOf = (orgId: number, year: number) =>
  and(eq(rescueAssessmentCriteria.orgId, orgId), eq(rescueAssessmentCriteria.year, year))!;

/** Whether any team has been scored on the society's criteria of that year (they are then fixed). */
export async function criteriaInUse(q: Queryable, orgId: number, year: number): Promise<boolean> {
  const c = rescueAssessmentCriteria;
  const s = rescueAssessmentScores;
  const [row] = await q
    .select({ one: sql<number>`1` })
    .from(s)
    .innerJoin(c, eq(s.criterionId, c.id))
    .where(criteriaOf(orgId, year))
    .limit(1);
  return row !== undefined;
}

/** A society's 考核标准 of a year, in weight order (empty when not set yet). */
export async function getCriteria(
  q: Queryable,
  actor: Actor,
  orgId: number,
  year: number,
): Promise<RescueCriteriaSet> {
  await requireOrgAccess(q, actor, 'relief:read', [orgId]);
  const rows = await q
    .select()
    .from(rescueAssessmentCriteria)
    .where(criteriaOf(orgId, year))
    .orderBy(asc(rescueAssessmentCriteria.sortOrder));
  return {
    orgId,
    orgName: (await orgNamesById(q, [orgId])).get(orgId) ?? '',
    year,
    criteria: rows.map(({ id, name, maxScore, sortOrder }) => ({ id, name, maxScore, sortOrder })),
    maxTotal: rows.reduce((s, r) => s + r.maxScore, 0),
    locked: await criteriaInUse(q, orgId, year),
  };
}
