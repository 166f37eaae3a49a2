import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { isValidDateString, mobileSchema } from './validators/index.ts';

/** 救援队: teams, members and certificates, equipment, duty rosters, deployments, drills (考核评估: rescue-team-assessments.ts). */

const dateString = z.string().refine(isValidDateString, '日期格式应为 YYYY-MM-DD');
export type RescueLabel = { zh: string; en: string };

export const RESCUE_TEAM_TYPES = [
  'relief',
  'water',
  'mountain',
  'psychological',
  'drone',
  'medical',
  'other',
] as const;
export const rescueTeamTypeSchema = z.enum(RESCUE_TEAM_TYPES);
export type RescueTeamType = z.infer<typeof rescueTeamTypeSchema>;
export const RESCUE_TEAM_TYPE_LABELS: Record<RescueTeamType, RescueLabel> = {
  relief: { zh: '赈济救援', en: 'Relief' },
  water: { zh: '水上救援', en: 'Water rescue' },
  mountain: { zh: '山地救援', en: 'Mountain rescue' },
  psychological: { zh: '心理救援', en: 'Psychological support' },
  drone: { zh: '无人机', en: 'Drone' },
  medical: { zh: '医疗救护', en: 'Medical' },
  other: { zh: '其他', en: 'Other' },
};

export const RESCUE_TEAM_STATUSES = ['active', 'stood_down'] as const;
export const rescueTeamStatusSchema = z.enum(RESCUE_TEAM_STATUSES);
export type RescueTeamStatus = z.infer<typeof rescueTeamStatusSchema>;
export const RESCUE_TEAM_STATUS_LABELS: Record<RescueTeamStatus, RescueLabel> = {
  active: { zh: '在编', en: 'Active' },
  stood_down: { zh: '已撤编', en: 'Stood down' },
};

export const RESCUE_MEMBER_ROLES = ['leader', 'deputy', 'member'] as const;
export const rescueMemberRoleSchema = z.enum(RESCUE_MEMBER_ROLES);
export type RescueMemberRole = z.infer<typeof rescueMemberRoleSchema>;
export const RESCUE_MEMBER_ROLE_LABELS: Record<RescueMemberRole, RescueLabel> = {
  leader: { zh: '队长', en: 'Leader' },
  deputy: { zh: '副队长', en: 'Deputy leader' },
  member: { zh: '队员', en: 'Member' },
};

export const RESCUE_GENDERS = ['male', 'female'] as const;
export const rescueGenderSchema = z.enum(RESCUE_GENDERS);
export type RescueGender = z.infer<typeof rescueGenderSchema>;
export const RESCUE_GENDER_LABELS: Record<RescueGender, RescueLabel> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

export const RESCUE_EQUIPMENT_CONDITIONS = ['good', 'fair', 'repair', 'scrapped'] as const;
export const rescueEquipmentConditionSchema = z.enum(RESCUE_EQUIPMENT_CONDITIONS);
export type RescueEquipmentCondition = z.infer<typeof rescueEquipmentConditionSchema>;
export const RESCUE_EQUIPMENT_CONDITION_LABELS: Record<RescueEquipmentCondition, RescueLabel> = {
  good: { zh: '完好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
  repair: { zh: '待维修', en: 'Needs repair' },
  scrapped: { zh: '报废', en: 'Scrapped' },
};
/** Equipment not checked for this many days is flagged (quarterly check, the usual 装备点验 rhythm). */
export const RESCUE_EQUIPMENT_CHECK_DAYS = 90;

export const STANDBY_LEVELS = ['level1', 'level2', 'level3'] as const;
export const standbyLevelSchema = z.enum(STANDBY_LEVELS);
export type StandbyLevel = z.infer<typeof standbyLevelSchema>;
export const STANDBY_LEVEL_LABELS: Record<StandbyLevel, RescueLabel> = {
  level1: { zh: '一级备勤（30 分钟集结）', en: 'Level 1 (assemble in 30 min)' },
  level2: { zh: '二级备勤（2 小时集结）', en: 'Level 2 (assemble in 2 h)' },
  level3: { zh: '三级备勤（电话待命）', en: 'Level 3 (on call)' },
};

/** A certificate expiring within this many days shows as 即将到期. */
export const RESCUE_CERT_SOON_DAYS = 60;

export const rescueYearSchema = z.coerce
  .number()
  .int()
  .min(2000, '年份应在 2000–2100 之间')
  .max(2100, '年份应在 2000–2100 之间');

/** Hours with at most one decimal (6 minutes): stored as integer minutes, so no rounding ever drifts. */
export const rescueHoursSchema = z
  .number('时长应为数字')
  .positive('时长应大于 0')
  .max(10_000, '时长过大')
  .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-9, '时长最多保留 1 位小数');
