import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { certificateNumberSchema } from './training.ts';
import { mobileSchema } from './validators/index.ts';

/** 施救案例: what a trained person did, what came of it, and who helped — the last by age band and sex only. */
export const RESCUE_ACTIONS = [
  'cpr',
  'aed',
  'heimlich',
  'bleeding',
  'fracture',
  'recovery_position',
  'other',
] as const;
export const rescueActionSchema = z.enum(RESCUE_ACTIONS);
export type RescueAction = z.infer<typeof rescueActionSchema>;
export const RESCUE_ACTION_LABELS: Record<RescueAction, { zh: string; en: string }> = {
  cpr: { zh: '心肺复苏', en: 'CPR' },
  aed: { zh: '使用 AED 除颤', en: 'AED defibrillation' },
  heimlich: { zh: '海姆立克急救', en: 'Heimlich manoeuvre' },
  bleeding: { zh: '止血包扎', en: 'Bleeding control' },
  fracture: { zh: '骨折固定', en: 'Fracture splinting' },
  recovery_position: { zh: '复原体位', en: 'Recovery position' },
  other: { zh: '其他', en: 'Other' },
};

export const RESCUE_OUTCOMES = ['recovered', 'hospital_alive', 'died', 'unknown'] as const;
export const rescueOutcomeSchema = z.enum(RESCUE_OUTCOMES);
export type RescueOutcome = z.infer<typeof rescueOutcomeSchema>;
export const RESCUE_OUTCOME_LABELS: Record<RescueOutcome, { zh: string; en: string }> = {
  recovered: { zh: '现场恢复', en: 'Recovered on the scene' },
  hospital_alive: { zh: '送医，存活', en: 'Taken to hospital alive' },
  died: { zh: '经抢救无效', en: 'Did not survive' },
  unknown: { zh: '不清楚', en: 'Unknown' },
};

export const AGE_BANDS = ['infant', 'child', 'adult', 'senior', 'unknown'] as const;
export const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], { zh: string; en: string }> = {
  infant: { zh: '婴儿（1 岁以下）', en: 'Infant (under 1)' },
  child: { zh: '儿童（1–17 岁）', en: 'Child (1–17)' },
  adult: { zh: '成人（18–59 岁）', en: 'Adult (18–59)' },
  senior: { zh: '老人（60 岁以上）', en: 'Senior (60+)' },
  unknown: { zh: '不清楚', en: 'Unknown' },
};
export const SEXES = ['male', 'female', 'unknown'] as const;
export const SEX_LABELS: Record<(typeof SEXES)[number], { zh: string; en: string }> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
  unknown: { zh: '不清楚', en: 'Unknown' },
};

export const RESCUE_STATUSES = ['reported', 'verified', 'rejected'] as const;
export type RescueStatus = (typeof RESCUE_STATUSES)[number];
export const RESCUE_STATUS_LABELS: Record<RescueStatus, { zh: string; en: string }> = {
  reported: { zh: '待核实', en: 'Awaiting verification' },
  verified: { zh: '已核实', en: 'Verified' },
  rejected: { zh: '未采信', en: 'Not accepted' },
};

/** A local wall-clock time 'YYYY-MM-DDTHH:mm' (Beijing time), as a phone's datetime input gives it. */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DDTHH:mm');

export const reportRescueSchema = z
  .object({
    certificateNumber: certificateNumberSchema,
    name: text(50),
    mobile: mobileSchema.nullish(),
    occurredAt: localDateTime,
    place: text(200),
    actions: z.array(rescueActionSchema).min(1, '请至少选择一项施救措施').max(RESCUE_ACTIONS.length),
    description: text(2000),
    outcome: rescueOutcomeSchema,
    aedUsed: z.boolean(),
    casualtyAgeBand: z.enum(AGE_BANDS),
    casualtySex: z.enum(SEXES),
  })
  .strict();
export type ReportRescueInput = z.infer<typeof reportRescueSchema>;
export const reportRescueResultSchema = z.object({ id: z.number().int(), status: z.enum(RESCUE_STATUSES) });

export const rescueSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  certificateId: z.number().int(),
  certificateNumber: z.string(),
  rescuerName: z.string(),
  mobileMasked: z.string().nullable(),
  occurredAt: z.string(),
  place: z.string(),
  actions: z.array(rescueActionSchema),
  description: z.string(),
  outcome: rescueOutcomeSchema,
  aedUsed: z.boolean(),
  casualtyAgeBand: z.enum(AGE_BANDS),
  casualtySex: z.enum(SEXES),
  status: z.enum(RESCUE_STATUSES),
  reviewNote: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  commendation: z.string().nullable(),
  commendedAt: z.string().nullable(),
  reportedAt: z.string(),
});
export type Rescue = z.infer<typeof rescueSchema>;
export const listRescuesQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  certificateId: idSchema.optional(),
  status: z.enum(RESCUE_STATUSES).optional(),
});
export type ListRescuesQuery = z.infer<typeof listRescuesQuerySchema>;
export const rescuePageSchema = pageOf(rescueSchema);

export const reviewRescueSchema = z
  .object({ decision: z.enum(['verified', 'rejected']), note: text(500).nullish() })
  .strict()
  .refine((v) => v.decision === 'verified' || !!v.note, { message: '不采信时请写明原因', path: ['note'] });
export type ReviewRescueInput = z.infer<typeof reviewRescueSchema>;
export const commendRescueSchema = z.object({ commendation: text(200) }).strict();

/** What the public certificate check shows of its holder's verified rescues: no place, no one helped. */
export const publicRescueSchema = z.object({
  occurredOn: z.string(),
  actions: z.array(rescueActionSchema),
  outcome: rescueOutcomeSchema,
  aedUsed: z.boolean(),
  commendation: z.string().nullable(),
});
export type PublicRescue = z.infer<typeof publicRescueSchema>;
export const publicRescuesQuerySchema = z.object({ name: z.string().trim().min(1).max(50) });
