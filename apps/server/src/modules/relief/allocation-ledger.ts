import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../platform/db/client.ts';
import {
  refIds,
  type LedgerEntryBuilder,
  type LedgerEntryObject,
  type LedgerValue,
} from '../../platform/ledger/index.ts';
import { allocationPicks, allocations, reliefItems, stockBatches } from './schema.ts';

const destBatch = alias(stockBatches, 'dest_batch');

/** The picks of some allocations with what the public record says of each: item, batch, source gift. */
async function picksFor(q: Queryable, ids: number[]) {
  return q
    .select({
      p: allocationPicks,
      item: reliefItems.name,
      spec: reliefItems.spec,
      unit: reliefItems.unit,
      batch: stockBatches.code,
      giftId: stockBatches.giftId,
      unitValueFen: stockBatches.unitValueFen,
      destBatch: destBatch.code,
    })
    .from(allocationPicks)
    .innerJoin(stockBatches, eq(stockBatches.id, allocationPicks.batchId))
    .innerJoin(reliefItems, eq(reliefItems.id, stockBatches.itemId))
    .leftJoin(destBatch, eq(destBatch.id, allocationPicks.destBatchId))
    .where(inArray(allocationPicks.allocationId, ids))
    .orderBy(asc(allocationPicks.allocationId), asc(allocationPicks.batchId));
}

/** Where the goods went: both societies, the warehouse or event or aid batch, never a person. */
const destinationFacts = (a: typeof allocations.$inferSelect) => ({
  fromOrg: a.orgId,
  warehouse: a.fromWarehouseId,
  destination: a.destination,
  toOrg: a.toOrgId,
  toWarehouse: a.toWarehouseId,
  event: a.eventId,
  aidBatch: a.aidBatchRef,
});

/**
 * allocation.shipped (`allocation:<id>`): goods leaving a warehouse, batch by batch with the gift
 * each came from. Built from rows fixed once shipped — the picks (quantities, batches), the batches'
 * codes and gifts, the items' name, spec and unit (the catalogue freezes them once stocked) — at the
 * stored `shipped_at`. Carrier and people (shipper, requester) stay out: a driver is a person.
 */
const shipped: LedgerEntryBuilder = {
  kind: 'allocation.shipped',
  async build(q, refs) {
    const ids = refIds(refs, 'allocation');
    const out = new Map<string, LedgerEntryObject>();
    if (!ids.length) return out;
    const rows = await q.select().from(allocations).where(inArray(allocations.id, ids));
    const picks = await picksFor(q, ids);
    for (const a of rows) {
      // An event for an allocation not (or no longer) shipped cannot be built: it stays in the outbox.
      if (!a.shippedAt) continue;
      let valueFen = 0;
      const lines: LedgerValue[] = picks
        .filter((r) => r.p.allocationId === a.id)
        .map((r) => {
          const value = r.p.quantity * r.unitValueFen;
          valueFen += value;
          return {
            item: r.item,
            spec: r.spec,
            unit: r.unit,
            quantity: r.p.quantity,
            batch: r.batch,
            gift: r.giftId ? `gift:${r.giftId}` : null,
            unitValueFen: r.unitValueFen,
            valueFen: value,
          };
        });
      const entry: LedgerEntryObject = {
        v: 1,
        kind: 'allocation.shipped',
        org: a.orgId,
        ref: `allocation:${a.id}`,
        at: a.shippedAt.toISOString(),
        ...destinationFacts(a),
        lines,
        valueFen,
      };
      out.set(entry.ref, entry);
    }
    return out;
  },
};

/**
 * allocation.signed (`allocation-signed:<id>`): what arrived, per batch shipped — and, into a
 * warehouse, the new batch it became there — at the stored `signed_at`. The signer is a person and
 * stays out; the received quantities are fixed once signed.
 */
const signed: LedgerEntryBuilder = {
  kind: 'allocation.signed',
  async build(q, refs) {
    const ids = refIds(refs, 'allocation-signed');
    const out = new Map<string, LedgerEntryObject>();
    if (!ids.length) return out;
    const rows = await q.select().from(allocations).where(inArray(allocations.id, ids));
    const picks = await picksFor(q, ids);
    for (const a of rows) {
      if (!a.signedAt) continue;
      const entry: LedgerEntryObject = {
        v: 1,
        kind: 'allocation.signed',
        org: a.orgId,
        ref: `allocation-signed:${a.id}`,
        at: a.signedAt.toISOString(),
        allocation: `allocation:${a.id}`,
        ...destinationFacts(a),
        lines: picks
          .filter((r) => r.p.allocationId === a.id)
          .map((r) => ({
            item: r.item,
            spec: r.spec,
            unit: r.unit,
            batch: r.batch,
            gift: r.giftId ? `gift:${r.giftId}` : null,
            shippedQty: r.p.quantity,
            receivedQty: r.p.receivedQty,
            destBatch: r.destBatch,
          })),
      };
      out.set(entry.ref, entry);
    }
    return out;
  },
};

export const allocationLedgerEntries: LedgerEntryBuilder[] = [shipped, signed];
