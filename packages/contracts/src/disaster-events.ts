import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { isValidDateString } from './validators/index.ts';

/** 灾害事件: a typhoon, flood … a society responds to, its needs list (需求清单) and the appeals raised for it. */

const dateString = z.string().refine(isValidDateString, '日期格式应为 YYYY-MM-DD');

export const DISASTER_TYPES = [
  'typhoon',
  'flood',
  'earthquake',
  'fire',
  'drought',
  'snow',
  'landslide',
  'epidemic',
  'other',
] as const;
export const disasterTypeSchema = z.enum(DISASTER_TYPES, '请选择灾害类型');
export type DisasterType = z.infer<typeof disasterTypeSchema>;
export const DISASTER_TYPE_LABELS: Record<DisasterType, { zh: string; en: string }> = {
  typhoon: { zh: '台风', en: 'Typhoon' },
  flood: { zh: '洪涝', en: 'Flood' },
  earthquake: { zh: '地震', en: 'Earthquake' },
  fire: { zh: '火灾', en: 'Fire' },
  drought: { zh: '干旱', en: 'Drought' },
  snow: { zh: '冰雪', en: 'Snow and ice' },
  landslide: { zh: '地质灾害', en: 'Landslide' },
  epidemic: { zh: '公共卫生', en: 'Epidemic' },
  other: { zh: '其他', en: 'Other' },
};

/** 应急响应等级: I is the gravest. */
export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const;
export const responseLevelSchema = z.enum(RESPONSE_LEVELS, '响应等级应为 I、II、III、IV 之一');
export type ResponseLevel = z.infer<typeof responseLevelSchema>;
export const RESPONSE_LEVEL_LABELS: Record<ResponseLevel, { zh: string; en: string }> = {
  I: { zh: 'Ⅰ级响应', en: 'Level I' },
  II: { zh: 'Ⅱ级响应', en: 'Level II' },
  III: { zh: 'Ⅲ级响应', en: 'Level III' },
  IV: { zh: 'Ⅳ级响应', en: 'Level IV' },
};

export const DISASTER_EVENT_STATUSES = ['active', 'closed'] as const;
export const disasterEventStatusSchema = z.enum(DISASTER_EVENT_STATUSES);
export type DisasterEventStatus = z.infer<typeof disasterEventStatusSchema>;
export const DISASTER_EVENT_STATUS_LABELS: Record<DisasterEventStatus, { zh: string; en: string }> = {
  active: { zh: '响应中', en: 'Responding' },
  closed: { zh: '已结束', en: 'Closed' },
};

const endsAfterStart = (v: { startsOn?: string; endsOn?: string | null }) =>
  !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
const END_BEFORE_START = { message: '结束日期不能早于开始日期', path: ['endsOn'] };

const eventFields = {
  orgId: idSchema,
  name: text(100),
  type: disasterTypeSchema,
  area: text(200),
  responseLevel: responseLevelSchema,
  startsOn: dateString,
  endsOn: dateString.nullish(),
  summary: text(2000).nullish(),
};

export const createDisasterEventSchema = z.object(eventFields).refine(endsAfterStart, END_BEFORE_START);
export type CreateDisasterEventInput = z.infer<typeof createDisasterEventSchema>;

