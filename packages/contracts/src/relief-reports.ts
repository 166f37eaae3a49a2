import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { reliefItemCategorySchema, STOCK_MOVEMENT_KINDS } from './relief-stock.ts';
import { isValidDateString } from './validators/index.ts';

const dateString = z.string().refine(isValidDateString, '日期格式应为 YYYY-MM-DD');
const int = z.number().int();

const movementKindSchema = z.enum(STOCK_MOVEMENT_KINDS);

/** Filters every stock report shares: a society's subtree, one warehouse, one item, a category. */
const stockFilters = {
  /** The society whose subtree is reported; none: everything the user may read. */
  orgId: idSchema.optional(),
  warehouseId: idSchema.optional(),
  itemId: idSchema.optional(),
  category: reliefItemCategorySchema.optional(),
};
const periodRefine = <T extends { from?: string; to?: string }>(q: T) => !q.from || !q.to || q.from <= q.to;
const periodMessage = { message: '结束日期不能早于开始日期', path: ['to'] };

// ---- 库存报表: stock on hand ------------------------------------------------------------------------

export const stockOnHandQuerySchema = pageQuerySchema.extend({
  ...stockFilters,
  /** End of this Shanghai day; none: now (then reserved and free are given too). */
  asOf: dateString.optional(),
});
export type StockOnHandQuery = z.infer<typeof stockOnHandQuerySchema>;

/** One item in one warehouse: its batches summed. */
export const stockOnHandRowSchema = z.object({
  orgId: int,
  orgName: z.string(),
  warehouseId: int,
  warehouseName: z.string(),
  itemId: int,
  itemCode: z.string(),
  itemName: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  category: z.string(),
  quantity: int,
  /** Promised to accepted allocations not yet shipped; null for a past date (not kept historically). */
  reserved: int.nullable(),
  free: int.nullable(),
  valueFen: int,
  batches: int,
  nearestExpiry: z.string().nullable(),
});
export type StockOnHandRow = z.infer<typeof stockOnHandRowSchema>;

export const stockOnHandReportSchema = pageOf(stockOnHandRowSchema).extend({
  asOf: z.string().nullable(),
  totalValueFen: int,
  totalBatches: int,
  /** Every society of the report with stock, its value and warehouses (the chart). */
  bySociety: z.array(z.object({ orgId: int, orgName: z.string(), valueFen: int, warehouses: int })),
});
export type StockOnHandReport = z.infer<typeof stockOnHandReportSchema>;

// ---- 出入库明细: movements in a period --------------------------------------------------------------

export const movementSummaryQuerySchema = pageQuerySchema
  .extend({ ...stockFilters, from: dateString, to: dateString })
  .refine(periodRefine, periodMessage);
export type MovementSummaryQuery = z.infer<typeof movementSummaryQuerySchema>;

/** One item in one warehouse over the period: opening + Σ in − Σ out = closing. */
export const movementSummaryRowSchema = z.object({
  orgId: int,
  orgName: z.string(),
  warehouseId: int,
  warehouseName: z.string(),
  itemId: int,
  itemName: z.string(),
  unit: z.string(),
  opening: int,
  /** Quantity per movement kind in the period, signed as on the stock card (out kinds negative). */
  byKind: z.partialRecord(movementKindSchema, int),
  totalIn: int,
  totalOut: int,
  closing: int,
  closingValueFen: int,
});
export type MovementSummaryRow = z.infer<typeof movementSummaryRowSchema>;
export const movementSummarySchema = pageOf(movementSummaryRowSchema).extend({
  from: z.string(),
  to: z.string(),
});
export type MovementSummary = z.infer<typeof movementSummarySchema>;

export const movementListQuerySchema = pageQuerySchema
  .extend({
    ...stockFilters,
    kind: movementKindSchema.optional(),
    /** The document that moved it, exactly: goods-in:12, allocation:7 … */
    ref: text(60).optional(),
    from: dateString.optional(),
    to: dateString.optional(),
  })
  .refine(periodRefine, periodMessage);
export type MovementListQuery = z.infer<typeof movementListQuerySchema>;

/** A stock-card line with the warehouse, batch and item it belongs to. */
export const stockMovementLineSchema = z.object({
  id: int,
  at: z.string(),
  orgId: int,
  orgName: z.string(),
  warehouseId: int,
  warehouseName: z.string(),
  batchId: int,
  batchCode: z.string(),
  itemId: int,
  itemName: z.string(),
  unit: z.string(),
  kind: movementKindSchema,
  quantity: int,
  valueFen: int,
  ref: z.string(),
  actor: z.string(),
  note: z.string().nullable(),
});
export type StockMovementLine = z.infer<typeof stockMovementLineSchema>;
export const stockMovementLinePageSchema = pageOf(stockMovementLineSchema);

