import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { attachmentMimeSchema, ATTACHMENT_MAX_BYTES } from './goods.ts';

/**
 * Relief stock operations: stock-taking (盘点), expiry alerts (效期预警), write-offs (报废) and returns
 * (退货 / 退回入库). Every change of stock they make is a movement on the batch's stock card.
 */

type Label = { zh: string; en: string };
const quantitySchema = z
  .number('数量应为整数')
  .int('数量应为整数')
  .positive('数量应大于 0')
  .max(10_000_000, '数量过大');
/** A label code as scanned or typed (PC00000042); the server matches it case-insensitively. */
const typedBatchCode = z.string().trim().min(1, '请输入批次码').max(40, '批次码过长');

// ---- stock-taking ------------------------------------------------------------------------------

export const STOCKTAKE_STATUSES = ['counting', 'submitted', 'approved', 'rejected'] as const;
export const stocktakeStatusSchema = z.enum(STOCKTAKE_STATUSES);
export type StocktakeStatus = z.infer<typeof stocktakeStatusSchema>;
export const STOCKTAKE_STATUS_LABELS: Record<StocktakeStatus, Label> = {
  counting: { zh: '盘点中', en: 'Counting' },
  submitted: { zh: '待审批', en: 'Awaiting approval' },
  approved: { zh: '已审批', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
};

export const listStocktakesQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  warehouseId: idSchema.optional(),
  status: stocktakeStatusSchema.optional(),
});
export type ListStocktakesQuery = z.infer<typeof listStocktakesQuerySchema>;

export const stocktakeSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  warehouseId: z.number().int(),
  warehouseName: z.string(),
  status: stocktakeStatusSchema,
  startedBy: z.string(),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  lineCount: z.number().int(),
  countedCount: z.number().int(),
  /** Lines whose counted quantity differs from the snapshot. */
  varianceCount: z.number().int(),
  gainQty: z.number().int(),
  lossQty: z.number().int(),
  /** Gains minus losses, valued at each batch's unit value. */
  varianceValueFen: z.number().int(),
});
export type Stocktake = z.infer<typeof stocktakeSchema>;
export const stocktakePageSchema = pageOf(stocktakeSchema);

export const stocktakeLineSchema = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  batchCode: z.string(),
  itemId: z.number().int(),
  itemName: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  lotNo: z.string().nullable(),
  expiresOn: z.string().nullable(),
  locationCode: z.string().nullable(),
  unitValueFen: z.number().int(),
  /** On hand when counting started: what the variance is measured against. */
  systemQty: z.number().int(),
  countedQty: z.number().int().nullable(),
  /** counted − system; null until counted. */
  variance: z.number().int().nullable(),
  varianceReason: z.string().nullable(),
  /** The batch now (it may have moved during the count): a loss can only take what is free. */
  onHandNow: z.number().int(),
  reservedNow: z.number().int(),
});
export type StocktakeLine = z.infer<typeof stocktakeLineSchema>;
export const stocktakeDetailSchema = stocktakeSchema.extend({ lines: z.array(stocktakeLineSchema) });
export type StocktakeDetail = z.infer<typeof stocktakeDetailSchema>;

export const startStocktakeSchema = z.object({ warehouseId: idSchema }).strict();
export type StartStocktakeInput = z.infer<typeof startStocktakeSchema>;

export const STOCKTAKE_MAX_QTY = 10_000_000;
export const stocktakeCountSchema = z
  .object({
    lineId: idSchema.optional(),
    /** Scanned or typed instead of the line: a batch of the warehouse not on the sheet gets a line. */
    batchCode: typedBatchCode.optional(),
    countedQty: z
      .number('实盘数量应为整数')
      .int('实盘数量应为整数')
      .min(0, '实盘数量不能为负')
      .max(STOCKTAKE_MAX_QTY, '数量过大'),
    /** Why counted ≠ system (破损, 漏记出库 …); required before submitting, not while counting. */
    varianceReason: text(200).nullish(),
  })
  .strict()
  .refine((c) => (c.lineId === undefined) !== (c.batchCode === undefined), {
    message: '请指定盘点行或批次码（二选一）',
    path: ['lineId'],
  });
