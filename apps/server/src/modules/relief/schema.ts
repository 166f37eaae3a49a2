import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/types.ts';
import { disasterEvents } from '../disaster-events/index.ts';
import { giftItems, gifts } from '../donations/index.ts';
import { orgIdColumn } from '../orgs/schema.ts';

/**
 * The relief catalogue (物资目录): what a society stocks, with its specification and unit. A society's
 * items are usable by it and every society below it, so a province defines 家庭应急包 once.
 * `valuation`: 'stated' values a batch at what its gift or purchase says; 'standard' at the catalogue's
 * `standard_value_fen` whatever the source (the province's 统一核价 for kits).
 */
export const reliefItems = pgTable(
  'relief_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    spec: text('spec'),
    unit: text('unit').notNull(),
    category: text('category').notNull(),
    isKit: boolean('is_kit').notNull().default(false),
    valuation: text('valuation').notNull().default('stated'),
    standardValueFen: bigint('standard_value_fen', { mode: 'number' }),
    /** Months a new batch keeps when neither the gift nor the label gives an expiry date. */
    shelfLifeMonths: integer('shelf_life_months'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'relief_items_category_ck',
      sql`${t.category} in ('kit','shelter','bedding','clothing','food','water','hygiene','medical','rescue','other')`,
    ),
    check('relief_items_valuation_ck', sql`${t.valuation} in ('stated','standard')`),
    check(
      'relief_items_standard_ck',
      sql`(${t.valuation} = 'stated' and (${t.standardValueFen} is null or ${t.standardValueFen} >= 0)) or (${t.valuation} = 'standard' and ${t.standardValueFen} >= 0)`,
    ),
    check('relief_items_shelf_life_ck', sql`${t.shelfLifeMonths} is null or ${t.shelfLifeMonths} > 0`),
    uniqueIndex('relief_items_code_uq').on(t.orgId, t.code),
  ],
);

/** What one kit holds: a 家庭应急包 is a torch, a whistle, a blanket … each `quantity` per kit. */
export const reliefKitComponents = pgTable(
  'relief_kit_components',
  {
    orgId: orgIdColumn(),
    kitItemId: integer('kit_item_id')
      .notNull()
      .references(() => reliefItems.id),
    componentItemId: integer('component_item_id')
      .notNull()
      .references(() => reliefItems.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kitItemId, t.componentItemId] }),
    check('relief_kit_components_quantity_ck', sql`${t.quantity} > 0`),
    check('relief_kit_components_self_ck', sql`${t.kitItemId} <> ${t.componentItemId}`),
  ],
);

/** 应急物资库: a warehouse of any society, city reserve or a street's cupboard alike. */
export const warehouses = pgTable(
  'warehouses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    keeperName: text('keeper_name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('warehouses_code_uq').on(t.orgId, t.code)],
);

/** A place inside a warehouse (库位: zone-shelf-level, e.g. A-01-2). */
export const warehouseLocations = pgTable(
  'warehouse_locations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    code: text('code').notNull(),
    name: text('name'),
  },
  (t) => [uniqueIndex('warehouse_locations_code_uq').on(t.warehouseId, t.code)],
);

/**
 * A batch (批次) of one item in one warehouse: the unit stock is held, labelled, picked and counted by.
 * It keeps where it came from for good: a gift line (with its donor's designation) or a purchase,
 * and, for goods that arrived by allocation, the batch they left (`parent_batch_id`) with the gift
 * copied down, so "where did this donor's kits go" is one indexed lookup at any depth.
 * `on_hand` is what is physically there; `reserved` is promised to accepted allocations not yet
 * shipped. The CHECKs are the last line against negative or over-promised stock: the conditional
 * UPDATE that reserves fails before they would.
 */