// ---- 捐赠物资去向: goods received per donor and where they went ----------------------------------

export const donorGoodsQuerySchema = pageQuerySchema
  .extend({
    /** The receiving society's subtree. */
    orgId: idSchema.optional(),
    donorId: idSchema.optional(),
    /** Donor name contains. */
    q: text(50).optional(),
    from: dateString.optional(),
    to: dateString.optional(),
  })
  .refine(periodRefine, periodMessage);
export type DonorGoodsQuery = z.infer<typeof donorGoodsQuerySchema>;

/**
 * What became of gifts of goods, in units summed over their lines. `shippedQty` is what left stock for
 * good (a transfer that arrived in another warehouse is still in stock there); `signedQty` what its
 * final recipients signed for. accepted = inStock + shipped + writtenOff + other out − other in.
 */
const goodsFateShape = {
  valueFen: int,
  quantity: int,
  acceptedQty: int,
  rejectedQty: int,
  shippedQty: int,
  signedQty: int,
  inStockQty: int,
  writtenOffQty: int,
  /** Where it went: societies, warehouses and events, as 调拨 documents name them. */
  destinations: z.array(z.string()),
};

export const donorGoodsRowSchema = z.object({
  donorId: int,
  donorName: z.string(),
  donorKind: z.string(),
  gifts: int,
  ...goodsFateShape,
});
export type DonorGoodsRow = z.infer<typeof donorGoodsRowSchema>;
export const donorGoodsPageSchema = pageOf(donorGoodsRowSchema);

export const giftGoodsRowSchema = z.object({
  giftId: int,
  receiptNo: z.string().nullable(),
  receivedOn: z.string(),
  orgId: int,
  orgName: z.string(),
  donorId: int,
  donorName: z.string(),
  stockStatus: z.string().nullable(),
  ...goodsFateShape,
});
export type GiftGoodsRow = z.infer<typeof giftGoodsRowSchema>;
export const giftGoodsPageSchema = pageOf(giftGoodsRowSchema);

// ---- a gift's journey ---------------------------------------------------------------------------

/** One 调拨 that took goods of the gift, as far as this gift line's goods are concerned. */
export const journeyShipmentSchema = z.object({
  allocationId: int,
  status: z.string(),
  fromOrgName: z.string(),
  fromWarehouseName: z.string(),
  destination: z.string(),
  destinationLabel: z.string(),
  eventId: int.nullable(),
  eventName: z.string().nullable(),
  quantity: int,
  /** Received at arrival; null until signed. */
  signedQty: int.nullable(),
  shippedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
});
export type JourneyShipment = z.infer<typeof journeyShipmentSchema>;

export const giftJourneyLineSchema = z.object({
  giftItemId: int,
  lineNo: int,
  name: z.string(),
  unit: z.string(),
  quantity: int,
  goodsIn: z.array(
    z.object({
      noteId: int,
      receivedOn: z.string(),
      orgName: z.string(),
      warehouseName: z.string(),
      acceptedQty: int,
      rejectedQty: int,
      rejectReason: z.string().nullable(),
      differenceNote: z.string().nullable(),
      batchCode: z.string().nullable(),
    }),
  ),
  acceptedQty: int,
  rejectedQty: int,
  shipments: z.array(journeyShipmentSchema),
  inStock: z.array(
    z.object({ warehouseId: int, warehouseName: z.string(), orgName: z.string(), quantity: int }),
  ),
  shippedQty: int,
  signedQty: int,
  inStockQty: int,
  writtenOffQty: int,
  /** Stock-take gains minus losses, returns in minus out: what else moved the gift's goods. */
  otherQty: int,
});
export type GiftJourneyLine = z.infer<typeof giftJourneyLineSchema>;

export const giftJourneySchema = z.object({
  giftId: int,
  lines: z.array(giftJourneyLineSchema),
});
export type GiftJourney = z.infer<typeof giftJourneySchema>;

// ---- an event's relief flow ---------------------------------------------------------------------

export const eventReliefFlowSchema = z.object({
  eventId: int,
  items: z.array(
    z.object({
      itemId: int,
      name: z.string(),
      unit: z.string(),
      neededQty: int,
      /** Accepted, not yet shipped. */
      allocatedQty: int,
      shippedQty: int,
      signedQty: int,
    }),
  ),
  allocations: z.array(
    z.object({
      id: int,
      status: z.string(),
      fromOrgName: z.string(),
      fromWarehouseName: z.string(),
      destinationLabel: z.string(),
      valueFen: int,
      requestedAt: z.string(),
      shippedAt: z.string().nullable(),
      signedAt: z.string().nullable(),
    }),
  ),
});
export type EventReliefFlow = z.infer<typeof eventReliefFlowSchema>;
