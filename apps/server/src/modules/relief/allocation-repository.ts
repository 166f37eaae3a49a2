import {
  ALLOCATION_STATUS_LABELS,
  shanghaiDate,
  type Allocation,
  type AllocationDestination,
  type AllocationStatus,
  type Permission,
} from '@boai/contracts';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { disasterEvents } from '../disaster-events/index.ts';
import { orgNamesById, orgs } from '../orgs/index.ts';
import { releaseStock } from './stock.ts';
import {
  allocationApprovals,
  allocationLines,
  allocationPicks,
  allocations,
  stockBatches,
  warehouses,
} from './schema.ts';

export type AllocationRow = typeof allocations.$inferSelect;
export type PickRow = typeof allocationPicks.$inferSelect;
const a = allocations;

/**
 * Who sees an allocation: both ends of it. The shipping society (org_id), the receiving society
 * (to_org_id, filled for every destination — a warehouse's society, an event's, the aid batch's) and
 * the society that asked — each with their ancestors through `inScope`. A sibling of all three sees
 * nothing.
 */
export const allocationVisible = (actor: Actor, permission: Permission = 'relief:read'): SQL =>
  or(
    inScope(actor, permission, a.orgId),
    inScope(actor, permission, a.toOrgId),
    inScope(actor, permission, a.requestedByOrgId),
  )!;

/**
 * The allocation an action is about, locked for the rest of the transaction: two actions on one
 * allocation (approve racing cancel, two scanners picking) queue here and the second sees the first's
 * outcome. One the actor cannot see answers NOT_FOUND, as a missing one.
 */
export async function lockAllocation(tx: Tx, actor: Actor, id: number): Promise<AllocationRow> {
  const [seen] = await tx
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.id, id), allocationVisible(actor)));
  if (!seen) throw notFound();
  // NO KEY UPDATE: the lock an UPDATE of the row takes, so it does not wait on (or deadlock with)
  // transactions that merely inserted rows pointing at the allocation (its picks, approvals, returns).
  const [row] = await tx.select().from(a).where(eq(a.id, id)).for('no key update');
  return row!;
}

/** Of `orgIds`, those where the actor holds `permission` (through `inScope`, one query). */
export async function heldAt(q: Queryable, actor: Actor, permission: Permission, orgIds: number[]) {
  const ids = [...new Set(orgIds)];
  if (!ids.length) return new Set<number>();
  const rows = await q
    .select({ id: orgs.id })
    .from(orgs)
    .where(and(inArray(orgs.id, ids), inScope(actor, permission, orgs.id)));
  return new Set(rows.map((r) => r.id));
}
export const holdsAt = async (q: Queryable, actor: Actor, permission: Permission, orgId: number) =>
  (await heldAt(q, actor, permission, [orgId])).has(orgId);

/** The society deciding approval `level`: 1 the shipping society, 2 its parent. */
export async function levelOrgId(q: Queryable, alloc: AllocationRow, level: number): Promise<number> {
  if (level === 1) return alloc.orgId;
  const [row] = await q.select({ parentId: orgs.parentId }).from(orgs).where(eq(orgs.id, alloc.orgId));
  return row!.parentId!;
}

export const wrongStatus = (status: string, action: string) =>
  new AppError('ALLOCATION_WRONG_STATUS', 409, [], {
    status: ALLOCATION_STATUS_LABELS[status as AllocationStatus].zh,
    action,
  });

/** Picking and shipping belong to the shipping society's staff. */
export async function requireShippingSide(q: Queryable, actor: Actor, alloc: AllocationRow) {
  if (!(await holdsAt(q, actor, 'relief:manage', alloc.orgId)))
    throw new AppError('ALLOCATION_NOT_SHIPPING_SIDE', 403);
}

/**
 * Signing belongs to the receiving side: staff managing the receiving society who do not also
 * manage the shipping one (a city's admin covers its districts, but must not sign for goods the city
 * itself sent). When both ends are one society (an aid batch or event the shipping society runs), its
 * own staff sign. Named system actors (the demo seed) sign as who they are.
 */
