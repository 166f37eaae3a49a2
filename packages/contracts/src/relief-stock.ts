import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { giftSchema } from './gifts.ts';
import { GOODS_MAX_LINES, GOODS_MAX_QUANTITY } from './goods.ts';
import { fenSchema, isValidDateString } from './validators/index.ts';

/** 应急救援 stock: the catalogue (物资目录), warehouses (仓库) and 库位, batches and their stock card, goods in (入库), labels. */

const dateString = z.string().refine(isValidDateString, '日期格式应为 YYYY-MM-DD');
type Label = { zh: string; en: string };
const booleanQuery = z.enum(['true', 'false']);

// ---- catalogue -------------------------------------------------------------------------------

export const RELIEF_ITEM_CATEGORIES = [
  'kit',
  'shelter',
  'bedding',
  'clothing',
  'food',
  'water',
  'hygiene',
  'medical',
  'rescue',
  'other',
] as const;
export const reliefItemCategorySchema = z.enum(RELIEF_ITEM_CATEGORIES);
export type ReliefItemCategory = z.infer<typeof reliefItemCategorySchema>;
export const RELIEF_ITEM_CATEGORY_LABELS: Record<ReliefItemCategory, Label> = {
  kit: { zh: '应急包', en: 'Kits' },
  shelter: { zh: '帐篷床具', en: 'Shelter' },
  bedding: { zh: '被服', en: 'Bedding' },
  clothing: { zh: '衣物', en: 'Clothing' },
  food: { zh: '食品', en: 'Food' },
  water: { zh: '饮用水', en: 'Water' },
  hygiene: { zh: '卫生用品', en: 'Hygiene' },
  medical: { zh: '医疗防护', en: 'Medical' },
  rescue: { zh: '救援器材', en: 'Rescue equipment' },
  other: { zh: '其他', en: 'Other' },
};

/** 'stated': a batch is worth what its gift line or purchase says; 'standard': the catalogue's 统一核价. */
export const RELIEF_VALUATIONS = ['stated', 'standard'] as const;
export const reliefValuationSchema = z.enum(RELIEF_VALUATIONS);
export type ReliefValuation = z.infer<typeof reliefValuationSchema>;
export const RELIEF_VALUATION_LABELS: Record<ReliefValuation, Label> = {
  stated: { zh: '按来源计价（捐赠估值 / 采购单价）', en: 'As stated by the gift or purchase' },
  standard: { zh: '统一核价', en: 'Standard value' },
};

export const RELIEF_KIT_MAX_COMPONENTS = 50;

