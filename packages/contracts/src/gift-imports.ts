import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';

/** 银行到账明细 (a bank statement) or a fundraising platform's export (99公益日, 腾讯公益, 支付宝公益 …). */
export const GIFT_IMPORT_SOURCES = ['bank', 'platform'] as const;
export const giftImportSourceSchema = z.enum(GIFT_IMPORT_SOURCES);
export type GiftImportSource = z.infer<typeof giftImportSourceSchema>;
export const GIFT_IMPORT_SOURCE_LABELS: Record<GiftImportSource, { zh: string; en: string }> = {
  bank: { zh: '银行到账明细', en: 'Bank statement' },
  platform: { zh: '公益平台导出', en: 'Platform export' },
};

export const GIFT_IMPORT_STATUSES = ['previewed', 'committed'] as const;
export const giftImportStatusSchema = z.enum(GIFT_IMPORT_STATUSES);
export type GiftImportStatus = z.infer<typeof giftImportStatusSchema>;
export const GIFT_IMPORT_STATUS_LABELS: Record<GiftImportStatus, { zh: string; en: string }> = {
  previewed: { zh: '待确认', en: 'Previewed' },
  committed: { zh: '已导入', en: 'Imported' },
};

/** The largest file accepted: a year of a busy account's statement fits easily. */
export const GIFT_IMPORT_MAX_BYTES = 15 * 1024 * 1024;
/** Base64 takes 4 characters for every 3 bytes. */
const MAX_BASE64_CHARS = Math.ceil(GIFT_IMPORT_MAX_BYTES / 3) * 4;

export const createGiftImportSchema = z
  .object({
    orgId: idSchema,
    source: giftImportSourceSchema,
    fileName: text(200).refine((n) => /\.(xlsx|csv)$/i.test(n), {
      message: '仅支持 .xlsx 或 .csv 文件（.xls 请先另存为 .xlsx）',
    }),
    contentBase64: z
      .string()
      .min(1, '文件为空')
      .max(MAX_BASE64_CHARS, '文件不能超过 15 MB，请按月份分开导出后分批导入')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是有效的 Base64 编码'),
    /** Designates every row of the file to this appeal of the same society. */
    appealId: idSchema.nullish(),
  })
  .strict();
export type CreateGiftImportInput = z.infer<typeof createGiftImportSchema>;

/** One row of the file that will become a gift. */
export const giftImportRowSchema = z.object({
  /** The row number as shown by Excel (header and title rows counted). */
  row: z.number().int(),
  receivedOn: z.string(),
  amountFen: z.number().int(),
  /** 对方户名 / 捐赠人; '' for a platform donor who left it blank. */
  payer: z.string(),
  /** 对方账号 (bank only). */
  account: z.string(),
  /** Bank serial number or platform order number as written in the file ('' when absent). */
  reference: z.string(),
  /** 摘要/附言/用途, or the platform's 留言. */
  memo: z.string(),
  /** 项目名称 of a platform export. */
  project: z.string(),
  /** What makes the row one gift however often it is imported: the reference, or a fingerprint. */
  externalRef: z.string(),
  /** How the donor will be recorded. */
  donorKind: z.enum(['person', 'enterprise', 'anonymous']),
  /** Already imported before (by this or another file): committing skips it. */
  duplicate: z.boolean(),
});
export type GiftImportRow = z.infer<typeof giftImportRowSchema>;

/** A row that cannot be imported: 第 12 行「贷方金额」：金额格式不正确. */
export const giftImportErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
  /** The whole sentence, as shown to staff. */
  text: z.string(),
});
export type GiftImportError = z.infer<typeof giftImportErrorSchema>;

export const giftImportSummarySchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  source: giftImportSourceSchema,
  fileName: z.string(),
  status: giftImportStatusSchema,
  appealId: z.number().int().nullable(),
  appealName: z.string().nullable(),
  /** Data rows of the file (blank and 合计 lines left out), debit rows included. */
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  /** 借方 (outgoing) rows of a bank statement: not gifts, skipped. */
  debitRows: z.number().int(),
  /** Valid rows already imported before; at commit, the ones actually skipped. */
  duplicates: z.number().int(),
  /** Valid rows of the preview's total amount in fen (duplicates included). */
  validFen: z.number().int(),
  createdGifts: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type GiftImportSummary = z.infer<typeof giftImportSummarySchema>;

/** How many valid rows a preview carries back for a look; the rest are imported all the same. */
export const GIFT_IMPORT_SAMPLE_SIZE = 200;

export const giftImportSchema = giftImportSummarySchema.extend({
  errors: z.array(giftImportErrorSchema),
  /** The first valid rows (up to GIFT_IMPORT_SAMPLE_SIZE). */
  sample: z.array(giftImportRowSchema),
});
export type GiftImport = z.infer<typeof giftImportSchema>;

export const giftImportCommitSchema = z.object({
  import: giftImportSchema,
  /** True when the import had already been committed: this call changed nothing. */
  alreadyCommitted: z.boolean(),
});
export type GiftImportCommit = z.infer<typeof giftImportCommitSchema>;

export const listGiftImportsQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  source: giftImportSourceSchema.optional(),
  status: giftImportStatusSchema.optional(),
});
export const giftImportPageSchema = pageOf(giftImportSummarySchema);

export const giftImportTemplateQuerySchema = z.object({ source: giftImportSourceSchema });