export const stockBatches = pgTable(
  'stock_batches',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    locationId: integer('location_id').references(() => warehouseLocations.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => reliefItems.id),
    /** The label's code (QR and typed), unique across the installation. */
    code: text('code').notNull(),
    lotNo: text('lot_no'),
    expiresOn: date('expires_on'),
    source: text('source').notNull(),
    giftId: integer('gift_id').references(() => gifts.id),
    giftItemId: integer('gift_item_id').references(() => giftItems.id),
    parentBatchId: integer('parent_batch_id').references((): AnyPgColumn => stockBatches.id),
    supplier: text('supplier'),
    purchaseRef: text('purchase_ref'),
    /** The donor's designation, carried to every batch split from this one. */
    designatedOrgId: integer('designated_org_id'),
    designatedEventId: integer('designated_event_id').references(() => disasterEvents.id),
    designation: text('designation'),
    unitValueFen: bigint('unit_value_fen', { mode: 'number' }).notNull(),
    receivedQty: integer('received_qty').notNull(),
    onHand: integer('on_hand').notNull(),
    reserved: integer('reserved').notNull().default(0),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('stock_batches_source_ck', sql`${t.source} in ('gift','purchase','transfer','return','gain')`),
    check('stock_batches_gift_ck', sql`${t.source} <> 'gift' or ${t.giftId} is not null`),
    check('stock_batches_transfer_ck', sql`${t.source} <> 'transfer' or ${t.parentBatchId} is not null`),
    check('stock_batches_on_hand_ck', sql`${t.onHand} >= 0`),
    check('stock_batches_reserved_ck', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
    check('stock_batches_received_ck', sql`${t.receivedQty} > 0`),
    check('stock_batches_value_ck', sql`${t.unitValueFen} >= 0`),
    uniqueIndex('stock_batches_code_uq').on(t.code),
    // FEFO picking: a warehouse's batches of an item, earliest expiry first.
    index('stock_batches_pick_idx').on(t.warehouseId, t.itemId, t.expiresOn),
    index('stock_batches_org_item_idx').on(t.orgId, t.itemId),
    index('stock_batches_gift_idx')
      .on(t.giftId)
      .where(sql`${t.giftId} is not null`),
    index('stock_batches_parent_idx')
      .on(t.parentBatchId)
      .where(sql`${t.parentBatchId} is not null`),
    index('stock_batches_expiry_idx')
      .on(t.expiresOn)
      .where(sql`${t.onHand} > 0 and ${t.expiresOn} is not null`),
  ],
);

/**
 * Every change of a batch's `on_hand`, signed, never updated or deleted: the stock card (库存卡).
 * A batch's on_hand is the sum of its movements (the verifier and the tests check it). `ref` names the
 * document that moved it: goods-in:N, allocation:N, stocktake:N, write-off:N, return:N.
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => reliefItems.id),
    kind: text('kind').notNull(),
    quantity: integer('quantity').notNull(),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    ref: text('ref').notNull(),
    actor: text('actor').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'stock_movements_kind_ck',
      sql`${t.kind} in ('gift_in','purchase_in','transfer_in','return_in','ship_out','stocktake_gain','stocktake_loss','write_off','return_out')`,
    ),
    check('stock_movements_quantity_ck', sql`${t.quantity} <> 0`),
    check(
      'stock_movements_sign_ck',
      sql`(${t.kind} in ('gift_in','purchase_in','transfer_in','return_in','stocktake_gain') and ${t.quantity} > 0) or (${t.kind} in ('ship_out','stocktake_loss','write_off','return_out') and ${t.quantity} < 0)`,
    ),
    // A society's card by time, carrying what the reports sum (batch, warehouse, item, kind, quantity,
    // value): "as of a day" and "movements in a period" are index-only scans over the days they need.
    index('stock_movements_org_at_cover_idx').on(
      t.orgId,
      t.at,
      t.batchId,
      t.warehouseId,
      t.itemId,
      t.kind,
      t.quantity,
      t.valueFen,
    ),
    index('stock_movements_batch_idx').on(t.batchId),
    index('stock_movements_ref_idx').on(t.ref),
  ],
);

/**
 * 入库单: goods taken into a warehouse after inspection, from a gift of goods or a purchase. Each line
 * says how much was expected (the gift line's quantity, the purchase order's), accepted and rejected
 * (with its reason); a shortfall or surplus against the gift is what `accepted + rejected ≠ expected`
 * records, explained in `difference_note`.
 */