const codeSchema = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what}不能为空`)
    .max(30, `${what}不超过 30 个字符`)
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, `${what}只能包含字母、数字和 . _ -`);

export const kitComponentInputSchema = z
  .object({
    itemId: idSchema,
    quantity: z.number().int('数量须为整数').positive('数量必须大于 0').max(10_000),
  })
  .strict();
export type KitComponentInput = z.infer<typeof kitComponentInputSchema>;

const itemFields = {
  name: text(100),
  spec: text(100).nullish(),
  unit: text(10),
  category: reliefItemCategorySchema,
  valuation: reliefValuationSchema,
  /** Required with valuation 'standard'. */
  standardValueFen: fenSchema.nullish(),
  /** Fills a new batch's expiry when neither the gift nor the label gives one. */
  shelfLifeMonths: z.number().int('保质期须为整数月').min(1, '保质期至少 1 个月').max(600).nullish(),
  /** A kit (套装, e.g. 家庭应急包) lists what one contains; a plain item has none. */
  components: z
    .array(kitComponentInputSchema)
    .max(RELIEF_KIT_MAX_COMPONENTS, `一个应急包最多 ${RELIEF_KIT_MAX_COMPONENTS} 种组成物资`),
};

export const createReliefItemSchema = z
  .object({
    orgId: idSchema,
    code: codeSchema('物资编码'),
    ...itemFields,
    valuation: reliefValuationSchema.default('stated'),
    isKit: z.boolean().default(false),
    components: itemFields.components.default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.valuation === 'standard' && (v.standardValueFen === null || v.standardValueFen === undefined))
      ctx.addIssue({ code: 'custom', path: ['standardValueFen'], message: '统一核价须填写标准单价' });
    if (v.isKit && !v.components.length)
      ctx.addIssue({ code: 'custom', path: ['components'], message: '应急包须至少包含一种物资' });
    if (!v.isKit && v.components.length)
      ctx.addIssue({ code: 'custom', path: ['components'], message: '只有应急包（套装）才能设置组成物资' });
  });
export type CreateReliefItemInput = z.infer<typeof createReliefItemSchema>;

/**
 * Everything but the society, the code and whether it is a kit may change; name, spec and unit only
 * until the item has been taken into stock (the stock cards, labels and the public log show them).
 */
export const updateReliefItemSchema = z
  .object({ ...itemFields, active: z.boolean() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateReliefItemInput = z.infer<typeof updateReliefItemSchema>;

export const kitComponentSchema = z.object({
  itemId: z.number().int(),
  code: z.string(),
  name: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  quantity: z.number().int(),
});
export type KitComponent = z.infer<typeof kitComponentSchema>;

export const reliefItemSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  code: z.string(),
  name: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  category: reliefItemCategorySchema,
  isKit: z.boolean(),
  valuation: reliefValuationSchema,
  standardValueFen: z.number().int().nullable(),
  shelfLifeMonths: z.number().int().nullable(),
  active: z.boolean(),
  /** Taken into stock at least once: name, spec and unit are fixed from then on. */
  inUse: z.boolean(),
  components: z.array(kitComponentSchema),
  createdAt: z.string(),
});
export type ReliefItem = z.infer<typeof reliefItemSchema>;
export const reliefItemPageSchema = pageOf(reliefItemSchema);

export const listReliefItemsQuerySchema = pageQuerySchema.extend({
  /** Items defined by this society or below it. */
  orgId: idSchema.optional(),
  /** Items this society may stock: its own and its ancestors' (a province's kit is usable by a county). */
  usableBy: idSchema.optional(),
  category: reliefItemCategorySchema.optional(),
  kind: z.enum(['item', 'kit']).optional(),
  active: booleanQuery.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListReliefItemsQuery = z.infer<typeof listReliefItemsQuerySchema>;

// ---- warehouses ------------------------------------------------------------------------------

export const locationInputSchema = z
  .object({ code: codeSchema('库位编码'), name: text(50).nullish() })
  .strict();
export type LocationInput = z.infer<typeof locationInputSchema>;

export const addLocationsSchema = z
  .object({
    locations: z.array(locationInputSchema).min(1, '至少填写一个库位').max(500, '一次最多登记 500 个库位'),
  })
  .strict();
export type AddLocationsInput = z.infer<typeof addLocationsSchema>;

export const createWarehouseSchema = z
  .object({
    orgId: idSchema,
    code: codeSchema('仓库编码'),
    name: text(100),
    address: text(200),
    keeperName: text(50),
    locations: z.array(locationInputSchema).max(500, '一次最多登记 500 个库位').default([]),
  })
  .strict();
export type CreateWarehouseInput = z.infer<typeof createWarehouseSchema>;

/** `active: false` is refused while the warehouse holds stock (WAREHOUSE_NOT_EMPTY). */
export const updateWarehouseSchema = z
  .object({ name: text(100), address: text(200), keeperName: text(50), active: z.boolean() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateWarehouseInput = z.infer<typeof updateWarehouseSchema>;

export const warehouseLocationSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string().nullable(),
});
export type WarehouseLocation = z.infer<typeof warehouseLocationSchema>;

export const warehouseSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  keeperName: z.string(),
  active: z.boolean(),
  locations: z.array(warehouseLocationSchema),
  /** Batches with stock on hand, their quantity and value now. */
  batchCount: z.number().int(),
  onHandQty: z.number().int(),
  valueFen: z.number().int(),
  createdAt: z.string(),
});
export type Warehouse = z.infer<typeof warehouseSchema>;
export const warehousePageSchema = pageOf(warehouseSchema);

export const listWarehousesQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  active: booleanQuery.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListWarehousesQuery = z.infer<typeof listWarehousesQuerySchema>;

// ---- batches and the stock card --------------------------------------------------------------

export const BATCH_SOURCES = ['gift', 'purchase', 'transfer', 'return', 'gain'] as const;
export const batchSourceSchema = z.enum(BATCH_SOURCES);
export type BatchSource = z.infer<typeof batchSourceSchema>;
export const BATCH_SOURCE_LABELS: Record<BatchSource, Label> = {
  gift: { zh: '捐赠', en: 'Gift' },
  purchase: { zh: '采购', en: 'Purchase' },
  transfer: { zh: '调入', en: 'Transfer in' },
  return: { zh: '退回', en: 'Returned' },
  gain: { zh: '盘盈', en: 'Count gain' },
};

export const STOCK_MOVEMENT_KINDS = [
  'gift_in',
  'purchase_in',
  'transfer_in',
  'return_in',
  'ship_out',
  'stocktake_gain',
  'stocktake_loss',
  'write_off',
  'return_out',
] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];
export const STOCK_MOVEMENT_KIND_LABELS: Record<StockMovementKind, Label> = {
  gift_in: { zh: '捐赠入库', en: 'Gift in' },
  purchase_in: { zh: '采购入库', en: 'Purchase in' },
  transfer_in: { zh: '调拨入库', en: 'Transfer in' },
  return_in: { zh: '退回入库', en: 'Return in' },
  ship_out: { zh: '调拨出库', en: 'Shipped' },
  stocktake_gain: { zh: '盘盈', en: 'Count gain' },
  stocktake_loss: { zh: '盘亏', en: 'Count loss' },
  write_off: { zh: '报废', en: 'Written off' },
  return_out: { zh: '退货出库', en: 'Returned out' },
};

/** A batch's label code: PC + its id in 8 digits (PC00000042). Typed codes are accepted in any case. */
export const BATCH_CODE_PATTERN = /^PC\d{8}$/;
export const batchCodeOf = (id: number) => `PC${String(id).padStart(8, '0')}`;

export const reliefBatchSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  warehouseId: z.number().int(),
  warehouseName: z.string(),
  locationId: z.number().int().nullable(),
  locationCode: z.string().nullable(),
  itemId: z.number().int(),
  itemCode: z.string(),
  itemName: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  lotNo: z.string().nullable(),
  expiresOn: z.string().nullable(),
  source: batchSourceSchema,
  giftId: z.number().int().nullable(),
  giftReceiptNo: z.string().nullable(),
  /** The donor as the public sees them (an enterprise in full, a person masked unless they consented). */
  donorName: z.string().nullable(),
  supplier: z.string().nullable(),
  purchaseRef: z.string().nullable(),
  parentBatchId: z.number().int().nullable(),
  designatedOrgId: z.number().int().nullable(),
  designatedOrgName: z.string().nullable(),
  designatedEventId: z.number().int().nullable(),
  designatedEventName: z.string().nullable(),
  designation: z.string().nullable(),
  unitValueFen: z.number().int(),
  receivedQty: z.number().int(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  free: z.number().int(),
  valueFen: z.number().int(),
  receivedAt: z.string(),
});
export type ReliefBatch = z.infer<typeof reliefBatchSchema>;
export const reliefBatchPageSchema = pageOf(reliefBatchSchema);

export const listBatchesQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  warehouseId: idSchema.optional(),
  itemId: idSchema.optional(),
  source: batchSourceSchema.optional(),
  giftId: idSchema.optional(),
  /** true: only batches carrying a donor's designation (定向); false: only undesignated ones. */
  designated: booleanQuery.optional(),
  /** true: only batches with stock on hand. */
  inStock: booleanQuery.optional(),
  /** Expiring within this many days (or already expired), with stock on hand. */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** A label code, lot number or item name. */
  q: z.string().trim().max(100).optional(),
});
export type ListBatchesQuery = z.infer<typeof listBatchesQuerySchema>;

export const stockMovementSchema = z.object({
  id: z.number().int(),
  kind: z.enum(STOCK_MOVEMENT_KINDS),
  /** Signed: positive in, negative out. */
  quantity: z.number().int(),
  valueFen: z.number().int(),
  /** On hand after this movement. */
  balance: z.number().int(),
  ref: z.string(),
  actor: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});
export type StockMovement = z.infer<typeof stockMovementSchema>;

export const batchDetailSchema = reliefBatchSchema.extend({ movements: z.array(stockMovementSchema) });
export type BatchDetail = z.infer<typeof batchDetailSchema>;

// ---- goods in --------------------------------------------------------------------------------

const quantity = z.number().int('数量须为整数').min(0, '数量不能为负').max(GOODS_MAX_QUANTITY);

export const giftGoodsInLineSchema = z
  .object({
    giftItemId: idSchema,
    /** The catalogue item this gift line is stocked as. */
    itemId: idSchema,
    acceptedQty: quantity,
    rejectedQty: quantity.default(0),
    rejectReason: text(200).nullish(),
    /** Why accepted + rejected differs from what was still expected (短少、分批送达 …). */
    differenceNote: text(200).nullish(),
    /** Default: the gift line's batch number and expiry; a missing expiry is filled from the item's shelf life. */
    lotNo: text(50).nullish(),
    expiresOn: dateString.nullish(),
    locationId: idSchema.nullish(),
  })
  .strict()
  .superRefine((l, ctx) => {
    if (l.acceptedQty + l.rejectedQty === 0)
      ctx.addIssue({ code: 'custom', path: ['acceptedQty'], message: '验收合格与拒收数量不能都为 0' });
    if (l.rejectedQty > 0 && !l.rejectReason)
      ctx.addIssue({ code: 'custom', path: ['rejectReason'], message: '有拒收数量时须填写拒收原因' });
  });
export type GiftGoodsInLineInput = z.infer<typeof giftGoodsInLineSchema>;

const noteFields = {
  warehouseId: idSchema,
  receivedOn: dateString,
  /** 验收人. */
  inspector: text(50),
  note: text(500).nullish(),
};

export const createGiftGoodsInSchema = z
  .object({
    giftId: idSchema,
    ...noteFields,
    /** 定向受助方 chosen at inspection: the society these goods may only go to. */
    designatedOrgId: idSchema.nullish(),
    lines: z
      .array(giftGoodsInLineSchema)
      .min(1, '至少验收一行物资')
      .max(GOODS_MAX_LINES, `最多 ${GOODS_MAX_LINES} 行`),
  })
  .strict();
export type CreateGiftGoodsInInput = z.infer<typeof createGiftGoodsInSchema>;

export const purchaseGoodsInLineSchema = z
  .object({
    itemId: idSchema,
    quantity: quantity.min(1, '数量必须大于 0'),
    unitPriceFen: fenSchema,
    lotNo: text(50).nullish(),
    expiresOn: dateString.nullish(),
    locationId: idSchema.nullish(),
  })
  .strict();
export type PurchaseGoodsInLineInput = z.infer<typeof purchaseGoodsInLineSchema>;

export const createPurchaseGoodsInSchema = z
  .object({
    ...noteFields,
    supplier: text(100),
    /** 采购合同号 / 发票号. */
    purchaseRef: text(50).nullish(),
    lines: z
      .array(purchaseGoodsInLineSchema)
      .min(1, '至少填写一行物资')
      .max(GOODS_MAX_LINES, `最多 ${GOODS_MAX_LINES} 行`),
  })
  .strict();
export type CreatePurchaseGoodsInInput = z.infer<typeof createPurchaseGoodsInSchema>;

export const GOODS_IN_SOURCES = ['gift', 'purchase'] as const;
export const goodsInSourceSchema = z.enum(GOODS_IN_SOURCES);
export type GoodsInSource = z.infer<typeof goodsInSourceSchema>;

export const goodsInLineSchema = z.object({
  id: z.number().int(),
  lineNo: z.number().int(),
  giftItemId: z.number().int().nullable(),
  itemId: z.number().int(),
  itemCode: z.string(),
  itemName: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  expectedQty: z.number().int(),
  acceptedQty: z.number().int(),
  rejectedQty: z.number().int(),
  rejectReason: z.string().nullable(),
  differenceNote: z.string().nullable(),
  unitValueFen: z.number().int(),
  /** Value of the accepted quantity. */
  valueFen: z.number().int(),
  lotNo: z.string().nullable(),
  expiresOn: z.string().nullable(),
  locationCode: z.string().nullable(),
  batchId: z.number().int().nullable(),
  batchCode: z.string().nullable(),
});
export type GoodsInLine = z.infer<typeof goodsInLineSchema>;

export const goodsInNoteSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  warehouseId: z.number().int(),
  warehouseName: z.string(),
  source: goodsInSourceSchema,
  giftId: z.number().int().nullable(),
  giftReceiptNo: z.string().nullable(),
  donorName: z.string().nullable(),
  supplier: z.string().nullable(),
  purchaseRef: z.string().nullable(),
  receivedOn: z.string(),
  inspector: z.string(),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  lineCount: z.number().int(),
  acceptedQty: z.number().int(),
  rejectedQty: z.number().int(),
  valueFen: z.number().int(),
});
export type GoodsInNote = z.infer<typeof goodsInNoteSchema>;
export const goodsInPageSchema = pageOf(goodsInNoteSchema);

export const goodsInDetailSchema = goodsInNoteSchema.extend({
  lines: z.array(goodsInLineSchema),
  /** Gift notes: where the gift stands with stock after this and every other note. */
  giftStockStatus: z.enum(['awaiting', 'partly', 'received', 'rejected']).nullable(),
});
export type GoodsInDetail = z.infer<typeof goodsInDetailSchema>;

export const listGoodsInQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  warehouseId: idSchema.optional(),
  source: goodsInSourceSchema.optional(),
  giftId: idSchema.optional(),
  from: dateString.optional(),
  to: dateString.optional(),
});
export type ListGoodsInQuery = z.infer<typeof listGoodsInQuerySchema>;

/** A gift line as the inspector meets it: how much earlier notes took and how much is still expected. */
export const awaitingGiftLineSchema = z.object({
  giftItemId: z.number().int(),
  lineNo: z.number().int(),
  name: z.string(),
  spec: z.string().nullable(),
  unit: z.string(),
  quantity: z.number().int(),
  unitValueFen: z.number().int(),
  batchNo: z.string().nullable(),
  expiresOn: z.string().nullable(),
  acceptedQty: z.number().int(),
  rejectedQty: z.number().int(),
  remainingQty: z.number().int(),
});
export type AwaitingGiftLine = z.infer<typeof awaitingGiftLineSchema>;

export const awaitingGiftSchema = z.object({
  gift: giftSchema,
  lines: z.array(awaitingGiftLineSchema),
  /** The disaster event its appeal serves: the batches will be designated to it. */
  designatedEventId: z.number().int().nullable(),
  designatedEventName: z.string().nullable(),
});
export type AwaitingGift = z.infer<typeof awaitingGiftSchema>;
export const awaitingGiftListSchema = z.object({ items: z.array(awaitingGiftSchema) });

export const awaitingGiftsQuerySchema = z.object({
  /** Gifts received by this society or below it. */
  orgId: idSchema.optional(),
  giftId: idSchema.optional(),
});
export type AwaitingGiftsQuery = z.infer<typeof awaitingGiftsQuerySchema>;

// ---- labels ----------------------------------------------------------------------------------

/** An A4 sheet holds 3 × 8 labels; one PDF at most this many (a hundred pages). */
export const LABELS_PER_SHEET = 24;
export const LABELS_MAX = 2400;
const copies = z.coerce
  .number()
  .int('份数须为整数')
  .min(1, '至少 1 份')
  .max(500, '每批最多 500 份')
  .default(1);

export const batchLabelsQuerySchema = z.object({
  /** Comma-separated batch ids. */
  batchIds: z
    .string()
    .regex(/^\d{1,10}(,\d{1,10}){0,199}$/, '请选择 1–200 个批次')
    .transform((s) => [...new Set(s.split(',').map(Number))])
    .pipe(z.array(z.number().int().positive('批次编号不正确').max(2_147_483_647))),
  /** Labels per batch (e.g. one per carton). */
  copies,
});
export type BatchLabelsQuery = z.infer<typeof batchLabelsQuerySchema>;

export const goodsInLabelsQuerySchema = z.object({ copies });