export async function maySign(q: Queryable, actor: Actor, alloc: AllocationRow): Promise<boolean> {
  if (actor.kind === 'system') return true;
  const held = await heldAt(q, actor, 'relief:manage', [alloc.toOrgId!, alloc.orgId]);
  if (!held.has(alloc.toOrgId!)) return false;
  return alloc.toOrgId === alloc.orgId || !held.has(alloc.orgId);
}

/** A batch past its expiry date (it is still good on the day itself). */
export const isExpired = (b: { expiresOn: string | null }, now: Date) =>
  b.expiresOn !== null && b.expiresOn < shanghaiDate(now);

/** Where an allocation's goods go, as the designation rule reads it. */
export interface DestinationFacts {
  destination: AllocationDestination;
  eventId: number | null;
  /** The receiving society (to_org_id). */
  orgId: number;
}

export const destinationFacts = (a: AllocationRow): DestinationFacts => ({
  destination: a.destination as AllocationDestination,
  eventId: a.eventId,
  orgId: a.toOrgId!,
});

/**
 * The donor's designation binds every batch split from the gift. Designated to an event: only to
 * that event (an allocation to it, or linked to it), or into another warehouse, which carries the
 * designation along. Designated to a society: only to that society — to it, a warehouse of it, or an
 * event or aid batch it runs.
 */
export function designationAllows(
  b: { designatedEventId: number | null; designatedOrgId: number | null },
  d: DestinationFacts,
): boolean {
  if (b.designatedEventId !== null && d.destination !== 'warehouse' && d.eventId !== b.designatedEventId)
    return false;
  return b.designatedOrgId === null || b.designatedOrgId === d.orgId;
}

export const designatedEvent = alias(disasterEvents, 'designated_event');
export const designatedOrg = alias(orgs, 'designated_org');
export type BatchRow = typeof stockBatches.$inferSelect;
export type LabelledBatch = BatchRow & { designationLabel: string | null };

/**
 * What staff read of a batch's designation: its event, its society and the donor's words
 * (“2026年第14号台风“海葵”防御与救灾；梁溪区红十字会；用于安置点”), or null for free goods.
 */
export const designationLabel = (
  b: { designation: string | null },
  event: string | null,
  org: string | null,
) => [event, org, b.designation].filter(Boolean).join('；') || null;

/** Batches with their designation spelled out, in the order given (the caller's `where` and `orderBy`). */
export async function labelledBatches(
  q: Queryable,
  where: SQL,
  orderBy: SQL[] = [],
): Promise<LabelledBatch[]> {
  const rows = await q
    .select({ b: stockBatches, event: designatedEvent.name, org: designatedOrg.name })
    .from(stockBatches)
    .leftJoin(designatedEvent, eq(designatedEvent.id, stockBatches.designatedEventId))
    .leftJoin(designatedOrg, eq(designatedOrg.id, stockBatches.designatedOrgId))
    .where(where)
    .orderBy(...orderBy);
  return rows.map((r) => ({ ...r.b, designationLabel: designationLabel(r.b, r.event, r.org) }));
}

const fromWarehouse = alias(warehouses, 'from_warehouse');
const toWarehouse = alias(warehouses, 'to_warehouse');

/** Allocation columns with the names and sums the console shows, in one query. */
export const allocationListColumns = {
  a,
  fromWarehouseName: fromWarehouse.name,
  toWarehouseName: toWarehouse.name,
  eventName: disasterEvents.name,
  approvalsGiven: sql<number>`(select count(*)::int from ${allocationApprovals} where ${allocationApprovals.allocationId} = ${a.id} and ${allocationApprovals.decision} = 'approved')`,
  totalQty: sql<number>`(select coalesce(sum(${allocationLines.quantity}), 0)::int from ${allocationLines} where ${allocationLines.allocationId} = ${a.id})`,
  pickedQty: sql<number>`(select coalesce(sum(${allocationPicks.pickedQty}), 0)::int from ${allocationPicks} where ${allocationPicks.allocationId} = ${a.id})`,
};

