import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { reliefBatchSchema } from './relief-stock.ts';

/**
 * 调拨单: goods leave a warehouse for another warehouse (any level), a disaster event, a society or an
 * aid batch. requested → approved (every level) → picked by scanning → shipped → signed at arrival;
 * rejected or cancelled end it and give back what it had reserved.
 */
export const ALLOCATION_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'shipped',
  'signed',
  'cancelled',
] as const;
export const allocationStatusSchema = z.enum(ALLOCATION_STATUSES);
export type AllocationStatus = z.infer<typeof allocationStatusSchema>;
export const ALLOCATION_STATUS_LABELS: Record<AllocationStatus, { zh: string; en: string }> = {
  requested: { zh: '待审批', en: 'Awaiting approval' },
  approved: { zh: '待发运', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  shipped: { zh: '已发运', en: 'Shipped' },
  signed: { zh: '已签收', en: 'Signed for' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

export const ALLOCATION_DESTINATIONS = ['warehouse', 'event', 'org', 'aid'] as const;
export const allocationDestinationSchema = z.enum(ALLOCATION_DESTINATIONS);
export type AllocationDestination = z.infer<typeof allocationDestinationSchema>;
export const ALLOCATION_DESTINATION_LABELS: Record<AllocationDestination, { zh: string; en: string }> = {
  warehouse: { zh: '调往仓库', en: 'To a warehouse' },
  event: { zh: '发往灾害事件', en: 'To a disaster event' },
  org: { zh: '拨给红十字会', en: 'To a society' },
  aid: { zh: '用于救助批次', en: 'To an aid batch' },
};

/** At or above this value (¥100,000) an allocation also needs the shipping society's parent's approval. */
export const ALLOCATION_TWO_LEVEL_FEN = 10_000_000;
export const ALLOCATION_MAX_LINES = 50;
export const ALLOCATION_PHOTO_MIMES = ['image/jpeg', 'image/png'] as const;
export const ALLOCATION_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const PHOTO_MAX_BASE64 = Math.ceil(ALLOCATION_PHOTO_MAX_BYTES / 3) * 4;
/** Labels applied in one bulk scan. */
export const SCAN_MAX_CODES = 500;

const quantitySchema = z
  .number('数量应为整数')
  .int('数量应为整数')
  .positive('数量必须大于 0')
  .max(10_000_000, '数量过大');

export const allocationLineInputSchema = z
  .object({
    itemId: idSchema,
    quantity: quantitySchema,
    /** Take the whole line from this batch; otherwise earliest expiry first (FEFO). */
    batchId: idSchema.nullish(),
  })
  .strict();

export const createAllocationSchema = z
  .object({
    fromWarehouseId: idSchema,
    destination: allocationDestinationSchema,
    toWarehouseId: idSchema.nullish(),
    /** 'org': the receiving society. 'aid': the society handing the aid out (default: the requester). */
    toOrgId: idSchema.nullish(),
    /** Required for 'event'; with any other destination it links the allocation to the event. */
    eventId: idSchema.nullish(),
    aidBatchRef: text(50).nullish(),
    purpose: text(200),
    /** The society asking (default: the source warehouse's); a society below it may ask for itself. */
    requestedByOrgId: idSchema.nullish(),
    lines: z
      .array(allocationLineInputSchema)
      .min(1, '请至少填写一种物资')
      .max(ALLOCATION_MAX_LINES, `一张调拨单最多 ${ALLOCATION_MAX_LINES} 种物资`),
  })
  .strict()
  .superRefine((d, ctx) => {
    const need = {
      warehouse: 'toWarehouseId',
      event: 'eventId',
      org: 'toOrgId',
      aid: 'aidBatchRef',
    } as const;
    const field = need[d.destination];
    if (!d[field]) ctx.addIssue({ code: 'custom', path: [field], message: '请选择调拨去向' });
    const seen = new Set<number>();
    d.lines.forEach((l, i) => {
      if (seen.has(l.itemId))
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'itemId'], message: '同一物资只能填一行' });
      seen.add(l.itemId);
    });
  });
export type CreateAllocationInput = z.infer<typeof createAllocationSchema>;

export const approveAllocationSchema = z.object({ comment: text(200).optional() }).strict();
export const rejectAllocationSchema = z.object({ comment: text(200) }).strict();
export const cancelAllocationSchema = z.object({ reason: text(200) }).strict();
export const shipAllocationSchema = z
  .object({ carrier: text(100), trackingNo: text(100).optional(), note: text(200).optional() })
  .strict();
export type ShipAllocationInput = z.infer<typeof shipAllocationSchema>;

export const allocationPhotoSchema = z
  .object({
    fileName: text(200),
    mime: z.enum(ALLOCATION_PHOTO_MIMES, '只接受 JPEG、PNG 照片'),
    contentBase64: z.string().min(1, '文件为空').max(PHOTO_MAX_BASE64, '照片不能超过 5 MB'),
  })
  .strict();
