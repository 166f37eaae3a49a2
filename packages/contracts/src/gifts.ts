import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { fenSchema, isValidDateString } from './validators/index.ts';

const dateString = z.string().refine(isValidDateString, '日期格式应为 YYYY-MM-DD');

/** 专项 (appeal), 公募项目 (registered public fundraising project) or 冠名基金 (named fund). */
export const APPEAL_KINDS = ['appeal', 'project', 'fund'] as const;
export const appealKindSchema = z.enum(APPEAL_KINDS);
export type AppealKind = z.infer<typeof appealKindSchema>;
export const APPEAL_KIND_LABELS: Record<AppealKind, { zh: string; en: string }> = {
  appeal: { zh: '专项募捐', en: 'Appeal' },
  project: { zh: '公募项目', en: 'Fundraising project' },
  fund: { zh: '冠名基金', en: 'Named fund' },
};

export const appealSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: appealKindSchema,
  name: z.string(),
  filingNo: z.string().nullable(),
  targetFen: z.number().int().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  open: z.boolean(),
  receivedFen: z.number().int(),
  giftCount: z.number().int(),
  createdAt: z.string(),
});
export type Appeal = z.infer<typeof appealSchema>;

export const createAppealSchema = z
  .object({
    orgId: idSchema,
    kind: appealKindSchema,
    name: text(100),
    /** 慈善中国 filing number, required for a public fundraising project. */
    filingNo: text(50).nullish(),
    targetFen: fenSchema.positive().nullish(),
    startsOn: dateString.nullish(),
    endsOn: dateString.nullish(),
  })
  .strict()
  .refine((a) => a.kind !== 'project' || !!a.filingNo, {
    message: '公募项目须填写备案编号',
    path: ['filingNo'],
  })
  .refine((a) => !a.startsOn || !a.endsOn || a.startsOn <= a.endsOn, {
    message: '结束日期不能早于开始日期',
    path: ['endsOn'],
  });
export const appealListSchema = z.object({ items: z.array(appealSchema) });
export const listAppealsQuerySchema = z.object({
  orgId: idSchema.optional(),
  open: z.enum(['true', 'false']).optional(),
});

/** How money arrived. */
export const GIFT_CHANNELS = ['bank', 'cash', 'online', 'scan', 'platform', 'goods'] as const;
export const giftChannelSchema = z.enum(GIFT_CHANNELS);
export type GiftChannel = z.infer<typeof giftChannelSchema>;
export const GIFT_CHANNEL_LABELS: Record<GiftChannel, { zh: string; en: string }> = {
  bank: { zh: '银行转账', en: 'Bank transfer' },
  cash: { zh: '现金', en: 'Cash' },
  online: { zh: '网上支付', en: 'Online payment' },
  scan: { zh: '扫码捐赠', en: 'Scan to donate' },
  platform: { zh: '第三方平台（如 99 公益日）', en: 'Third-party platform' },
  goods: { zh: '实物交付', en: 'Goods delivered' },
};
/** Channels staff may pick for a gift of money. */
export const MONEY_CHANNELS = ['bank', 'cash', 'online', 'scan', 'platform'] as const;
export const moneyChannelSchema = z.enum(MONEY_CHANNELS);
export type MoneyChannel = z.infer<typeof moneyChannelSchema>;

