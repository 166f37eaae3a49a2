import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { rescueTeamTypeSchema, rescueYearSchema, type RescueLabel } from './rescue-teams.ts';

/** 考核评估 of rescue teams: per-society yearly criteria, scores, grades. */

export const RESCUE_ASSESSMENT_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export const rescueAssessmentGradeSchema = z.enum(RESCUE_ASSESSMENT_GRADES);
export type RescueAssessmentGrade = z.infer<typeof rescueAssessmentGradeSchema>;
export const RESCUE_ASSESSMENT_GRADE_LABELS: Record<RescueAssessmentGrade, RescueLabel> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  pass: { zh: '合格', en: 'Pass' },
  fail: { zh: '不合格', en: 'Fail' },
};

/** 优秀 ≥ 90 % of the maximum, 良好 ≥ 75 %, 合格 ≥ 60 %, else 不合格 — in integers, so 90 % is exact. */
export function rescueGradeFor(total: number, maxTotal: number): RescueAssessmentGrade {
  if (total * 100 >= maxTotal * 90) return 'excellent';
  if (total * 100 >= maxTotal * 75) return 'good';
  if (total * 100 >= maxTotal * 60) return 'pass';
  return 'fail';
}

export const RESCUE_ASSESSMENT_STATUSES = ['draft', 'final'] as const;
export const rescueAssessmentStatusSchema = z.enum(RESCUE_ASSESSMENT_STATUSES);
export type RescueAssessmentStatus = z.infer<typeof rescueAssessmentStatusSchema>;
export const RESCUE_ASSESSMENT_STATUS_LABELS: Record<RescueAssessmentStatus, RescueLabel> = {
  draft: { zh: '评分中', en: 'In progress' },
  final: { zh: '已完成', en: 'Completed' },
};

export const rescueCriteriaQuerySchema = z.object({ orgId: idSchema, year: rescueYearSchema });
/** The whole list of a society's criteria for a year, in the order given (its weight order). */
export const setRescueCriteriaSchema = z.object({
  orgId: idSchema,
  year: rescueYearSchema,
  criteria: z
    .array(
      z.object({
        name: text(50),
        maxScore: z.number().int('满分应为整数').min(1, '满分至少 1 分').max(1000, '满分不超过 1000 分'),
      }),
    )
    .min(1, '请至少设置 1 个考核项目')
    .max(50, '最多 50 个考核项目'),
});
export type SetRescueCriteriaInput = z.infer<typeof setRescueCriteriaSchema>;

export const rescueCriterionSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  maxScore: z.number().int(),
  sortOrder: z.number().int(),
});
export type RescueCriterion = z.infer<typeof rescueCriterionSchema>;
export const rescueCriteriaSetSchema = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  criteria: z.array(rescueCriterionSchema),
  maxTotal: z.number().int(),
  /** True once any team was scored against them: they can no longer change. */
  locked: z.boolean(),
});
export type RescueCriteriaSet = z.infer<typeof rescueCriteriaSetSchema>;

export const rescueAssessmentParamsSchema = z.object({ id: idSchema, year: rescueYearSchema });
export const saveRescueAssessmentSchema = z.object({
  /** The society whose criteria are used: the team's own or one above it. */
  assessorOrgId: idSchema,
  scores: z
    .array(
      z.object({
        criterionId: idSchema,
        score: z.number().int('得分应为整数').min(0, '得分不能为负').max(1000),
        note: text(200).nullish(),
      }),
    )
    .max(50),
  comment: text(500).nullish(),
  /** Completes the assessment: every criterion must be scored; it cannot change afterwards. */
  finalize: z.boolean().default(false),
});
export type SaveRescueAssessmentInput = z.infer<typeof saveRescueAssessmentSchema>;

export const rescueAssessmentSchema = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  teamName: z.string(),
  year: z.number().int(),
  assessorOrgId: z.number().int(),
  assessorOrgName: z.string(),
  status: rescueAssessmentStatusSchema,
  scores: z.array(
    z.object({
      criterionId: z.number().int(),
      name: z.string(),
      maxScore: z.number().int(),
      score: z.number().int().nullable(),
      note: z.string().nullable(),
    }),
  ),
  scoredCount: z.number().int(),
  total: z.number().int(),
  maxTotal: z.number().int(),
  /** Set once every criterion is scored. */
  grade: rescueAssessmentGradeSchema.nullable(),
  comment: z.string().nullable(),
  finalizedBy: z.string().nullable(),
  finalizedAt: z.string().nullable(),
});
export type RescueAssessment = z.infer<typeof rescueAssessmentSchema>;

export const rescueAssessmentListQuerySchema = pageQuerySchema.extend({
  year: rescueYearSchema,
  orgId: idSchema.optional(),
  grade: rescueAssessmentGradeSchema.optional(),
});
export type RescueAssessmentListQuery = z.infer<typeof rescueAssessmentListQuerySchema>;
/** One line per team in scope that is active or was assessed that year; `assessment` null: not yet assessed. */
export const rescueAssessmentRowSchema = z.object({
  teamId: z.number().int(),
  teamName: z.string(),
  orgName: z.string(),
  type: rescueTeamTypeSchema,
  assessment: rescueAssessmentSchema
    .pick({ id: true, assessorOrgName: true, status: true, total: true, maxTotal: true, grade: true })
    .nullable(),
});
export type RescueAssessmentRow = z.infer<typeof rescueAssessmentRowSchema>;
export const rescueAssessmentPageSchema = pageOf(rescueAssessmentRowSchema);
