import { ALLOCATION_TWO_LEVEL_FEN, type AllocationDetail, type CreateAllocationInput } from '@boai/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { requireOrgAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { findEventForOrg } from '../disaster-events/index.ts';
import { orgsById, unsafeFindOrg } from '../orgs/index.ts';
import { loadAllocationDetail } from './allocation-detail.ts';
import { askable } from './allocation-options.ts';
import {
  designationAllows,
  holdsAt,
  isExpired,
  labelledBatches,
  type DestinationFacts,
  type LabelledBatch,
} from './allocation-repository.ts';
import { valueOf } from './repository.ts';
import { allocationLines, allocationPicks, allocations, stockBatches, warehouses } from './schema.ts';
import { releaseStock, reserveStock } from './stock.ts';

/**
 * 调拨申请. Accepted only if every line can be reserved at once — earliest expiry first (FEFO), then
 * the oldest batch, never an expired one, and only batches whose designation allows this destination;
 * a named batch gives the whole line. Whatever cannot be reserved refuses the request with
 * STOCK_INSUFFICIENT and, the transaction rolling back, leaves nothing reserved.
 *
 * Who may ask: staff managing the source warehouse's society (for any destination), or staff of a
 * society below it asking for goods for itself — the source's society is then an ancestor of the
 * requesting one, and the goods must go to the requesting society or below.
 *
 * Locking: the plan is made from an unlocked read and everything is written before any batch is
 * touched; then each batch's conditional UPDATE (`reserveStock`, in batch id order) either fits or
 * fails. A reservation holds the batch's row lock to commit, so the time concurrent requests for one
 * batch queue behind each other is a few statements. If stock moved since the plan, the batches are
 * locked and the plan made again from what is then there.
 */
