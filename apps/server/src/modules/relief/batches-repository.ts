import {
  BATCH_CODE_PATTERN,
  shanghaiDate,
  type BatchSource,
  type ListBatchesQuery,
  type Permission,
  type ReliefBatch,
  addDays,
} from '@boai/contracts';
import { and, asc, eq, gt, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { notFound } from '../../platform/errors.ts';
import { disasterEvents } from '../disaster-events/index.ts';
import { gifts, receipts } from '../donations/index.ts';
import { orgs } from '../orgs/index.ts';
import { normalizeBatchCode } from './repository.ts';
import { reliefItems, stockBatches, warehouseLocations, warehouses } from './schema.ts';

export type BatchRow = typeof stockBatches.$inferSelect;

/** The stock list's filters over batches the actor may see with `permission`. */
export function batchFilter(
  actor: Actor,
  query: Omit<ListBatchesQuery, 'page' | 'pageSize'>,
  permission: Permission = 'relief:read',
  now = new Date(),
): SQL {
  const b = stockBatches;
  const designated = or(
    isNotNull(b.designatedOrgId),
    isNotNull(b.designatedEventId),
    isNotNull(b.designation),
  );
  return and(
    inScope(actor, permission, b.orgId),
    query.orgId ? inOrgSubtree(b.orgId, query.orgId) : undefined,
    query.warehouseId ? eq(b.warehouseId, query.warehouseId) : undefined,
    query.itemId ? eq(b.itemId, query.itemId) : undefined,
    query.source ? eq(b.source, query.source) : undefined,
    query.giftId ? eq(b.giftId, query.giftId) : undefined,
    query.designated === 'true' ? designated : undefined,
    query.designated === 'false'
      ? and(isNull(b.designatedOrgId), isNull(b.designatedEventId), isNull(b.designation))
      : undefined,
    query.inStock === 'true' ? gt(b.onHand, 0) : undefined,
    query.inStock === 'false' ? eq(b.onHand, 0) : undefined,
    query.expiringWithinDays !== undefined
      ? and(gt(b.onHand, 0), sql`${b.expiresOn} <= ${addDays(shanghaiDate(now), query.expiringWithinDays)}`)
      : undefined,
    query.q
      ? or(
          eq(b.code, normalizeBatchCode(query.q)),
          ilike(b.lotNo, containsPattern(query.q)),
          sql`${b.itemId} in (select ${reliefItems.id} from ${reliefItems} where ${ilike(reliefItems.name, containsPattern(query.q))} or ${ilike(reliefItems.code, containsPattern(query.q))})`,
        )
      : undefined,
  )!;
}

const designatedOrg = alias(orgs, 'designated_org');

/**
 * Batches as the stock list shows them: society, warehouse and location, item, the gift's receipt
 * and donor (the public name fixed on the gift: masked for a person who did not consent), and the
 * designation's society and event — in ONE query, FEFO order within each warehouse and item.
 */
export async function selectBatches(
  q: Queryable,
  where: SQL,
  page?: { limit: number; offset: number },
): Promise<ReliefBatch[]> {
  const b = stockBatches;
  const query = q
    .select({
      b,
      orgName: orgs.name,
      warehouseName: warehouses.name,
      locationCode: warehouseLocations.code,
      itemCode: reliefItems.code,
      itemName: reliefItems.name,
      spec: reliefItems.spec,
      unit: reliefItems.unit,
      receiptNo: receipts.number,
      donorName: gifts.donorPublicName,
      designatedOrgName: designatedOrg.name,
      designatedEventName: disasterEvents.name,
    })
    .from(b)
    .innerJoin(orgs, eq(orgs.id, b.orgId))
    .innerJoin(warehouses, eq(warehouses.id, b.warehouseId))
    .innerJoin(reliefItems, eq(reliefItems.id, b.itemId))
    .leftJoin(warehouseLocations, eq(warehouseLocations.id, b.locationId))
    .leftJoin(gifts, eq(gifts.id, b.giftId))
    .leftJoin(receipts, eq(receipts.id, gifts.receiptId))
    .leftJoin(designatedOrg, eq(designatedOrg.id, b.designatedOrgId))
    .leftJoin(disasterEvents, eq(disasterEvents.id, b.designatedEventId))
    .where(where)
    .orderBy(asc(b.warehouseId), asc(b.itemId), sql`${b.expiresOn} asc nulls last`, asc(b.id));
  const rows = await (page ? query.limit(page.limit).offset(page.offset) : query);
  return rows.map((r) => ({
    id: r.b.id,
    code: r.b.code,
    orgId: r.b.orgId,
    orgName: r.orgName,
    warehouseId: r.b.warehouseId,
    warehouseName: r.warehouseName,
    locationId: r.b.locationId,
    locationCode: r.locationCode,
    itemId: r.b.itemId,
    itemCode: r.itemCode,
    itemName: r.itemName,
    spec: r.spec,
    unit: r.unit,
    lotNo: r.b.lotNo,
    expiresOn: r.b.expiresOn,
    source: r.b.source as BatchSource,
    giftId: r.b.giftId,
    giftReceiptNo: r.receiptNo,
    donorName: r.donorName,
    supplier: r.b.supplier,
    purchaseRef: r.b.purchaseRef,
    parentBatchId: r.b.parentBatchId,
    designatedOrgId: r.b.designatedOrgId,
    designatedOrgName: r.designatedOrgName,
    designatedEventId: r.b.designatedEventId,
    designatedEventName: r.designatedEventName,
    designation: r.b.designation,
    unitValueFen: r.b.unitValueFen,
    receivedQty: r.b.receivedQty,
    onHand: r.b.onHand,
    reserved: r.b.reserved,
    free: r.b.onHand - r.b.reserved,
    valueFen: r.b.onHand * r.b.unitValueFen,
    receivedAt: r.b.receivedAt.toISOString(),
  }));
}

/** Batches by id as presented, after the caller has checked access to every id. */
export const unsafePresentBatchesById = (q: Queryable, ids: number[]) =>
  ids.length ? selectBatches(q, inArray(stockBatches.id, ids)) : Promise.resolve([]);

/**
 * The batch a scanned or typed label names (PC00000042, any case, surrounding spaces ignored), if
 * the actor holds `permission` over its society. Anything else — a malformed code, no such batch,
 * a sibling society's batch — is the same NOT_FOUND.
 */
export async function findBatchByCode(
  q: Queryable,
  actor: Actor,
  code: string,
  permission: Permission = 'relief:read',
): Promise<ReliefBatch> {
  const normalized = normalizeBatchCode(code);
  if (!BATCH_CODE_PATTERN.test(normalized)) throw notFound();
  const [batch] = await selectBatches(
    q,
    and(eq(stockBatches.code, normalized), inScope(actor, permission, stockBatches.orgId))!,
  );
  if (!batch) throw notFound();
  return batch;
}