export type StocktakeCount = z.infer<typeof stocktakeCountSchema>;
export const recordStocktakeCountsSchema = z
  .object({ counts: z.array(stocktakeCountSchema).min(1, '没有要录入的数量').max(5000, '一次最多 5000 行') })
  .strict();
export type RecordStocktakeCountsInput = z.infer<typeof recordStocktakeCountsSchema>;

export const approveStocktakeSchema = z.object({ comment: text(500).optional() }).strict();
export const rejectStocktakeSchema = z.object({ comment: text(500) }).strict();
export type StocktakeDecisionInput = { comment?: string };

export const STOCKTAKE_SHEET_MAX_BYTES = 5 * 1024 * 1024;
export const stocktakeSheetImportSchema = z
  .object({
    fileName: text(200).refine((n) => /\.xlsx$/i.test(n), '请上传 .xlsx 文件'),
    contentBase64: z
      .string()
      .min(1, '文件为空')
      .max(Math.ceil((STOCKTAKE_SHEET_MAX_BYTES * 4) / 3), '文件不能超过 5 MB'),
  })
  .strict();
export type StocktakeSheetImportInput = z.infer<typeof stocktakeSheetImportSchema>;

export const stocktakeSheetErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  /** "第 6 行「实盘数量」：应为不小于 0 的整数", ready to show. */
  text: z.string(),
});
export const stocktakeSheetResultSchema = z.object({
  /** Rows with a batch code and a counted quantity. */
  rows: z.number().int(),
  /** Counts written; 0 when any row has an error (a sheet is taken whole or not at all). */
  applied: z.number().int(),
  errors: z.array(stocktakeSheetErrorSchema),
});
export type StocktakeSheetResult = z.infer<typeof stocktakeSheetResultSchema>;

export const stocktakeSheetQuerySchema = z.object({
  /** 盲盘: the sheet leaves out the book quantity so counters are not led by it. */
  blind: z.enum(['0', '1']).optional(),
});

/**
 * A pasted count list, one batch a line: "PC00000042 95", "PC00000042,95" or "PC00000042	95" (from a
 * spreadsheet column pair). The same code twice adds up (two shelves of one batch). Blank lines are skipped.
 */
export function parsePastedCounts(pasted: string): {
  counts: { batchCode: string; countedQty: number }[];
  errors: { line: number; text: string }[];
} {
  const sums = new Map<string, number>();
  const errors: { line: number; text: string }[] = [];
  pasted.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^([A-Za-z0-9-]{1,40})[\s,，;；:：=]+(\d{1,8})$/.exec(line);
    if (!m) {
      errors.push({ line: i + 1, text: line });
      return;
    }
    const code = m[1]!.toUpperCase();
    sums.set(code, (sums.get(code) ?? 0) + Number(m[2]));
  });
  return { counts: [...sums].map(([batchCode, countedQty]) => ({ batchCode, countedQty })), errors };
}

// ---- expiry alerts -----------------------------------------------------------------------------

/** Days ahead at which a batch counts as expiring (the list's default). */
export const RELIEF_EXPIRY_DAYS_DEFAULT = 90;
/**
 * The alert stages, most urgent last: staff are told once when a batch enters each one
 * (90 days left, 30 days left, expired), never twice for the same stage.
 */
export const EXPIRY_ALERT_STAGES = ['d90', 'd30', 'expired'] as const;
export type ExpiryAlertStage = (typeof EXPIRY_ALERT_STAGES)[number];