export const goodsInNotes = pgTable(
  'goods_in_notes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    source: text('source').notNull(),
    giftId: integer('gift_id').references(() => gifts.id),
    supplier: text('supplier'),
    purchaseRef: text('purchase_ref'),
    receivedOn: date('received_on').notNull(),
    inspector: text('inspector').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('goods_in_notes_source_ck', sql`${t.source} in ('gift','purchase')`),
    check(
      'goods_in_notes_source_ref_ck',
      sql`(${t.source} = 'gift' and ${t.giftId} is not null) or (${t.source} = 'purchase' and ${t.giftId} is null and ${t.supplier} is not null)`,
    ),
    index('goods_in_notes_org_idx').on(t.orgId, t.receivedOn),
    index('goods_in_notes_gift_idx')
      .on(t.giftId)
      .where(sql`${t.giftId} is not null`),
  ],
);

export const goodsInLines = pgTable(
  'goods_in_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    noteId: integer('note_id')
      .notNull()
      .references(() => goodsInNotes.id),
    lineNo: integer('line_no').notNull(),
    giftItemId: integer('gift_item_id').references(() => giftItems.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => reliefItems.id),
    expectedQty: integer('expected_qty').notNull(),
    acceptedQty: integer('accepted_qty').notNull(),
    rejectedQty: integer('rejected_qty').notNull().default(0),
    rejectReason: text('reject_reason'),
    differenceNote: text('difference_note'),
    unitValueFen: bigint('unit_value_fen', { mode: 'number' }).notNull(),
    lotNo: text('lot_no'),
    expiresOn: date('expires_on'),
    locationId: integer('location_id').references(() => warehouseLocations.id),
    /** The batch the accepted quantity became; null when nothing was accepted. */
    batchId: integer('batch_id').references(() => stockBatches.id),
  },
  (t) => [
    check(
      'goods_in_lines_qty_ck',
      sql`${t.expectedQty} >= 0 and ${t.acceptedQty} >= 0 and ${t.rejectedQty} >= 0`,
    ),
    check('goods_in_lines_some_ck', sql`${t.acceptedQty} + ${t.rejectedQty} > 0`),
    check('goods_in_lines_reason_ck', sql`${t.rejectedQty} = 0 or ${t.rejectReason} is not null`),
    check(
      'goods_in_lines_difference_ck',
      sql`${t.acceptedQty} + ${t.rejectedQty} = ${t.expectedQty} or ${t.differenceNote} is not null`,
    ),
    check('goods_in_lines_batch_ck', sql`(${t.acceptedQty} = 0) = (${t.batchId} is null)`),
    uniqueIndex('goods_in_lines_line_uq').on(t.noteId, t.lineNo),
    index('goods_in_lines_gift_item_idx')
      .on(t.giftItemId)
      .where(sql`${t.giftItemId} is not null`),
  ],
);

/**
 * 调拨单: goods leaving a warehouse for another warehouse (any level), or dispatched to a disaster
 * event, a society or an aid batch. `org_id` is the society whose warehouse they leave (it approves
 * and ships); `requested_by_org_id` the society that asked (often the one below).
 * requested → approved (all levels) → shipped → signed; rejected or cancelled end it and release
 * what was reserved. Picking happens between approved and shipped (allocation_picks.picked_qty).
 */