/** Anything but the society may change while the event is active (a different society is a different event). */
export const updateDisasterEventSchema = z
  .object(eventFields)
  .omit({ orgId: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容')
  .refine(endsAfterStart, END_BEFORE_START);
export type UpdateDisasterEventInput = z.infer<typeof updateDisasterEventSchema>;

/** 结束响应: the last day of the response, and the closing summary (总结) if written now. */
export const closeDisasterEventSchema = z.object({
  endsOn: dateString,
  summary: text(2000).nullish(),
});
export type CloseDisasterEventInput = z.infer<typeof closeDisasterEventSchema>;

export const listDisasterEventsQuerySchema = pageQuerySchema.extend({
  /** This society and below (events the user sees above their own society are shown too). */
  orgId: idSchema.optional(),
  type: disasterTypeSchema.optional(),
  status: disasterEventStatusSchema.optional(),
  /** Events that were under way at some time in this year. */
  year: z.coerce
    .number()
    .int()
    .min(2000, '年份应在 2000–2100 之间')
    .max(2100, '年份应在 2000–2100 之间')
    .optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListDisasterEventsQuery = z.infer<typeof listDisasterEventsQuerySchema>;

export const disasterEventSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  type: disasterTypeSchema,
  area: z.string(),
  responseLevel: responseLevelSchema,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: disasterEventStatusSchema,
  summary: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  needCount: z.number().int(),
  appealCount: z.number().int(),
  /** Whether the user may edit it, its needs and its appeals (its own society or one above holds relief:manage). */
  canManage: z.boolean(),
});
export type DisasterEvent = z.infer<typeof disasterEventSchema>;
export const disasterEventPageSchema = pageOf(disasterEventSchema);

// ---- needs list ------------------------------------------------------------------------------

const quantitySchema = z.coerce
  .number('数量应为整数')
  .int('数量应为整数')
  .min(1, '数量至少为 1')
  .max(100_000_000, '数量过大');

/** A line by catalogue item (name and unit come from the catalogue), or by a free name and unit. */
export const createDisasterNeedSchema = z
  .object({
    itemId: idSchema.nullish(),
    name: text(60).nullish(),
    unit: text(10).nullish(),
    quantity: quantitySchema,
    note: text(200).nullish(),
  })
  .refine((v) => !!v.itemId || (!!v.name && !!v.unit), {
    message: '请选择物资目录中的物资，或填写物资名称和单位',
    path: ['name'],
  });
export type CreateDisasterNeedInput = z.infer<typeof createDisasterNeedSchema>;

export const updateDisasterNeedSchema = z
  .object({ quantity: quantitySchema, note: text(200).nullable() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateDisasterNeedInput = z.infer<typeof updateDisasterNeedSchema>;

export const disasterNeedParamsSchema = z.object({ id: idSchema, needId: idSchema });

export const disasterNeedSchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  itemId: z.number().int().nullable(),
  name: z.string(),
  unit: z.string(),
  quantity: z.number().int(),
  note: z.string().nullable(),
});
export type DisasterNeed = z.infer<typeof disasterNeedSchema>;

// ---- appeals ---------------------------------------------------------------------------------

export const linkDisasterAppealSchema = z.object({ appealId: idSchema });
export type LinkDisasterAppealInput = z.infer<typeof linkDisasterAppealSchema>;
export const disasterAppealParamsSchema = z.object({ id: idSchema, appealId: idSchema });

export const disasterAppealSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  open: z.boolean(),
  targetFen: z.number().int().nullable(),
  /** Confirmed gifts of money to the appeal. */
  raisedFen: z.number().int(),
  giftCount: z.number().int(),
});
export type DisasterAppeal = z.infer<typeof disasterAppealSchema>;

/** An appeal the event could take: of its society or below, not serving any event yet. */
export const linkableAppealSchema = z.object({
  id: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  open: z.boolean(),
});
export type LinkableAppeal = z.infer<typeof linkableAppealSchema>;

/** A gift of goods made to one of the event's appeals, as the public may see its donor. */
export const disasterGoodsGiftSchema = z.object({
  id: z.number().int(),
  appealId: z.number().int(),
  appealName: z.string(),
  receivedOn: z.string(),
  donorName: z.string(),
  valueFen: z.number().int(),
  /** 'awaiting' | 'partly' | 'received' | 'rejected': how far it has been taken into stock. */
  stockStatus: z.string().nullable(),
  /** "家庭应急包 1050 个、口罩 400 盒". */
  items: z.string(),
});
export type DisasterGoodsGift = z.infer<typeof disasterGoodsGiftSchema>;

export const disasterEventDetailSchema = disasterEventSchema.extend({
  needs: z.array(disasterNeedSchema),
  appeals: z.array(disasterAppealSchema),
  raisedFen: z.number().int(),
  goodsGifts: z.array(disasterGoodsGiftSchema),
  goodsValueFen: z.number().int(),
});
export type DisasterEventDetail = z.infer<typeof disasterEventDetailSchema>;

// ---- the public page -------------------------------------------------------------------------

/** What anyone may see of an event: what was needed and what reached it, and money raised. No person appears. */
export const publicDisasterEventSchema = z.object({
  id: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  type: disasterTypeSchema,
  area: z.string(),
  responseLevel: responseLevelSchema,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: disasterEventStatusSchema,
  needs: z.array(
    z.object({
      name: z.string(),
      unit: z.string(),
      neededQty: z.number().int(),
      /** Sent on its way (shipped, including what has since been signed for). */
      shippedQty: z.number().int(),
      /** Signed for at arrival (签收). */
      signedQty: z.number().int(),
    }),
  ),
  raisedFen: z.number().int(),
  giftCount: z.number().int(),
  goodsValueFen: z.number().int(),
  appeals: z.array(z.object({ id: z.number().int(), name: z.string(), raisedFen: z.number().int() })),
});
export type PublicDisasterEvent = z.infer<typeof publicDisasterEventSchema>;