export const listExpiryQuerySchema = pageQuerySchema.extend({
  withinDays: z.coerce
    .number()
    .int()
    .min(0, '天数不能为负')
    .max(3650, '最多 3650 天')
    .default(RELIEF_EXPIRY_DAYS_DEFAULT),
  orgId: idSchema.optional(),
  warehouseId: idSchema.optional(),
  state: z.enum(['expired', 'expiring']).optional(),
});
export type ListExpiryQuery = z.infer<typeof listExpiryQuerySchema>;

export const expiryBatchSchema = z.object({
  batchId: z.number().int(),
  batchCode: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  warehouseId: z.number().int(),
  warehouseName: z.string(),
  itemId: z.number().int(),
  itemName: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  lotNo: z.string().nullable(),
  expiresOn: z.string(),
  /** Days from today (Shanghai) to the last valid day; negative once expired. */
  daysLeft: z.number().int(),
  expired: z.boolean(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  free: z.number().int(),
  /** Already asked to be written off and waiting for approval. */
  pendingWriteOffQty: z.number().int(),
  valueFen: z.number().int(),
});
export type ExpiryBatch = z.infer<typeof expiryBatchSchema>;
export const expiryPageSchema = pageOf(expiryBatchSchema);

// ---- write-offs and returns --------------------------------------------------------------------

export const ADJUSTMENT_KINDS = ['write_off', 'return_in', 'return_out'] as const;
export const adjustmentKindSchema = z.enum(ADJUSTMENT_KINDS);
export type AdjustmentKind = z.infer<typeof adjustmentKindSchema>;
export const ADJUSTMENT_KIND_LABELS: Record<AdjustmentKind, Label> = {
  write_off: { zh: '报废', en: 'Write-off' },
  return_in: { zh: '退回入库', en: 'Returned into stock' },
  return_out: { zh: '退货出库', en: 'Returned to supplier/donor' },
};

export const ADJUSTMENT_STATUSES = ['requested', 'approved', 'rejected', 'done'] as const;
export const adjustmentStatusSchema = z.enum(ADJUSTMENT_STATUSES);
export type AdjustmentStatus = z.infer<typeof adjustmentStatusSchema>;
export const ADJUSTMENT_STATUS_LABELS: Record<AdjustmentStatus, Label> = {
  requested: { zh: '待审批', en: 'Awaiting approval' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  done: { zh: '已办理', en: 'Done' },
};

export const WRITE_OFF_REASONS = ['expired', 'damaged', 'lost', 'other'] as const;
export const writeOffReasonSchema = z.enum(WRITE_OFF_REASONS);
export type WriteOffReason = z.infer<typeof writeOffReasonSchema>;
export const WRITE_OFF_REASON_LABELS: Record<WriteOffReason, Label> = {
  expired: { zh: '过期', en: 'Expired' },
  damaged: { zh: '损坏', en: 'Damaged' },
  lost: { zh: '丢失', en: 'Lost' },
  other: { zh: '其他', en: 'Other' },
};

export const adjustmentAttachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
});

export const adjustmentSchema = z.object({
  id: z.number().int(),
  kind: adjustmentKindSchema,
  status: adjustmentStatusSchema,
  orgId: z.number().int(),
  orgName: z.string(),
  warehouseId: z.number().int(),
  warehouseName: z.string(),
  batchId: z.number().int(),
  batchCode: z.string(),
  itemId: z.number().int(),
  itemName: z.string(),
  unit: z.string(),
  quantity: z.number().int(),
  valueFen: z.number().int(),
  /** A write-off's reason code (expired, damaged …); a return's reason in words. */
  reason: z.string(),
  note: z.string().nullable(),
  counterparty: z.string().nullable(),
  allocationId: z.number().int().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  attachments: z.array(adjustmentAttachmentSchema),
});
export type Adjustment = z.infer<typeof adjustmentSchema>;
export const adjustmentPageSchema = pageOf(adjustmentSchema);
export const adjustmentListSchema = z.array(adjustmentSchema);

