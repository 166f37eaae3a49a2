import { z } from 'zod';
import { idSchema } from './common.ts';
import { giftFormSchema } from './gifts.ts';
import { isValidDateString } from './validators/index.ts';

const dateString = z.string().refine(isValidDateString, '日期格式应为 YYYY-MM-DD');

/** How a donations report is broken down: 按月 / 按方式 / 按定向 / 按下级组织. */
export const REPORT_GROUPINGS = ['month', 'channel', 'designation', 'org'] as const;
export const reportGroupingSchema = z.enum(REPORT_GROUPINGS);
export type ReportGrouping = z.infer<typeof reportGroupingSchema>;
export const REPORT_GROUPING_LABELS: Record<ReportGrouping, { zh: string; en: string }> = {
  month: { zh: '按月份', en: 'By month' },
  channel: { zh: '按捐赠方式', en: 'By channel' },
  designation: { zh: '按定向用途', en: 'By designation' },
  org: { zh: '按下级组织', en: 'By society' },
};

export const donationReportQuerySchema = z
  .object({
    /** The society whose subtree is reported (its own gifts and those of every society below). */
    orgId: idSchema,
    groupBy: reportGroupingSchema.default('month'),
    form: giftFormSchema.default('money'),
    from: dateString.optional(),
    to: dateString.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] });
export type DonationReportQuery = z.infer<typeof donationReportQuerySchema>;

export const donationReportRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  giftCount: z.number().int(),
  amountFen: z.number().int(),
});
export const donationReportSchema = z.object({
  rows: z.array(donationReportRowSchema),
  giftCount: z.number().int(),
  amountFen: z.number().int(),
});
export type DonationReport = z.infer<typeof donationReportSchema>;