export async function requestAllocation(
  tx: Tx,
  actor: Actor,
  input: CreateAllocationInput,
  now = new Date(),
): Promise<AllocationDetail> {
  // A warehouse the actor could never ask from (not of a society it manages, nor above one) is the
  // same NOT_FOUND as a missing one, before anything else about it (inactive, the same as the
  // destination …) can be told.
  const [source] = await tx
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.id, input.fromWarehouseId), askable(actor)));
  if (!source) throw invalid('NOT_FOUND', 'fromWarehouseId');
  const requesterOrgId =
    input.requestedByOrgId ??
    (actor.kind === 'user' && !(await holdsAt(tx, actor, 'relief:manage', source.orgId))
      ? actor.homeOrgId
      : source.orgId);
  try {
    await requireOrgAccess(tx, actor, 'relief:manage', [requesterOrgId]);
  } catch {
    throw invalid('NOT_FOUND', input.requestedByOrgId ? 'requestedByOrgId' : 'fromWarehouseId');
  }
  if (!source.active) throw invalid('ALLOCATION_WAREHOUSE_INACTIVE', 'fromWarehouseId');
  const dest = await resolveDestination(tx, actor, input, requesterOrgId, source.id);
  const tree = await orgsById(tx, [source.orgId, requesterOrgId, dest.orgId]);
  const sourceOrg = tree.get(source.orgId)!;
  const requesterOrg = tree.get(requesterOrgId)!;
  const destOrg = tree.get(dest.orgId)!;
  // A warehouse neither of the requesting society nor above it is not the requester's to see.
  if (!requesterOrg.path.startsWith(sourceOrg.path)) throw invalid('NOT_FOUND', 'fromWarehouseId');
  if (requesterOrgId !== source.orgId && !destOrg.path.startsWith(requesterOrg.path))
    throw invalid('ALLOCATION_FOR_ITSELF_ONLY', 'destination');

  const itemIds = input.lines.map((l) => l.itemId);
  let plan = planLines(await candidates(tx, source.id, itemIds), input.lines, dest, now);
  const needsParent = (valueFen: number) =>
    sourceOrg.parentId !== null &&
    (valueFen >= ALLOCATION_TWO_LEVEL_FEN || !destOrg.path.startsWith(sourceOrg.path));
  const [row] = await tx
    .insert(allocations)
    .values({
      orgId: source.orgId,
      fromWarehouseId: source.id,
      destination: input.destination,
      toWarehouseId: dest.toWarehouseId,
      toOrgId: dest.orgId,
      eventId: dest.eventId,
      aidBatchRef: input.destination === 'aid' ? input.aidBatchRef! : null,
      purpose: input.purpose,
      status: 'requested',
      approvalsNeeded: needsParent(plan.valueFen) ? 2 : 1,
      valueFen: plan.valueFen,
      requestedByOrgId: requesterOrgId,
      requestedBy: actorName(actor),
      requestedAt: now,
    })
    .returning();
  const id = row!.id;
  const lines = await tx
    .insert(allocationLines)
    .values(
      input.lines.map((l) => ({
        orgId: source.orgId,
        allocationId: id,
        itemId: l.itemId,
        quantity: l.quantity,
      })),
    )
    .returning();
  const lineOf = new Map(lines.map((l) => [l.itemId, l.id]));
  const writePicks = (p: Plan) =>
    tx.insert(allocationPicks).values(
      p.picks.map((r) => ({
        orgId: source.orgId,
        allocationId: id,
        lineId: lineOf.get(r.batch.itemId)!,
        batchId: r.batch.id,
        quantity: r.quantity,
      })),
    );
  await writePicks(plan);
  // What was asked, not which batches answer it (the picks are the record of that, and may be planned
  // again below): so the audit row can be written before any batch is touched.
  await recordAudit(tx, actor, {
    action: 'relief.allocation_request',
    orgId: source.orgId,
    entityType: 'allocation',
    entityId: id,
    after: {
      status: 'requested',
      fromWarehouseId: source.id,
      destination: input.destination,
      toOrgId: dest.orgId,
      toWarehouseId: dest.toWarehouseId,
      eventId: dest.eventId,
      aidBatchRef: row!.aidBatchRef,
      requestedByOrgId: requesterOrgId,
      purpose: input.purpose,
      lines: input.lines,
    },
  });
  let detail = await loadAllocationDetail(tx, actor, id);

  // Only now touch the batches: a reservation holds the batch's row lock until commit, so everything
  // else is done first and concurrent requests for the same batch queue behind a few statements only.
  if (!(await tryReserveAll(tx, plan))) {
    // Someone took stock since the plan was read: plan again with the batches locked — FOR NO KEY
    // UPDATE, as the reserving UPDATE itself locks (FOR UPDATE would also wait for every open
    // transaction that inserted a pick of the batch, and deadlock with them) — in id order, so
    // concurrent planners cannot deadlock either; what is read now is what will be reserved.
    await tx
      .select({ id: stockBatches.id })
      .from(stockBatches)
      .where(and(eq(stockBatches.warehouseId, source.id), inArray(stockBatches.itemId, itemIds)))
      .orderBy(asc(stockBatches.id))
      .for('no key update');
    plan = planLines(await candidates(tx, source.id, itemIds), input.lines, dest, now);
    if (!(await tryReserveAll(tx, plan))) throw conflict('STOCK_INSUFFICIENT', 'lines');
    await tx.delete(allocationPicks).where(eq(allocationPicks.allocationId, id));
    await writePicks(plan);
    await tx
      .update(allocations)
      .set({ valueFen: plan.valueFen, approvalsNeeded: needsParent(plan.valueFen) ? 2 : 1 })
      .where(eq(allocations.id, id));
    detail = await loadAllocationDetail(tx, actor, id);
  }
  return detail;
}

/**
 * The destination's rows, checked, and the receiving society (stored as to_org_id for every kind, so
 * both ends of an allocation are one indexed column each). An aid batch is run by `toOrgId` or, left
 * out, by the requesting society.
 */
async function resolveDestination(
  tx: Tx,
  actor: Actor,
  input: CreateAllocationInput,
  requesterOrgId: number,
  sourceWarehouseId: number,
): Promise<DestinationFacts & { toWarehouseId: number | null }> {
  let eventOrgId: number | null = null;
  if (input.eventId) {
    // Only an event the requester may see (its society's, above or below it — never a sibling's).
    const event = await findEventForOrg(tx, actor, input.eventId, {
      orgId: requesterOrgId,
      permission: 'relief:manage',
      allowClosed: true,
    });
    if (event.status !== 'active') throw invalid('ALLOCATION_EVENT_CLOSED', 'eventId');
    eventOrgId = event.orgId;
  }
  const facts = { destination: input.destination, eventId: input.eventId ?? null, toWarehouseId: null };
  switch (input.destination) {
    case 'warehouse': {
      const [w] = await tx.select().from(warehouses).where(eq(warehouses.id, input.toWarehouseId!));
      if (!w) throw invalid('NOT_FOUND', 'toWarehouseId');
      if (w.id === sourceWarehouseId) throw invalid('ALLOCATION_SAME_WAREHOUSE', 'toWarehouseId');
      if (!w.active) throw invalid('ALLOCATION_WAREHOUSE_INACTIVE', 'toWarehouseId');
      return { ...facts, orgId: w.orgId, toWarehouseId: w.id };
    }
    case 'event':
      return { ...facts, orgId: eventOrgId! };
    default: {
      const orgId = input.toOrgId ?? requesterOrgId;
      const org = await unsafeFindOrg(tx, orgId);
      if (!org) throw invalid('NOT_FOUND', 'toOrgId');
      if (!org.active) throw invalid('ORG_INACTIVE', 'toOrgId');
      return { ...facts, orgId };
    }
  }
}