export const listAdjustmentsQuerySchema = pageQuerySchema.extend({
  kind: adjustmentKindSchema.optional(),
  /** 'returns': both kinds of return (the console's 退货与退回 tab). */
  group: z.enum(['write_off', 'returns']).optional(),
  status: adjustmentStatusSchema.optional(),
  orgId: idSchema.optional(),
  warehouseId: idSchema.optional(),
  allocationId: idSchema.optional(),
});
export type ListAdjustmentsQuery = z.infer<typeof listAdjustmentsQuerySchema>;

/** One batch named by id (from a list) or by its label code (scanned or typed), not both. */
const batchRef = {
  batchId: idSchema.optional(),
  batchCode: typedBatchCode.optional(),
};
const oneBatch = (v: { batchId?: number; batchCode?: string }) =>
  (v.batchId === undefined) !== (v.batchCode === undefined);

const photoSchema = z
  .object({
    fileName: text(200).refine((s) => !/[\\/]/.test(s), '文件名不能包含路径'),
    mime: attachmentMimeSchema,
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4, '文件不能超过 10 MB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容应为 Base64 编码'),
  })
  .strict();

export const createWriteOffSchema = z
  .object({
    ...batchRef,
    quantity: quantitySchema,
    reason: writeOffReasonSchema,
    note: text(500).optional(),
    /** A photo of the damaged goods or the expiry print (JPEG, PNG or PDF). */
    photo: photoSchema.optional(),
  })
  .strict()
  .refine(oneBatch, { message: '请指定批次（列表选择或扫码）', path: ['batchCode'] })
  .refine((v) => v.reason !== 'other' || v.note !== undefined, {
    message: '原因为“其他”时请填写说明',
    path: ['note'],
  });
export type CreateWriteOffInput = z.infer<typeof createWriteOffSchema>;

export const approveWriteOffSchema = z.object({ note: text(500).optional() }).strict();
export const rejectWriteOffSchema = z.object({ note: text(500) }).strict();

export const createReturnInSchema = z
  .object({
    allocationId: idSchema,
    lines: z
      .array(z.object({ pickId: idSchema, quantity: quantitySchema }).strict())
      .min(1, '请至少填写一行退回数量')
      .max(200),
    reason: text(200),
    note: text(500).optional(),
  })
  .strict()
  .refine((v) => new Set(v.lines.map((l) => l.pickId)).size === v.lines.length, {
    message: '同一拣货行不能重复填写',
    path: ['lines'],
  });
export type CreateReturnInInput = z.infer<typeof createReturnInSchema>;

export const createReturnOutSchema = z
  .object({
    ...batchRef,
    quantity: quantitySchema,
    /** Who the goods go back to: the supplier or the donor. */
    counterparty: text(100),
    reason: text(200),
    note: text(500).optional(),
  })
  .strict()
  .refine(oneBatch, { message: '请指定批次（列表选择或扫码）', path: ['batchCode'] });
export type CreateReturnOutInput = z.infer<typeof createReturnOutSchema>;

/** What an allocation's destination may still send back, pick by pick. */
export const returnablePickSchema = z.object({
  pickId: z.number().int(),
  batchId: z.number().int(),
  batchCode: z.string(),
  itemName: z.string(),
  unit: z.string(),
  receivedQty: z.number().int(),
  returnedQty: z.number().int(),
  /** received − returned, and for a warehouse destination no more than the destination batch has free. */
  returnableQty: z.number().int(),
  destBatchId: z.number().int().nullable(),
  destBatchCode: z.string().nullable(),
});
export const returnableAllocationSchema = z.object({
  allocationId: z.number().int(),
  status: z.string(),
  destination: z.string(),
  picks: z.array(returnablePickSchema),
});
export type ReturnableAllocation = z.infer<typeof returnableAllocationSchema>;

export const adjustmentAttachmentParamsSchema = z.object({ id: idSchema, attId: idSchema });
