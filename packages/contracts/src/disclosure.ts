import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema } from './common.ts';
import { giftFormSchema } from './gifts.ts';
import { isValidDateString } from './validators/index.ts';

const dateString = z.string().refine(isValidDateString, '日期格式应为 YYYY-MM-DD');

/**
 * 一天一公示. A batch is one society's publication for one Shanghai day; once published neither it nor
 * its lines ever change. A line is a gift received, a disbursement approved, or a reversal (冲减) of
 * an earlier line whose gift or disbursement was cancelled (negative amount, pointing at that line).
 */
export const DISCLOSURE_LINE_KINDS = ['gift', 'disbursement', 'reversal'] as const;
export const disclosureLineKindSchema = z.enum(DISCLOSURE_LINE_KINDS);
export type DisclosureLineKind = z.infer<typeof disclosureLineKindSchema>;
export const DISCLOSURE_LINE_KIND_LABELS: Record<DisclosureLineKind, { zh: string; en: string }> = {
  gift: { zh: '接收捐赠', en: 'Gift received' },
  disbursement: { zh: '拨付使用', en: 'Disbursement' },
  reversal: { zh: '冲减更正', en: 'Reversal' },
};

/**
 * One line as the public sees it. Never a donor id, phone fragment or anything else that would link
 * an unnamed giver's gifts together: only the public name (full, 张*三 or 爱心人士).
 */
export const disclosureDraftLineSchema = z.object({
  lineNo: z.number().int(),
  kind: disclosureLineKindSchema,
  occurredOn: z.string(),
  /** Gift: the donor's public name. Disbursement: the recipient society or purpose. */
  publicName: z.string(),
  form: giftFormSchema,
  /** Fen; negative on a reversal. Goods at their valuation. */
  amountFen: z.number().int(),
  appealId: z.number().int().nullable(),
  /** The appeal or 定向 purpose the money is bound to; null = not designated. */
  designation: z.string().nullable(),
  receiptNo: z.string().nullable(),
  note: z.string().nullable(),
  /** A reversal: the kind, day and line number of the line it reverses. */
  reverses: z
    .object({
      lineId: z.number().int(),
      kind: z.enum(['gift', 'disbursement']),
      day: z.string(),
      lineNo: z.number().int(),
    })
    .nullable(),
});
export type DisclosureDraftLine = z.infer<typeof disclosureDraftLineSchema>;

export const disclosureLineSchema = disclosureDraftLineSchema.extend({
  id: z.number().int(),
  batchId: z.number().int(),
  day: z.string(),
});
export type DisclosureLine = z.infer<typeof disclosureLineSchema>;

export const disclosureTotalsSchema = z.object({
  giftCount: z.number().int(),
  giftFen: z.number().int(),
  disbursementCount: z.number().int(),
  disbursementFen: z.number().int(),
  reversalCount: z.number().int(),
  /** Sum of the reversal lines (≤ 0). */
  reversalFen: z.number().int(),
});
export type DisclosureTotals = z.infer<typeof disclosureTotalsSchema>;

export const publicDisclosureBatchSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  day: z.string(),
  giftCount: z.number().int(),
  giftFen: z.number().int(),
  disbursementCount: z.number().int(),
  disbursementFen: z.number().int(),
  reversalCount: z.number().int(),
  /** Published by the hourly job rather than by a person. */
  automatic: z.boolean(),
  publishedAt: z.string(),
});
export type PublicDisclosureBatch = z.infer<typeof publicDisclosureBatchSchema>;

/** As staff see a batch: who published it too. */
export const disclosureBatchSchema = publicDisclosureBatchSchema.extend({ publishedBy: z.string() });
export type DisclosureBatch = z.infer<typeof disclosureBatchSchema>;
export const disclosureBatchPageSchema = pageOf(disclosureBatchSchema);
export const disclosureBatchDetailSchema = z.object({
  batch: disclosureBatchSchema,
  lines: z.array(disclosureLineSchema),
});
export type DisclosureBatchDetail = z.infer<typeof disclosureBatchDetailSchema>;

export const disclosureDayQuerySchema = z.object({ orgId: idSchema, day: dateString });
export const publishDisclosureSchema = z.object({ orgId: idSchema, day: dateString }).strict();
export type PublishDisclosureInput = z.infer<typeof publishDisclosureSchema>;

