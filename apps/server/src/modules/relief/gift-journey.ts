import type { GiftJourney, GiftJourneyLine, JourneyShipment } from '@boai/contracts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { queryRows, type Queryable } from '../../platform/db/client.ts';
import { giftItems, gifts } from '../donations/index.ts';
import { orgs } from '../orgs/index.ts';
import { destinationJoins, destinationLabelSql, iso } from './report-shared.ts';
import {
  allocationPicks,
  allocations,
  goodsInLines,
  goodsInNotes,
  stockBatches,
  stockMovements,
  warehouses,
} from './schema.ts';

/**
 * Every batch descending from a gift with the gift line it came from: the batches its goods-in
 * created, and those that transfers split off them at any depth (parent_batch_id), each keeping the
 * line of the batch it left.
 */
const giftTree = (giftId: number) => sql`tree(id, line) as (
    select ${stockBatches.id}, ${stockBatches.giftItemId} from ${stockBatches}
    where ${stockBatches.giftId} = ${giftId} and ${stockBatches.parentBatchId} is null
    union all
    select c.id, coalesce(c.gift_item_id, tree.line) from ${stockBatches} c join tree on c.parent_batch_id = tree.id
  )`;

/** The document id a ship_out movement names (`allocation:N`); null for any other ref. */
const allocationOfRef = sql`(case when m.ref like 'allocation:%' then split_part(m.ref, ':', 2)::int end)`;

/**
 * 物资去向 of one gift of goods, line by line: how it was inspected into stock, every 调拨 that took
 * its goods (through any number of warehouses), what is in stock where, and what was written off.
 * The gift must be one the actor may read; where its goods went is shown in full even when that is
 * outside the actor's subtree — it is the gift's own story, the same the public trace tells.
 */