export const allocations = pgTable(
  'allocations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    fromWarehouseId: integer('from_warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    destination: text('destination').notNull(),
    toWarehouseId: integer('to_warehouse_id').references(() => warehouses.id),
    toOrgId: integer('to_org_id'),
    eventId: integer('event_id').references(() => disasterEvents.id),
    aidBatchRef: text('aid_batch_ref'),
    purpose: text('purpose').notNull(),
    status: text('status').notNull().default('requested'),
    /** Levels of approval this one needs (1: the shipping society; 2: and its parent, for large ones). */
    approvalsNeeded: integer('approvals_needed').notNull().default(1),
    valueFen: bigint('value_fen', { mode: 'number' }).notNull(),
    requestedByOrgId: integer('requested_by_org_id').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    carrier: text('carrier'),
    trackingNo: text('tracking_no'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    shippedBy: text('shipped_by'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signerName: text('signer_name'),
    signNote: text('sign_note'),
    closedReason: text('closed_reason'),
  },
  (t) => [
    check('allocations_destination_ck', sql`${t.destination} in ('warehouse','event','org','aid')`),
    check(
      'allocations_destination_ref_ck',
      sql`(${t.destination} = 'warehouse' and ${t.toWarehouseId} is not null) or (${t.destination} = 'event' and ${t.eventId} is not null) or (${t.destination} = 'org' and ${t.toOrgId} is not null) or (${t.destination} = 'aid' and ${t.aidBatchRef} is not null)`,
    ),
    check(
      'allocations_status_ck',
      sql`${t.status} in ('requested','approved','rejected','shipped','signed','cancelled')`,
    ),
    check('allocations_approvals_ck', sql`${t.approvalsNeeded} between 1 and 3`),
    check('allocations_value_ck', sql`${t.valueFen} >= 0`),
    index('allocations_org_idx').on(t.orgId, t.status),
    index('allocations_requested_by_idx').on(t.requestedByOrgId),
    index('allocations_event_idx')
      .on(t.eventId)
      .where(sql`${t.eventId} is not null`),
    index('allocations_to_warehouse_idx')
      .on(t.toWarehouseId)
      .where(sql`${t.toWarehouseId} is not null`),
  ],
);

/** What an allocation asks for, by item. */
export const allocationLines = pgTable(
  'allocation_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    allocationId: integer('allocation_id')
      .notNull()
      .references(() => allocations.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => reliefItems.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    check('allocation_lines_quantity_ck', sql`${t.quantity} > 0`),
    uniqueIndex('allocation_lines_item_uq').on(t.allocationId, t.itemId),
  ],
);

/**
 * Which batches an allocation takes, and how much of each: reserved when the request is accepted
 * (earliest expiry first unless a batch was named), picked by scanning its label, shipped, and at
 * arrival received (into `dest_batch_id` when the destination is a warehouse).
 */
export const allocationPicks = pgTable(
  'allocation_picks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    allocationId: integer('allocation_id')
      .notNull()
      .references(() => allocations.id),
    lineId: integer('line_id')
      .notNull()
      .references(() => allocationLines.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    quantity: integer('quantity').notNull(),
    pickedQty: integer('picked_qty').notNull().default(0),
    pickedAt: timestamp('picked_at', { withTimezone: true }),
    pickedBy: text('picked_by'),
    receivedQty: integer('received_qty'),
    destBatchId: integer('dest_batch_id').references(() => stockBatches.id),
  },
  (t) => [
    check('allocation_picks_quantity_ck', sql`${t.quantity} > 0`),
    check('allocation_picks_picked_ck', sql`${t.pickedQty} between 0 and ${t.quantity}`),
    check(
      'allocation_picks_received_ck',
      sql`${t.receivedQty} is null or ${t.receivedQty} between 0 and ${t.quantity}`,
    ),
    uniqueIndex('allocation_picks_batch_uq').on(t.allocationId, t.batchId),
    index('allocation_picks_batch_idx').on(t.batchId),
  ],
);

/** One level's decision on an allocation (level 1 is the shipping society, 2 its parent …). */
export const allocationApprovals = pgTable(
  'allocation_approvals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    allocationId: integer('allocation_id')
      .notNull()
      .references(() => allocations.id),
    level: integer('level').notNull(),
    decision: text('decision').notNull(),
    comment: text('comment'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('allocation_approvals_decision_ck', sql`${t.decision} in ('approved','rejected')`),
    uniqueIndex('allocation_approvals_level_uq').on(t.allocationId, t.level),
  ],
);

/** Photos and scans kept with relief documents: the signed delivery note (签收单), stock-take sheets … */
export const reliefAttachments = pgTable(
  'relief_attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'relief_attachments_entity_ck',
      sql`${t.entityType} in ('allocation','stocktake','write_off','goods_in','return')`,
    ),
    index('relief_attachments_entity_idx').on(t.entityType, t.entityId),
  ],
);