/** Money, or goods valued in fen (item lines). */
export const GIFT_FORMS = ['money', 'goods'] as const;
export const giftFormSchema = z.enum(GIFT_FORMS);
export type GiftForm = z.infer<typeof giftFormSchema>;
export const GIFT_FORM_LABELS: Record<GiftForm, { zh: string; en: string }> = {
  money: { zh: '资金', en: 'Money' },
  goods: { zh: '物资', en: 'Goods' },
};
/** Where a gift of goods stands with the relief module's stock: 待入库 until it is received into a warehouse. */
export const GIFT_STOCK_STATUSES = ['awaiting', 'partly', 'received', 'rejected'] as const;
export const giftStockStatusSchema = z.enum(GIFT_STOCK_STATUSES);
export type GiftStockStatus = z.infer<typeof giftStockStatusSchema>;
export const GIFT_STOCK_STATUS_LABELS: Record<GiftStockStatus, { zh: string; en: string }> = {
  awaiting: { zh: '待入库', en: 'Awaiting stock receipt' },
  partly: { zh: '部分入库', en: 'Partly in stock' },
  received: { zh: '已入库', en: 'In stock' },
  rejected: { zh: '拒收', en: 'Rejected' },
};
/** A gift that should not have been recorded is cancelled, never deleted (its receipt is voided). */
export const GIFT_STATUSES = ['confirmed', 'cancelled'] as const;
export const giftStatusSchema = z.enum(GIFT_STATUSES);
export type GiftStatus = z.infer<typeof giftStatusSchema>;

export const giftSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  donorId: z.number().int(),
  donorName: z.string(),
  donorPublicName: z.string(),
  channel: giftChannelSchema,
  amountFen: z.number().int(),
  receivedOn: z.string(),
  appealId: z.number().int().nullable(),
  appealName: z.string().nullable(),
  /** A named purpose or recipient the donor's intent binds the use to (定向). */
  purpose: z.string().nullable(),
  form: giftFormSchema,
  /** Goods only (null for money). */
  stockStatus: giftStockStatusSchema.nullable(),
  status: giftStatusSchema,
  /** The live receipt; '' for the moment between recording and the receipt desk's run. */
  receiptNo: z.string(),
  createdAt: z.string(),
});
export type Gift = z.infer<typeof giftSchema>;

export const createGiftSchema = z
  .object({
    orgId: idSchema,
    donorId: idSchema,
    channel: moneyChannelSchema,
    amountFen: fenSchema.positive('金额必须大于 0'),
    receivedOn: dateString,
    appealId: idSchema.nullish(),
    purpose: text(200).nullish(),
  })
  .strict();
export type CreateGiftInput = z.infer<typeof createGiftSchema>;

export const listGiftsQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  appealId: idSchema.optional(),
  donorId: idSchema.optional(),
  channel: giftChannelSchema.optional(),
  form: giftFormSchema.optional(),
  stockStatus: giftStockStatusSchema.optional(),
  from: dateString.optional(),
  to: dateString.optional(),
  /** Exact receipt number. */
  receiptNo: z.string().trim().max(30).optional(),
});
export const giftPageSchema = pageOf(giftSchema).extend({ totalFen: z.number().int() });

/** 冲红 and 撤销 both need a reason; it is kept on the voided receipt and in the audit trail. */
export const voidReasonSchema = z.object({ reason: text(200) }).strict();

/** Every receipt a gift ever had, live or voided, newest first. */
export const giftReceiptSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  status: z.enum(['issued', 'voided']),
  amountFen: z.number().int(),
  issuedAt: z.string(),
  replacesNumber: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  voidedBy: z.string().nullable(),
});
export type GiftReceipt = z.infer<typeof giftReceiptSchema>;
export const giftReceiptListSchema = z.object({ items: z.array(giftReceiptSchema) });

/** What anyone holding a receipt (or its QR code) may check: never the donor's identity beyond the public name. */
export const publicReceiptSchema = z.object({
  number: z.string(),
  status: z.enum(['issued', 'voided']),
  issuedOn: z.string(),
  amountFen: z.number().int(),
  orgName: z.string(),
  donorPublicName: z.string(),
  designation: z.string().nullable(),
  receivedOn: z.string(),
  /** For a voided receipt: the number issued in its place, if the gift stands. */
  replacedBy: z.string().nullable(),
});
export type PublicReceipt = z.infer<typeof publicReceiptSchema>;
export const receiptNumberParamsSchema = z.object({
  number: z.string().regex(/^\d{14}$/, '票据号码应为 14 位数字'),
});