/** What publishing this society's day would write now (publishing is what makes it final). */
export const disclosurePreviewSchema = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  day: z.string(),
  /** The day's batch when it is already published (then nothing more can be published for that day). */
  publishedBatchId: z.number().int().nullable(),
  totals: disclosureTotalsSchema,
  lines: z.array(disclosureDraftLineSchema),
});
export type DisclosurePreview = z.infer<typeof disclosurePreviewSchema>;

export const listDisclosureBatchesQuerySchema = pageQuerySchema.extend({
  /** Batches of exactly this society (a batch is a society's own, never its subtree's). */
  orgId: idSchema.optional(),
  from: dateString.optional(),
  to: dateString.optional(),
});

// ——— public (no login): everything comes from published lines only ———

export const publicOrgParamsSchema = z.object({ orgId: idSchema });
export const appealDisclosureParamsSchema = z.object({ appealId: idSchema });

/** Received and spent as published: reversals already subtracted. Goods are counted apart from money. */
export const publicFundsSchema = z.object({
  receivedFen: z.number().int(),
  goodsFen: z.number().int(),
  giftCount: z.number().int(),
  spentFen: z.number().int(),
  disbursementCount: z.number().int(),
  /** Money received minus money spent. */
  balanceFen: z.number().int(),
});
export type PublicFunds = z.infer<typeof publicFundsSchema>;

export const publicDisclosureOrgSchema = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  lastDay: z.string().nullable(),
  funds: publicFundsSchema,
  batches: pageOf(publicDisclosureBatchSchema),
});
export type PublicDisclosureOrg = z.infer<typeof publicDisclosureOrgSchema>;

/** The societies that publish, for the public to pick one (in tree order). */
export const publicDisclosureOrgListSchema = pageOf(
  z.object({
    orgId: z.number().int(),
    orgName: z.string(),
    lastDay: z.string(),
    receivedFen: z.number().int(),
    spentFen: z.number().int(),
  }),
);
export type PublicDisclosureOrgList = z.infer<typeof publicDisclosureOrgListSchema>;

export const publicLinePageSchema = pageOf(disclosureLineSchema);
export type PublicLinePage = z.infer<typeof publicLinePageSchema>;

export const publicBatchSchema = z.object({
  batch: publicDisclosureBatchSchema,
  lines: publicLinePageSchema,
});
export type PublicBatch = z.infer<typeof publicBatchSchema>;

/** Which list of an appeal page: its gifts or its disbursements (each with their reversals). */
export const appealDisclosureQuerySchema = pageQuerySchema.extend({
  list: z.enum(['gift', 'disbursement']).default('gift'),
});
export const appealDisclosureSchema = z.object({
  appealId: z.number().int(),
  name: z.string(),
  kind: z.enum(['appeal', 'project', 'fund']),
  filingNo: z.string().nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  targetFen: z.number().int().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  open: z.boolean(),
  funds: publicFundsSchema,
  lines: publicLinePageSchema,
});
export type AppealDisclosure = z.infer<typeof appealDisclosureSchema>;

export const publicSearchQuerySchema = pageQuerySchema.extend({
  orgId: idSchema,
  /** A public name (or part of one), or a receipt number — a voided and reissued receipt by either number. */
  q: z.string().trim().min(1).max(50),
});

export const HONOUR_ROLL_SECTIONS = ['named', 'unnamed'] as const;
export const honourRollQuerySchema = pageQuerySchema.extend({
  orgId: idSchema,
  /** named: enterprises and consenting persons, totalled by name; unnamed: every other gift on its own. */
  section: z.enum(HONOUR_ROLL_SECTIONS).default('named'),
});
/** One honour-roll entry. Unnamed givers are never totalled: their entries are single gifts. */
export const honourEntrySchema = z.object({
  publicName: z.string(),
  amountFen: z.number().int(),
  giftCount: z.number().int(),
  /** The (latest) day given. */
  lastOn: z.string(),
});
export type HonourEntry = z.infer<typeof honourEntrySchema>;
export const honourRollSchema = pageOf(honourEntrySchema).extend({
  section: z.enum(HONOUR_ROLL_SECTIONS),
  orgName: z.string(),
});
export type HonourRoll = z.infer<typeof honourRollSchema>;