export const rescueHoursToMinutes = (h: number) => Math.round(h * 60);
export const rescueMinutesToHours = (m: number) => Math.round(m / 6) / 10;

const memberIdsSchema = z.array(idSchema).min(1, '请至少选择 1 名队员').max(200, '最多 200 名队员');

// ---- teams -------------------------------------------------------------------------------------

const teamFields = {
  orgId: idSchema,
  name: text(60),
  type: rescueTeamTypeSchema,
  foundedOn: dateString,
  leaderName: text(30),
  contactPhone: mobileSchema,
  baseAddress: text(200),
};
export const createRescueTeamSchema = z.object(teamFields);
export type CreateRescueTeamInput = z.infer<typeof createRescueTeamSchema>;

/** Everything but the owning society may change; 撤编 is a status, a team is never deleted. */
export const updateRescueTeamSchema = z
  .object({ ...teamFields, status: rescueTeamStatusSchema })
  .omit({ orgId: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateRescueTeamInput = z.infer<typeof updateRescueTeamSchema>;

export const listRescueTeamsQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  type: rescueTeamTypeSchema.optional(),
  status: rescueTeamStatusSchema.optional(),
  q: z.string().trim().max(60).optional(),
});
export type ListRescueTeamsQuery = z.infer<typeof listRescueTeamsQuerySchema>;

export const rescueTeamSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  type: rescueTeamTypeSchema,
  foundedOn: z.string(),
  leaderName: z.string(),
  contactPhoneMasked: z.string(),
  baseAddress: z.string(),
  status: rescueTeamStatusSchema,
  /** Members who have not left. */
  memberCount: z.number().int(),
  /** Of those, how many hold a certificate past its date. */
  expiredCertificateMembers: z.number().int(),
  /** Person-hours deployed in the current (Shanghai) calendar year. */
  hoursThisYear: z.number(),
});
export type RescueTeam = z.infer<typeof rescueTeamSchema>;
export const rescueTeamPageSchema = pageOf(rescueTeamSchema);

export const rescueTeamYearSchema = z.object({
  year: z.number().int(),
  deployments: z.number().int(),
  /** Person-hours: the sum of every deployed member's hours. */
  deploymentHours: z.number(),
  drills: z.number().int(),
  /** Person-hours: each drill's length × its participants. */
  drillHours: z.number(),
});
export type RescueTeamYear = z.infer<typeof rescueTeamYearSchema>;
export const rescueTeamDetailSchema = rescueTeamSchema.extend({ years: z.array(rescueTeamYearSchema) });
export type RescueTeamDetail = z.infer<typeof rescueTeamDetailSchema>;

export const rescueTeamChildParamsSchema = z.object({ id: idSchema, childId: idSchema });

// ---- members and certificates ----------------------------------------------------------------

export const rescueMemberCertificateInputSchema = z.object({
  name: text(50),
  number: text(50),
  issuer: text(100),
  /** None for certificates that do not expire. */
  expiresOn: dateString.nullish(),
});
const memberFields = {
  name: text(30),
  gender: rescueGenderSchema,
  phone: mobileSchema,
  role: rescueMemberRoleSchema,
  joinedOn: dateString,
  skills: z.array(text(20)).max(20, '最多 20 项技能'),
  certificates: z.array(rescueMemberCertificateInputSchema).max(20, '最多 20 张证书'),
};
export const createRescueMemberSchema = z.object({
  ...memberFields,
  skills: memberFields.skills.default([]),
  certificates: memberFields.certificates.default([]),
});
export type CreateRescueMemberInput = z.infer<typeof createRescueMemberSchema>;