export type AllocationPhotoInput = z.infer<typeof allocationPhotoSchema>;

export const signAllocationSchema = z
  .object({
    signerName: text(50),
    /** Received quantity per pick; a pick left out was received in full. */
    picks: z
      .array(
        z
          .object({
            pickId: idSchema,
            receivedQty: z.number('数量应为整数').int('数量应为整数').min(0, '数量不能为负').max(10_000_000),
          })
          .strict(),
      )
      .max(500)
      .optional(),
    /** Required when any received quantity differs from what was shipped. */
    note: text(500).optional(),
    photo: allocationPhotoSchema.optional(),
  })
  .strict();
export type SignAllocationInput = z.infer<typeof signAllocationSchema>;

export const ALLOCATION_SCAN_TASKS = ['pick', 'ship', 'sign'] as const;
export const allocationScanTaskSchema = z.enum(ALLOCATION_SCAN_TASKS);
export type AllocationScanTask = z.infer<typeof allocationScanTaskSchema>;

/** A label's code as typed or decoded: PC + digits, any case, surrounding spaces ignored. */
export const scanCodeSchema = z
  .string()
  .trim()
  .min(1, '请输入标签编码')
  .max(40, '标签编码过长')
  .regex(/^[A-Za-z0-9-]+$/, '标签编码只能包含字母、数字和 -');

export const allocationScanSchema = z
  .object({
    task: allocationScanTaskSchema,
    items: z
      .array(
        z
          .object({
            code: scanCodeSchema,
            /** Picking only: a partial quantity counted from this batch (default: all it should give). */
            quantity: quantitySchema.optional(),
          })
          .strict(),
      )
      .min(1, '请至少扫描一个标签')
      .max(SCAN_MAX_CODES, `一次最多 ${SCAN_MAX_CODES} 个标签`),
  })
  .strict();
export type AllocationScanInput = z.infer<typeof allocationScanSchema>;

export const scanLookupSchema = z
  .object({
    codes: z
      .array(scanCodeSchema)
      .min(1, '请至少扫描一个标签')
      .max(SCAN_MAX_CODES, `一次最多 ${SCAN_MAX_CODES} 个标签`),
  })
  .strict();
export type ScanLookupInput = z.infer<typeof scanLookupSchema>;

export const scanResultSchema = z.object({
  /** The code as sent. */
  code: z.string(),
  ok: z.boolean(),
  errorCode: z.string().nullable(),
  /** What happened, ready to show: "已拣 100/100 箱" or the error's message. */
  message: z.string(),
  /** The batch the label names (when it was found). */
  batch: reliefBatchSchema.nullable(),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

export const scanLookupAnswerSchema = z.object({ results: z.array(scanResultSchema) });
export type ScanLookupAnswer = z.infer<typeof scanLookupAnswerSchema>;

export const listAllocationsQuerySchema = pageQuerySchema.extend({
  status: allocationStatusSchema.optional(),
  /** out: shipped from the societies I manage; in: coming to them (or asked by them). */
  direction: z.enum(['out', 'in']).optional(),
  eventId: idSchema.optional(),
  warehouseId: idSchema.optional(),
  /** The society and everything below it, on either side. */
  orgId: idSchema.optional(),
});
export type ListAllocationsQuery = z.infer<typeof listAllocationsQuerySchema>;

export const allocationSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  fromWarehouseId: z.number().int(),
  fromWarehouseName: z.string(),
  destination: allocationDestinationSchema,
  toWarehouseId: z.number().int().nullable(),
  toWarehouseName: z.string().nullable(),
  /** The receiving society (for a warehouse: its society; for an event: the event's). */
  toOrgId: z.number().int().nullable(),
  toOrgName: z.string().nullable(),
  eventId: z.number().int().nullable(),
  eventName: z.string().nullable(),
  aidBatchRef: z.string().nullable(),
  /** "梁溪区应急物资库（梁溪区红十字会）", "灾害事件：…", ready to show. */
  destinationLabel: z.string(),
  purpose: z.string(),
  status: allocationStatusSchema,
  approvalsNeeded: z.number().int(),
  approvalsGiven: z.number().int(),
  valueFen: z.number().int(),
  totalQty: z.number().int(),
  pickedQty: z.number().int(),
  requestedByOrgId: z.number().int(),
  requestedByOrgName: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  shippedAt: z.string().nullable(),
  shippedBy: z.string().nullable(),
  signedAt: z.string().nullable(),
  signerName: z.string().nullable(),
  signNote: z.string().nullable(),
  closedReason: z.string().nullable(),
});
export type Allocation = z.infer<typeof allocationSchema>;
export const allocationPageSchema = pageOf(allocationSchema);