/**
 * 盘点: a count of one warehouse. Lines snapshot each batch's on_hand when counting starts; on
 * approval each variance (counted − snapshot) is applied as a stocktake_gain / stocktake_loss movement.
 */
export const stocktakes = pgTable(
  'stocktakes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    status: text('status').notNull().default('counting'),
    startedBy: text('started_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    comment: text('comment'),
  },
  (t) => [
    check('stocktakes_status_ck', sql`${t.status} in ('counting','submitted','approved','rejected')`),
    index('stocktakes_org_idx').on(t.orgId, t.status),
    // One open count per warehouse at a time.
    uniqueIndex('stocktakes_open_uq')
      .on(t.warehouseId)
      .where(sql`${t.status} in ('counting','submitted')`),
  ],
);

export const stocktakeLines = pgTable(
  'stocktake_lines',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    stocktakeId: integer('stocktake_id')
      .notNull()
      .references(() => stocktakes.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    systemQty: integer('system_qty').notNull(),
    countedQty: integer('counted_qty'),
    varianceReason: text('variance_reason'),
  },
  (t) => [
    check('stocktake_lines_counted_ck', sql`${t.countedQty} is null or ${t.countedQty} >= 0`),
    uniqueIndex('stocktake_lines_batch_uq').on(t.stocktakeId, t.batchId),
  ],
);

/**
 * 报废 (write-off, needs approval) and returns: goods coming back into stock from where they were
 * sent (return_in, against the allocation), or going back to their supplier or donor (return_out).
 */
export const stockAdjustments = pgTable(
  'stock_adjustments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    kind: text('kind').notNull(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    batchId: integer('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    allocationId: integer('allocation_id').references(() => allocations.id),
    quantity: integer('quantity').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    /** return_out: the supplier or donor the goods go back to. */
    counterparty: text('counterparty'),
    status: text('status').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why the approver decided so (a rejection always says why). */
    decisionNote: text('decision_note'),
  },
  (t) => [
    check('stock_adjustments_kind_ck', sql`${t.kind} in ('write_off','return_in','return_out')`),
    check('stock_adjustments_quantity_ck', sql`${t.quantity} > 0`),
    check('stock_adjustments_status_ck', sql`${t.status} in ('requested','approved','rejected','done')`),
    index('stock_adjustments_org_idx').on(t.orgId, t.kind, t.status),
    // Returns against an allocation are summed per pick to cap what may still come back.
    index('stock_adjustments_allocation_idx')
      .on(t.allocationId, t.batchId)
      .where(sql`${t.allocationId} is not null`),
  ],
);

/**
 * One row per expiry alert sent: a batch entering a stage (90 days left, 30 days left, expired) for its
 * expiry date. The primary key is the "once per batch and stage, never twice" rule; a corrected expiry
 * date is a new date and alerts anew.
 */
export const stockExpiryAlerts = pgTable(
  'stock_expiry_alerts',
  {
    batchId: integer('batch_id')
      .notNull()
      .references(() => stockBatches.id),
    stage: text('stage').notNull(),
    expiresOn: date('expires_on').notNull(),
    orgId: orgIdColumn(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.stage, t.expiresOn] }),
    check('stock_expiry_alerts_stage_ck', sql`${t.stage} in ('d90','d30','expired')`),
  ],
);
