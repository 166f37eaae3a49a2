import {
  rescueGradeFor,
  shanghaiDate,
  type RescueAssessment,
  type SaveRescueAssessmentInput,
} from '@boai/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { orgsById, requireWritableOrg } from '../orgs/index.ts';
import { presentAssessments } from './assessments.ts';
import { criteriaOf } from './criteria.ts';
import { requireTeam } from './repository.ts';
import { rescueAssessmentCriteria, rescueAssessmentScores, rescueAssessments } from './schema.ts';

/**
 * 考核评分 of a team for a year, against the criteria of the assessing society (the team's own or one
 * above it). Scores may be saved as they come in; `finalize` needs every criterion scored and fixes
 * the result (total and grade) for good. One assessment per team and year.
 */
export async function saveAssessment(
  tx: Tx,
  actor: Actor,
  teamId: number,
  year: number,
  input: SaveRescueAssessmentInput,
  now = new Date(),
): Promise<RescueAssessment> {
  // The team row lock makes one writer at a time per team: the year's assessment row is created once.
  const team = await requireTeam(tx, actor, 'relief:manage', teamId, true);
  if (year > Number(shanghaiDate(now).slice(0, 4))) throw invalid('RESCUE_ASSESSMENT_YEAR_FUTURE', 'year');
  const assessor = await requireWritableOrg(tx, actor, 'relief:manage', input.assessorOrgId);
  const teamOrg = (await orgsById(tx, [team.orgId])).get(team.orgId)!;
  if (!teamOrg.path.startsWith(assessor.path))
    throw invalid('RESCUE_ASSESSMENT_ASSESSOR_NOT_ABOVE', 'assessorOrgId');
  const criteria = await tx
    .select()
    .from(rescueAssessmentCriteria)
    .where(criteriaOf(assessor.id, year))
    .orderBy(asc(rescueAssessmentCriteria.sortOrder))
    .for('share');
  if (!criteria.length) throw invalid('RESCUE_ASSESSMENT_NO_CRITERIA', 'assessorOrgId', { year });
  const a = rescueAssessments;
  const [existing] = await tx
    .select()
    .from(a)
    .where(and(eq(a.teamId, teamId), eq(a.year, year)));
  if (existing?.status === 'final') throw conflict('RESCUE_ASSESSMENT_FINAL');
  if (existing && existing.assessorOrgId !== assessor.id) {
    const name = (await orgsById(tx, [existing.assessorOrgId])).get(existing.assessorOrgId)?.name ?? '';
    throw new AppError('RESCUE_ASSESSMENT_EXISTS', 409, [], { year, org: name });
  }

  const byId = new Map(criteria.map((c) => [c.id, c]));
  const seen = new Set<number>();
  input.scores.forEach((s, i) => {
    const c = byId.get(s.criterionId);
    if (!c || seen.has(s.criterionId))
      throw invalid('RESCUE_ASSESSMENT_CRITERION_UNKNOWN', `scores.${i}.criterionId`);
    seen.add(s.criterionId);
    if (s.score > c.maxScore)
      throw invalid('RESCUE_ASSESSMENT_SCORE_OVER_MAX', `scores.${i}.score`, { max: c.maxScore });
  });
  const missing = criteria.length - seen.size;
  if (input.finalize && missing > 0) throw invalid('RESCUE_ASSESSMENT_INCOMPLETE', 'scores', { missing });
  const total = input.scores.reduce((sum, s) => sum + s.score, 0);
  const maxTotal = criteria.reduce((sum, c) => sum + c.maxScore, 0);
  const values = {
    status: input.finalize ? 'final' : 'draft',
    total,
    maxTotal,
    grade: missing === 0 ? rescueGradeFor(total, maxTotal) : null,
    comment: input.comment ?? null,
    updatedBy: actorName(actor),
    finalizedBy: input.finalize ? actorName(actor) : null,
    finalizedAt: input.finalize ? sql`now()` : null,
    updatedAt: sql`now()`,
  };
  const [row] = existing
    ? await tx.update(a).set(values).where(eq(a.id, existing.id)).returning()
    : await tx
        .insert(a)
        .values({ ...values, orgId: team.orgId, teamId, year, assessorOrgId: assessor.id })
        .returning();
  await tx.delete(rescueAssessmentScores).where(eq(rescueAssessmentScores.assessmentId, row!.id));
  if (input.scores.length)
    await tx.insert(rescueAssessmentScores).values(
      input.scores.map((s) => ({
        assessmentId: row!.id,
        criterionId: s.criterionId,
        orgId: team.orgId,
        score: s.score,
        note: s.note ?? null,
      })),
    );
  await recordAudit(tx, actor, {
    action: input.finalize ? 'rescue_team.assessment_finalize' : 'rescue_team.assessment_save',
    orgId: team.orgId,
    entityType: 'rescue_assessment',
    entityId: row!.id,
    before: existing ? { total: existing.total, grade: existing.grade } : undefined,
    after: {
      teamId,
      year,
      assessorOrgId: assessor.id,
      scores: input.scores,
      total,
      maxTotal,
      grade: values.grade,
    },
  });
  return (await presentAssessments(tx, [row!]))[0]!;
}