export async function giftJourney(q: Queryable, actor: Actor, giftId: number): Promise<GiftJourney> {
  await requireAccess(q, actor, 'relief:read', gifts, gifts.id, gifts.orgId, [giftId]);
  const lines = await q
    .select()
    .from(giftItems)
    .where(eq(giftItems.giftId, giftId))
    .orderBy(asc(giftItems.lineNo));
  if (!lines.length) return { giftId, lines: [] };

  const inspections = await q
    .select({
      line: goodsInLines,
      receivedOn: goodsInNotes.receivedOn,
      orgName: orgs.name,
      warehouseName: warehouses.name,
      batchCode: stockBatches.code,
    })
    .from(goodsInLines)
    .innerJoin(goodsInNotes, eq(goodsInNotes.id, goodsInLines.noteId))
    .innerJoin(warehouses, eq(warehouses.id, goodsInNotes.warehouseId))
    .innerJoin(orgs, eq(orgs.id, goodsInNotes.orgId))
    .leftJoin(stockBatches, eq(stockBatches.id, goodsInLines.batchId))
    .where(eq(goodsInNotes.giftId, giftId))
    .orderBy(asc(goodsInNotes.receivedOn), asc(goodsInLines.id));

  const byKind = await queryRows<{ line: number; kind: string; qty: number }>(
    q,
    sql`with recursive ${giftTree(giftId)}
        select tree.line, m.kind, sum(m.quantity)::bigint as qty
        from ${stockMovements} m join tree on tree.id = m.batch_id
        group by 1, 2`,
  );
  const held = await queryRows<{
    line: number;
    warehouse_id: number;
    warehouse_name: string;
    org_name: string;
    qty: number;
  }>(
    q,
    sql`with recursive ${giftTree(giftId)}
        select tree.line, w.id as warehouse_id, w.name as warehouse_name, o.name as org_name,
          sum(b.on_hand)::bigint as qty
        from tree join ${stockBatches} b on b.id = tree.id
        join ${warehouses} w on w.id = b.warehouse_id join ${orgs} o on o.id = w.org_id
        where b.on_hand > 0
        group by 1, 2, 3, 4, o.path order by o.path, w.name`,
  );
  const shipped = await queryRows<{
    line: number;
    id: number;
    status: string;
    destination: string;
    label: string;
    event_id: number | null;
    event_name: string | null;
    from_org_name: string;
    from_warehouse_name: string;
    qty: number;
    signed: number | null;
    shipped_at: Date | string | null;
    signed_at: Date | string | null;
  }>(
    q,
    sql`with recursive ${giftTree(giftId)}, out as (
          select tree.line, ${allocationOfRef} as allocation_id, -sum(m.quantity)::bigint as qty
          from ${stockMovements} m join tree on tree.id = m.batch_id
          where m.kind = 'ship_out' group by 1, 2
        )
        select out.line, a.id, a.status, a.destination, ${destinationLabelSql} as label,
          a.event_id, ev.name as event_name, fo.name as from_org_name, fw.name as from_warehouse_name,
          out.qty, a.shipped_at, a.signed_at,
          case when a.status = 'signed' then (
            select sum(p.received_qty)::bigint from ${allocationPicks} p
            join tree t2 on t2.id = p.batch_id where p.allocation_id = a.id and t2.line = out.line
          ) end as signed
        from out join ${allocations} a on a.id = out.allocation_id
        join ${warehouses} fw on fw.id = a.from_warehouse_id
        join ${orgs} fo on fo.id = a.org_id
        ${destinationJoins}
        order by a.shipped_at, a.id`,
  );

  return {
    giftId,
    lines: lines.map((l): GiftJourneyLine => {
      const goodsIn = inspections
        .filter((i) => i.line.giftItemId === l.id)
        .map((i) => ({
          noteId: i.line.noteId,
          receivedOn: i.receivedOn,
          orgName: i.orgName,
          warehouseName: i.warehouseName,
          acceptedQty: i.line.acceptedQty,
          rejectedQty: i.line.rejectedQty,
          rejectReason: i.line.rejectReason,
          differenceNote: i.line.differenceNote,
          batchCode: i.batchCode,
        }));
      const kinds = new Map(byKind.filter((k) => k.line === l.id).map((k) => [k.kind, Number(k.qty)]));
      const k = (kind: string) => kinds.get(kind) ?? 0;
      const shipments = shipped
        .filter((s) => s.line === l.id)
        .map((s): JourneyShipment => ({
          allocationId: s.id,
          status: s.status,
          fromOrgName: s.from_org_name,
          fromWarehouseName: s.from_warehouse_name,
          destination: s.destination,
          destinationLabel: s.label,
          eventId: s.event_id,
          eventName: s.event_name,
          quantity: Number(s.qty),
          signedQty: s.signed === null ? null : Number(s.signed),
          shippedAt: iso(s.shipped_at),
          signedAt: iso(s.signed_at),
        }));
      const inStock = held
        .filter((h) => h.line === l.id)
        .map((h) => ({
          warehouseId: h.warehouse_id,
          warehouseName: h.warehouse_name,
          orgName: h.org_name,
          quantity: Number(h.qty),
        }));
      return {
        giftItemId: l.id,
        lineNo: l.lineNo,
        name: l.name,
        unit: l.unit,
        quantity: l.quantity,
        goodsIn,
        acceptedQty: goodsIn.reduce((n, i) => n + i.acceptedQty, 0),
        rejectedQty: goodsIn.reduce((n, i) => n + i.rejectedQty, 0),
        shipments,
        inStock,
        shippedQty: -k('ship_out') - k('transfer_in'),
        signedQty: shipments
          .filter((s) => s.destination !== 'warehouse')
          .reduce((n, s) => n + (s.signedQty ?? 0), 0),
        inStockQty: inStock.reduce((n, h) => n + h.quantity, 0),
        writtenOffQty: -k('write_off'),
        otherQty: k('stocktake_gain') + k('stocktake_loss') + k('return_in') + k('return_out'),
      };
    }),
  };
}

/**
 * The transparency-log refs of a gift of goods' journey: its goods-in notes ('goods.stocked') and
 * the shipping and signing of every allocation that took batches descending from it.
 * NOT SCOPED: for the public trace, which shows only entries already published in the log.
 */
export async function publicGiftTraceRefs(q: Queryable, giftId: number): Promise<string[]> {
  const notes = await q
    .select({ id: goodsInNotes.id })
    .from(goodsInNotes)
    .where(eq(goodsInNotes.giftId, giftId));
  const taken = await q
    .selectDistinct({ id: allocationPicks.allocationId })
    .from(allocationPicks)
    .where(
      sql`${allocationPicks.batchId} in (select ${stockBatches.id} from ${stockBatches} where ${stockBatches.giftId} = ${giftId})`,
    );
  return [
    ...notes.map((n) => `goods-in:${n.id}`),
    ...taken.flatMap((a) => [`allocation:${a.id}`, `allocation-signed:${a.id}`]),
  ];
}
