import type { AllocationDetail, SignAllocationInput } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { recordPublicEvents } from '../../platform/ledger/index.ts';
import { loadAllocationDetail } from './allocation-detail.ts';
import { storeAllocationPhoto } from './allocation-photo.ts';
import {
  auditAllocation,
  lockAllocation,
  maySign,
  picksOf,
  wrongStatus,
  type AllocationRow,
  type PickRow,
} from './allocation-repository.ts';
import { batchCode, nextBatchId } from './repository.ts';
import { allocationPicks, allocations, stockBatches, warehouses } from './schema.ts';
import { moveStock } from './stock.ts';

/**
 * 签收 at arrival, by the receiving side (see `maySign`): who signed, what arrived per pick (all that
 * was shipped unless said otherwise; any difference needs a note), the photo of the signed delivery
 * note. Into a warehouse, each pick arrives as a new batch there — source 'transfer', its parent
 * batch, gift and designation copied down, a label code of its own — brought in by moveStock, so the
 * donor's goods can be followed to any depth. A shortfall stays recorded against the pick; the goods
 * already left the shipping warehouse at shipping.
 */
export async function signAllocation(
  tx: Tx,
  actor: Actor,
  id: number,
  input: SignAllocationInput,
  now = new Date(),
): Promise<AllocationDetail> {
  const alloc = await lockAllocation(tx, actor, id);
  if (alloc.status !== 'shipped') throw wrongStatus(alloc.status, '签收');
  if (!(await maySign(tx, actor, alloc))) throw new AppError('ALLOCATION_SIGN_NOT_DESTINATION', 403);
  const picks = await picksOf(tx, id);
  const received = new Map(picks.map((p) => [p.id, p.quantity]));
  for (const [i, x] of (input.picks ?? []).entries()) {
    const pick = picks.find((p) => p.id === x.pickId);
    if (!pick) throw invalid('ALLOCATION_PICK_NOT_FOUND', `picks.${i}.pickId`);
    if (x.receivedQty > pick.quantity)
      throw invalid('ALLOCATION_RECEIVED_EXCEEDS', `picks.${i}.receivedQty`, { max: pick.quantity });
    received.set(pick.id, x.receivedQty);
  }
  if (picks.some((p) => received.get(p.id) !== p.quantity) && !input.note)
    throw invalid('ALLOCATION_SIGN_NOTE_REQUIRED', 'note');
  const photo = input.photo ? await storeAllocationPhoto(tx, actor, alloc, input.photo) : null;

  const arrivals: { pickId: number; receivedQty: number; destBatchId: number | null }[] = [];
  for (const p of picks) {
    const qty = received.get(p.id)!;
    const destBatchId =
      alloc.destination === 'warehouse' && qty > 0
        ? await receiveIntoWarehouse(tx, actor, alloc, p, qty, now)
        : null;
    await tx
      .update(allocationPicks)
      .set({ receivedQty: qty, destBatchId })
      .where(eq(allocationPicks.id, p.id));
    arrivals.push({ pickId: p.id, receivedQty: qty, destBatchId });
  }
  const [after] = await tx
    .update(allocations)
    .set({ status: 'signed', signedAt: now, signerName: input.signerName, signNote: input.note ?? null })
    .where(eq(allocations.id, id))
    .returning();
  await recordPublicEvents(tx, [
    { orgId: alloc.orgId, kind: 'allocation.signed', ref: `allocation-signed:${id}` },
  ]);
  await recordAudit(tx, actor, {
    action: 'relief.allocation_sign',
    orgId: alloc.orgId,
    entityType: 'allocation',
    entityId: id,
    before: auditAllocation(alloc),
    after: { ...auditAllocation(after!), arrivals, photo },
  });
  return loadAllocationDetail(tx, actor, id);
}

/** The new batch a pick becomes in the receiving warehouse; returns its id. */
async function receiveIntoWarehouse(
  tx: Tx,
  actor: Actor,
  alloc: AllocationRow,
  pick: PickRow,
  quantity: number,
  now: Date,
): Promise<number> {
  const [parent] = await tx.select().from(stockBatches).where(eq(stockBatches.id, pick.batchId));
  const [dest] = await tx.select().from(warehouses).where(eq(warehouses.id, alloc.toWarehouseId!));
  const id = await nextBatchId(tx);
  await tx
    .insert(stockBatches)
    .overridingSystemValue()
    .values({
      id,
      orgId: dest!.orgId,
      warehouseId: dest!.id,
      itemId: parent!.itemId,
      code: batchCode(id),
      lotNo: parent!.lotNo,
      expiresOn: parent!.expiresOn,
      source: 'transfer',
      giftId: parent!.giftId,
      giftItemId: parent!.giftItemId,
      parentBatchId: parent!.id,
      supplier: parent!.supplier,
      purchaseRef: parent!.purchaseRef,
      designatedOrgId: parent!.designatedOrgId,
      designatedEventId: parent!.designatedEventId,
      designation: parent!.designation,
      unitValueFen: parent!.unitValueFen,
      receivedQty: quantity,
      onHand: 0,
      receivedAt: now,
    });
  await moveStock(tx, {
    batchId: id,
    kind: 'transfer_in',
    quantity,
    ref: `allocation:${alloc.id}`,
    actor: actorName(actor),
  });
  return id;
}
