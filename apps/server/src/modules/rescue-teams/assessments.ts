import type { RescueAssessment, RescueAssessmentGrade, RescueAssessmentStatus } from '@boai/contracts';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { orgNamesById } from '../orgs/index.ts';
import {
  rescueAssessmentCriteria,
  rescueAssessmentScores,
  rescueAssessments,
  rescueTeams,
} from './schema.ts';

export type AssessmentRow = typeof rescueAssessments.$inferSelect;

/**
 * Assessments with every criterion of their assessor's year (scored or not), in weight order, plus
 * team and assessor names: four queries for any number of rows.
 */
export async function presentAssessments(q: Queryable, rows: AssessmentRow[]): Promise<RescueAssessment[]> {
  if (!rows.length) return [];
  const c = rescueAssessmentCriteria;
  const pairs = [...new Map(rows.map((r) => [`${r.assessorOrgId}/${r.year}`, r])).values()];
  const criteria = await q
    .select()
    .from(c)
    .where(or(...pairs.map((r) => and(eq(c.orgId, r.assessorOrgId), eq(c.year, r.year)))))
    .orderBy(asc(c.sortOrder));
  const scores = await q
    .select()
    .from(rescueAssessmentScores)
    .where(
      inArray(
        rescueAssessmentScores.assessmentId,
        rows.map((r) => r.id),
      ),
    );
  const teams = new Map(
    (
      await q
        .select({ id: rescueTeams.id, name: rescueTeams.name })
        .from(rescueTeams)
        .where(inArray(rescueTeams.id, [...new Set(rows.map((r) => r.teamId))]))
    ).map((t) => [t.id, t.name]),
  );
  const orgNames = await orgNamesById(
    q,
    rows.map((r) => r.assessorOrgId),
  );
  return rows.map((r) => {
    const own = criteria.filter((x) => x.orgId === r.assessorOrgId && x.year === r.year);
    const scored = new Map(scores.filter((s) => s.assessmentId === r.id).map((s) => [s.criterionId, s]));
    return {
      id: r.id,
      teamId: r.teamId,
      teamName: teams.get(r.teamId) ?? '',
      year: r.year,
      assessorOrgId: r.assessorOrgId,
      assessorOrgName: orgNames.get(r.assessorOrgId) ?? '',
      status: r.status as RescueAssessmentStatus,
      scores: own.map((x) => ({
        criterionId: x.id,
        name: x.name,
        maxScore: x.maxScore,
        score: scored.get(x.id)?.score ?? null,
        note: scored.get(x.id)?.note ?? null,
      })),
      scoredCount: scored.size,
      total: r.total,
      maxTotal: r.maxTotal,
      grade: r.grade as RescueAssessmentGrade | null,
      comment: r.comment,
      finalizedBy: r.finalizedBy,
      finalizedAt: r.finalizedAt?.toISOString() ?? null,
    };
  });
}