export function selectAllocations(q: Queryable) {
  return q
    .select(allocationListColumns)
    .from(a)
    .innerJoin(fromWarehouse, eq(fromWarehouse.id, a.fromWarehouseId))
    .leftJoin(toWarehouse, eq(toWarehouse.id, a.toWarehouseId))
    .leftJoin(disasterEvents, eq(disasterEvents.id, a.eventId));
}

type ListRow = {
  a: AllocationRow;
  fromWarehouseName: string;
  toWarehouseName: string | null;
  eventName: string | null;
  approvalsGiven: number;
  totalQty: number;
  pickedQty: number;
};

export function destinationLabel(
  r: Pick<AllocationRow, 'destination' | 'aidBatchRef'>,
  names: { toWarehouseName: string | null; toOrgName: string | null; eventName: string | null },
): string {
  switch (r.destination) {
    case 'warehouse':
      return `${names.toWarehouseName}（${names.toOrgName}）`;
    case 'event':
      return `灾害事件：${names.eventName}`;
    case 'org':
      return names.toOrgName ?? '';
    default:
      return `救助批次 ${r.aidBatchRef}（${names.toOrgName}）`;
  }
}

export async function presentAllocations(q: Queryable, rows: ListRow[]): Promise<Allocation[]> {
  const names = await orgNamesById(
    q,
    rows.flatMap((r) => [r.a.orgId, r.a.requestedByOrgId, ...(r.a.toOrgId ? [r.a.toOrgId] : [])]),
  );
  return rows.map(({ a: r, ...x }) => {
    const toOrgName = r.toOrgId ? (names.get(r.toOrgId) ?? null) : null;
    return {
      id: r.id,
      orgId: r.orgId,
      orgName: names.get(r.orgId) ?? '',
      fromWarehouseId: r.fromWarehouseId,
      fromWarehouseName: x.fromWarehouseName,
      destination: r.destination as AllocationDestination,
      toWarehouseId: r.toWarehouseId,
      toWarehouseName: x.toWarehouseName,
      toOrgId: r.toOrgId,
      toOrgName,
      eventId: r.eventId,
      eventName: x.eventName,
      aidBatchRef: r.aidBatchRef,
      destinationLabel: destinationLabel(r, { ...x, toOrgName }),
      purpose: r.purpose,
      status: r.status as AllocationStatus,
      approvalsNeeded: r.approvalsNeeded,
      approvalsGiven: Number(x.approvalsGiven),
      valueFen: r.valueFen,
      totalQty: Number(x.totalQty),
      pickedQty: Number(x.pickedQty),
      requestedByOrgId: r.requestedByOrgId,
      requestedByOrgName: names.get(r.requestedByOrgId) ?? '',
      requestedBy: r.requestedBy,
      requestedAt: r.requestedAt.toISOString(),
      carrier: r.carrier,
      trackingNo: r.trackingNo,
      shippedAt: r.shippedAt?.toISOString() ?? null,
      shippedBy: r.shippedBy,
      signedAt: r.signedAt?.toISOString() ?? null,
      signerName: r.signerName,
      signNote: r.signNote,
      closedReason: r.closedReason,
    };
  });
}

/** What the audit trail keeps of an allocation before and after a step. */
export const auditAllocation = (r: AllocationRow) => ({
  status: r.status,
  valueFen: r.valueFen,
  approvalsNeeded: r.approvalsNeeded,
  carrier: r.carrier,
  trackingNo: r.trackingNo,
  signerName: r.signerName,
  closedReason: r.closedReason,
});

/** The picks of an allocation, by batch (the order stock rows are locked in, everywhere). */
export const picksOf = (q: Queryable, allocationId: number) =>
  q
    .select()
    .from(allocationPicks)
    .where(eq(allocationPicks.allocationId, allocationId))
    .orderBy(allocationPicks.batchId);

/** Gives back every reservation an allocation still holds (it was rejected or cancelled before shipping). */
export async function releaseAll(tx: Tx, allocationId: number): Promise<void> {
  for (const p of await picksOf(tx, allocationId)) await releaseStock(tx, p.batchId, p.quantity);
}