/** `certificates`, when sent, replaces the member's whole list; `leftOn` records 离队 (null: back again). */
export const updateRescueMemberSchema = z
  .object({ ...memberFields, leftOn: dateString.nullable() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateRescueMemberInput = z.infer<typeof updateRescueMemberSchema>;

export const listRescueMembersQuerySchema = z.object({
  includeLeft: z.enum(['true', 'false']).optional(),
  certificates: z.enum(['expired']).optional(),
});
export type ListRescueMembersQuery = z.infer<typeof listRescueMembersQuerySchema>;

export const rescueMemberCertificateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  number: z.string(),
  issuer: z.string(),
  expiresOn: z.string().nullable(),
  expired: z.boolean(),
  expiringSoon: z.boolean(),
});
export type RescueMemberCertificate = z.infer<typeof rescueMemberCertificateSchema>;

export const rescueMemberSchema = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  name: z.string(),
  gender: rescueGenderSchema,
  phoneMasked: z.string(),
  role: rescueMemberRoleSchema,
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  skills: z.array(z.string()),
  certificates: z.array(rescueMemberCertificateSchema),
  expiredCertificates: z.number().int(),
});
export type RescueMember = z.infer<typeof rescueMemberSchema>;

// ---- equipment -------------------------------------------------------------------------------

const equipmentFields = {
  name: text(60),
  spec: text(100).nullish(),
  quantity: z.number().int('数量应为整数').min(0, '数量不能为负').max(1_000_000),
  condition: rescueEquipmentConditionSchema,
  lastCheckedOn: dateString.nullish(),
  notes: text(200).nullish(),
};
export const createRescueEquipmentSchema = z.object(equipmentFields);
export type CreateRescueEquipmentInput = z.infer<typeof createRescueEquipmentSchema>;
export const updateRescueEquipmentSchema = z
  .object(equipmentFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateRescueEquipmentInput = z.infer<typeof updateRescueEquipmentSchema>;

export const rescueEquipmentSchema = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  name: z.string(),
  spec: z.string().nullable(),
  quantity: z.number().int(),
  condition: rescueEquipmentConditionSchema,
  lastCheckedOn: z.string().nullable(),
  notes: z.string().nullable(),
  /** Never checked, or not within RESCUE_EQUIPMENT_CHECK_DAYS (scrapped items never are). */
  checkDue: z.boolean(),
});
export type RescueEquipment = z.infer<typeof rescueEquipmentSchema>;

// ---- duty roster (值班备勤) --------------------------------------------------------------------

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');
/**
 * A shift on `dutyDate`: the whole day, or from `startTime` to `endTime` — an end at or before the
 * start runs into the next morning (a 20:00–08:00 night shift).
 */
export const dutyShiftInputSchema = z
  .object({
    dutyDate: dateString,
    allDay: z.boolean(),
    startTime: timeOfDay.nullish(),
    endTime: timeOfDay.nullish(),
    standbyLevel: standbyLevelSchema,
    memberIds: memberIdsSchema,
    notes: text(200).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.allDay) return;
    for (const f of ['startTime', 'endTime'] as const)
      if (!v[f]) ctx.addIssue({ code: 'custom', path: [f], message: '非全天值班请填写起止时间' });
    if (v.startTime && v.startTime === v.endTime)
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: '结束时间不能与开始时间相同' });
  });
export type DutyShiftInput = z.infer<typeof dutyShiftInputSchema>;

