import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { fenSchema, isValidDateString } from './validators/index.ts';

const dateString = z.string().refine(isValidDateString, '日期格式应为 YYYY-MM-DD');

/**
 * A request reserves its amount at once (pending), is approved (paid) or rejected by someone else
 * (四眼原则), and may be cancelled: pending by its requester or an approver, approved by an approver.
 */
export const DISBURSEMENT_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export const disbursementStatusSchema = z.enum(DISBURSEMENT_STATUSES);
export type DisbursementStatus = z.infer<typeof disbursementStatusSchema>;
export const DISBURSEMENT_STATUS_LABELS: Record<DisbursementStatus, { zh: string; en: string }> = {
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '已拨付', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

/** Which 资金池 money comes from: an appeal's, one designated (定向) gift's, or the society's general funds. */
export const FUND_SOURCES = ['appeal', 'gift', 'general'] as const;
export const fundSourceSchema = z.enum(FUND_SOURCES);
export type FundSource = z.infer<typeof fundSourceSchema>;
export const FUND_SOURCE_LABELS: Record<FundSource, { zh: string; en: string }> = {
  appeal: { zh: '项目资金', en: 'Appeal funds' },
  gift: { zh: '定向捐赠', en: 'Designated gift' },
  general: { zh: '非定向资金', en: 'General funds' },
};

export const disbursementSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  source: fundSourceSchema,
  appealId: z.number().int().nullable(),
  appealName: z.string().nullable(),
  giftId: z.number().int().nullable(),
  /** The designated gift's receipt number, to find it on paper. */
  giftReceiptNo: z.string().nullable(),
  amountFen: z.number().int(),
  purpose: z.string(),
  recipientOrgId: z.number().int().nullable(),
  recipientOrgName: z.string().nullable(),
  recipientName: z.string().nullable(),
  aidBatchRef: z.string().nullable(),
  status: disbursementStatusSchema,
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  paidOn: z.string().nullable(),
});
export type Disbursement = z.infer<typeof disbursementSchema>;

export const createDisbursementSchema = z
  .object({
    orgId: idSchema,
    /** The source: an appeal, or a designated gift; neither = the society's general funds. */
    appealId: idSchema.nullish(),
    giftId: idSchema.nullish(),
    amountFen: fenSchema.positive('金额必须大于 0'),
    /** For a designated gift: exactly the gift's purpose (the donor's intent binds the use). */
    purpose: text(200),
    recipientOrgId: idSchema.nullish(),
    recipientName: text(100).nullish(),
    /** 救灾/救助批次号 of the relief operation the money goes to, if any. */
    aidBatchRef: text(50).nullish(),
  })
  .strict()
  .refine((d) => !(d.appealId && d.giftId), {
    message: '资金来源只能选一个：项目或定向捐赠',
    path: ['giftId'],
  })
  .refine((d) => !!d.recipientOrgId || !!d.recipientName, {
    message: '请填写拨付对象：下级红十字会或受助单位/个人',
    path: ['recipientName'],
  });
export type CreateDisbursementInput = z.infer<typeof createDisbursementSchema>;

export const approveDisbursementSchema = z
  .object({
    /** The day the money was paid out; today (Shanghai) when omitted. */
    paidOn: dateString.optional(),
    note: text(200).optional(),
  })
  .strict();
export const rejectDisbursementSchema = z.object({ note: text(200) }).strict();
export const cancelDisbursementSchema = z.object({ reason: text(200) }).strict();

export const listDisbursementsQuerySchema = pageQuerySchema.extend({
  /** The society and everything below it. */
  orgId: idSchema.optional(),
  status: disbursementStatusSchema.optional(),
  source: fundSourceSchema.optional(),
  appealId: idSchema.optional(),
  giftId: idSchema.optional(),
  /** Request date range (Shanghai dates, inclusive). */
  from: dateString.optional(),
  to: dateString.optional(),
});
export type ListDisbursementsQuery = z.infer<typeof listDisbursementsQuerySchema>;

export const disbursementPageSchema = pageOf(disbursementSchema).extend({
  /** Sums over the whole filter, in fen, by status. */
  totals: z.object({
    pendingFen: z.number().int(),
    approvedFen: z.number().int(),
    rejectedFen: z.number().int(),
    cancelledFen: z.number().int(),
  }),
});

export const fundBalanceSchema = z.object({
  source: fundSourceSchema,
  orgId: z.number().int(),
  appealId: z.number().int().nullable(),
  giftId: z.number().int().nullable(),
  /** Appeal name, the designated gift's purpose, or 非定向资金. */
  name: z.string(),
  /** For a designated gift: its receipt number and the donor's public name. */
  giftReceiptNo: z.string().nullable(),
  donorPublicName: z.string().nullable(),
  receivedFen: z.number().int(),
  /** Pending requests: reserved, not yet paid. */
  reservedFen: z.number().int(),
  /** Approved disbursements: paid out. */
  spentFen: z.number().int(),
  balanceFen: z.number().int(),
});
export type FundBalanceRow = z.infer<typeof fundBalanceSchema>;
export const fundBalancesQuerySchema = z.object({ orgId: idSchema });
export const fundBalanceListSchema = z.object({ items: z.array(fundBalanceSchema) });