export const allocationLineSchema = z.object({
  id: z.number().int(),
  itemId: z.number().int(),
  itemName: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  quantity: z.number().int(),
  pickedQty: z.number().int(),
  receivedQty: z.number().int().nullable(),
});

export const allocationPickSchema = z.object({
  id: z.number().int(),
  lineId: z.number().int(),
  itemId: z.number().int(),
  itemName: z.string(),
  unit: z.string(),
  batchId: z.number().int(),
  batchCode: z.string(),
  lotNo: z.string().nullable(),
  expiresOn: z.string().nullable(),
  locationCode: z.string().nullable(),
  giftId: z.number().int().nullable(),
  /** The donor's designation as staff read it (event, society, the donor's words); null for free goods. */
  designation: z.string().nullable(),
  unitValueFen: z.number().int(),
  quantity: z.number().int(),
  pickedQty: z.number().int(),
  pickedAt: z.string().nullable(),
  pickedBy: z.string().nullable(),
  receivedQty: z.number().int().nullable(),
  destBatchId: z.number().int().nullable(),
  destBatchCode: z.string().nullable(),
});
export type AllocationPick = z.infer<typeof allocationPickSchema>;

export const allocationApprovalSchema = z.object({
  level: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});

export const allocationAttachmentSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const ALLOCATION_STEPS = [
  'requested',
  'approved',
  'picked',
  'shipped',
  'signed',
  'rejected',
  'cancelled',
] as const;
export const ALLOCATION_STEP_LABELS: Record<(typeof ALLOCATION_STEPS)[number], { zh: string; en: string }> = {
  requested: { zh: '申请', en: 'Requested' },
  approved: { zh: '审批', en: 'Approved' },
  picked: { zh: '拣货', en: 'Picked' },
  shipped: { zh: '发运', en: 'Shipped' },
  signed: { zh: '签收', en: 'Signed for' },
  rejected: { zh: '驳回', en: 'Rejected' },
  cancelled: { zh: '撤销', en: 'Cancelled' },
};

export const allocationDetailSchema = allocationSchema.extend({
  lines: z.array(allocationLineSchema),
  /** In picking order: earliest expiry first, then by location. */
  picks: z.array(allocationPickSchema),
  approvals: z.array(allocationApprovalSchema),
  attachments: z.array(allocationAttachmentSchema),
  /** 申请 → 审批 → 拣货 → 发运 → 签收, the steps done so far with who and when. */
  timeline: z.array(
    z.object({
      step: z.enum(ALLOCATION_STEPS),
      at: z.string(),
      by: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** The level and society whose approval is awaited, while requested. */
  awaiting: z.object({ level: z.number().int(), orgId: z.number().int(), orgName: z.string() }).nullable(),
  /** What the current user may do now (the server decides again on each action). */
  can: z.object({
    approve: z.boolean(),
    cancel: z.boolean(),
    pick: z.boolean(),
    ship: z.boolean(),
    sign: z.boolean(),
  }),
});
export type AllocationDetail = z.infer<typeof allocationDetailSchema>;

export const allocationScanAnswerSchema = z.object({
  results: z.array(scanResultSchema),
  allocation: allocationDetailSchema,
});
export type AllocationScanAnswer = z.infer<typeof allocationScanAnswerSchema>;

// ---- what the request form offers -------------------------------------------------------------

export const allocationSourceSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  /** The actor manages this warehouse's society (otherwise: an ancestor's warehouse they may ask from). */
  own: z.boolean(),
});
export const allocationSourceListSchema = z.object({ items: z.array(allocationSourceSchema) });

export const freeStockItemSchema = z.object({
  itemId: z.number().int(),
  code: z.string(),
  name: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  /** Free to allocate: on hand − reserved, expired batches left out. */
  free: z.number().int(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  batches: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      lotNo: z.string().nullable(),
      expiresOn: z.string().nullable(),
      free: z.number().int(),
      unitValueFen: z.number().int(),
      /** As on the picks: event, society and the donor's words, or null. */
      designation: z.string().nullable(),
      designatedOrgId: z.number().int().nullable(),
      designatedEventId: z.number().int().nullable(),
    }),
  ),
});
export type FreeStockItem = z.infer<typeof freeStockItemSchema>;
export const freeStockListSchema = z.object({ items: z.array(freeStockItemSchema) });

export const allocationDestinationsSchema = z.object({
  warehouses: z.array(
    z.object({ id: z.number().int(), name: z.string(), orgId: z.number().int(), orgName: z.string() }),
  ),
  orgs: z.array(z.object({ id: z.number().int(), name: z.string(), level: z.string() })),
  events: z.array(z.object({ id: z.number().int(), name: z.string(), orgId: z.number().int() })),
});
export type AllocationDestinations = z.infer<typeof allocationDestinationsSchema>;

export const allocationAttachmentParamsSchema = z.object({ id: idSchema, attId: idSchema });