export const dutyShiftSchema = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  teamName: z.string(),
  dutyDate: z.string(),
  allDay: z.boolean(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  standbyLevel: standbyLevelSchema,
  notes: z.string().nullable(),
  members: z.array(z.object({ id: z.number().int(), name: z.string(), role: rescueMemberRoleSchema })),
});
export type DutyShift = z.infer<typeof dutyShiftSchema>;

export const dutyRosterQuerySchema = z.object({
  /** Any day of the week to show (Monday to Sunday); today when absent. */
  weekOf: dateString.optional(),
  orgId: idSchema.optional(),
  teamId: idSchema.optional(),
});
export type DutyRosterQuery = z.infer<typeof dutyRosterQuerySchema>;

export const dutyRosterWeekSchema = z.object({
  weekStart: z.string(),
  days: z.array(z.string()),
  teams: z.array(z.object({ id: z.number().int(), name: z.string(), orgName: z.string() })),
  shifts: z.array(dutyShiftSchema),
});
export type DutyRosterWeek = z.infer<typeof dutyRosterWeekSchema>;

// ---- deployments and drills ------------------------------------------------------------------

export const rescueDeploymentInputSchema = z.object({
  /** The disaster event (灾害事件) the team went to, if there is one: the server keeps its name as it stood. */
  eventId: idSchema.nullish(),
  /** Where there is no event: what the deployment was for (with an event, replaced by the event's name). */
  eventName: text(100),
  startedOn: dateString,
  /** None while the team is still deployed. */
  endedOn: dateString.nullish(),
  location: text(200),
  summary: text(2000).nullish(),
  members: z
    .array(z.object({ memberId: idSchema, hours: rescueHoursSchema }))
    .min(1, '请至少填写 1 名出队队员')
    .max(500),
});
export type RescueDeploymentInput = z.infer<typeof rescueDeploymentInputSchema>;

export const rescueDeploymentSchema = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  teamName: z.string(),
  orgName: z.string(),
  eventId: z.number().int().nullable(),
  eventName: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  location: z.string(),
  summary: z.string().nullable(),
  members: z.array(z.object({ memberId: z.number().int(), name: z.string(), hours: z.number() })),
  totalHours: z.number(),
});
export type RescueDeployment = z.infer<typeof rescueDeploymentSchema>;

export const listRescueDeploymentsQuerySchema = pageQuerySchema.extend({
  teamId: idSchema.optional(),
  orgId: idSchema.optional(),
  /** Deployments that started in this year. */
  year: rescueYearSchema.optional(),
  eventId: idSchema.optional(),
});
export type ListRescueDeploymentsQuery = z.infer<typeof listRescueDeploymentsQuerySchema>;
export const rescueDeploymentPageSchema = pageOf(rescueDeploymentSchema);

export const rescueDrillInputSchema = z.object({
  heldOn: dateString,
  subject: text(100),
  location: text(200).nullish(),
  /** Length of the drill; every participant is credited with it. */
  hours: rescueHoursSchema.refine((h) => h <= 24, '单次演练不超过 24 小时'),
  memberIds: memberIdsSchema,
  notes: text(1000).nullish(),
});
export type RescueDrillInput = z.infer<typeof rescueDrillInputSchema>;

export const rescueDrillSchema = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  heldOn: z.string(),
  subject: z.string(),
  location: z.string().nullable(),
  hours: z.number(),
  participants: z.array(z.object({ id: z.number().int(), name: z.string() })),
  notes: z.string().nullable(),
});
export type RescueDrill = z.infer<typeof rescueDrillSchema>;

export const rescueTeamHoursQuerySchema = z.object({ year: rescueYearSchema, orgId: idSchema.optional() });
export type RescueTeamHoursQuery = z.infer<typeof rescueTeamHoursQuerySchema>;
export const rescueTeamHoursRowSchema = rescueTeamYearSchema.extend({
  teamId: z.number().int(),
  teamName: z.string(),
  orgName: z.string(),
  type: rescueTeamTypeSchema,
});
export type RescueTeamHoursRow = z.infer<typeof rescueTeamHoursRowSchema>;
export const rescueTeamHoursSchema = z.array(rescueTeamHoursRowSchema);