interface Plan {
  picks: { batch: LabelledBatch; quantity: number }[];
  valueFen: number;
}

/** The source warehouse's batches of the requested items, FEFO: earliest expiry, then oldest, then id. */
function candidates(tx: Tx, warehouseId: number, itemIds: number[]): Promise<LabelledBatch[]> {
  const b = stockBatches;
  return labelledBatches(tx, and(eq(b.warehouseId, warehouseId), inArray(b.itemId, itemIds))!, [
    sql`${b.expiresOn} asc nulls last`,
    asc(b.receivedAt),
    asc(b.id),
  ]);
}

/** Which batches give how much, from the batches as read; refuses what they cannot give in full. */
function planLines(
  batches: LabelledBatch[],
  lines: CreateAllocationInput['lines'],
  dest: DestinationFacts,
  now: Date,
): Plan {
  const picks: Plan['picks'] = [];
  for (const [i, line] of lines.entries()) {
    if (line.batchId) {
      const batch = batches.find((x) => x.id === line.batchId && x.itemId === line.itemId);
      if (!batch) throw invalid('ALLOCATION_BATCH_NOT_IN_WAREHOUSE', `lines.${i}.batchId`);
      checkBatchFor(batch, dest, i, now, `lines.${i}.batchId`);
      if (batch.onHand - batch.reserved < line.quantity)
        throw conflict('STOCK_INSUFFICIENT', `lines.${i}.quantity`);
      picks.push({ batch, quantity: line.quantity });
      continue;
    }
    let left = line.quantity;
    for (const batch of batches) {
      if (left === 0) break;
      if (batch.itemId !== line.itemId || isExpired(batch, now) || !designationAllows(batch, dest)) continue;
      const take = Math.min(left, batch.onHand - batch.reserved);
      if (take <= 0) continue;
      picks.push({ batch, quantity: take });
      left -= take;
    }
    if (left > 0) throw conflict('STOCK_INSUFFICIENT', `lines.${i}.quantity`);
  }
  let valueFen = 0;
  for (const r of picks) {
    const v = valueOf(r.batch.unitValueFen, r.quantity);
    if (v === null || valueFen + v > Number.MAX_SAFE_INTEGER) throw invalid('GOODS_VALUE_TOO_LARGE', 'lines');
    valueFen += v;
  }
  return { picks, valueFen };
}

/**
 * Reserves a plan, batches in id order (the order every multi-batch write locks them in). If one no
 * longer has enough free, what this plan already reserved is given back and the answer is false.
 */
async function tryReserveAll(tx: Tx, plan: Plan): Promise<boolean> {
  const done: Plan['picks'] = [];
  for (const r of [...plan.picks].sort((x, y) => x.batch.id - y.batch.id)) {
    try {
      await reserveStock(tx, r.batch.id, r.quantity);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'STOCK_INSUFFICIENT') throw e;
      for (const d of done) await releaseStock(tx, d.batch.id, d.quantity);
      return false;
    }
    done.push(r);
  }
  return true;
}

/** A batch named for (or scanned into) an allocation: not expired, and its designation allows the destination. */
export function checkBatchFor(
  batch: LabelledBatch,
  dest: DestinationFacts,
  lineIndex: number,
  now: Date,
  field: string,
): void {
  if (isExpired(batch, now))
    throw invalid('ALLOCATION_BATCH_EXPIRED', field, { code: batch.code, date: batch.expiresOn! });
  if (!designationAllows(batch, dest))
    throw new AppError(
      'ALLOCATION_DESIGNATED_ELSEWHERE',
      400,
      [{ field, code: 'ALLOCATION_DESIGNATED_ELSEWHERE' }],
      {
        line: lineIndex + 1,
        code: batch.code,
        designation: batch.designationLabel ?? '定向',
      },
    );
}
