import type { EventReliefFlow } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { queryRows, type Queryable } from '../../platform/db/client.ts';
import { disasterEventNeeds, requireEventVisible } from '../disaster-events/index.ts';
import { orgs } from '../orgs/index.ts';
import { destinationJoins, destinationLabelSql, iso } from './report-shared.ts';
import { allocationPicks, allocations, reliefItems, stockBatches, warehouses } from './schema.ts';

/**
 * An event's needs against what was sent, by catalogue item: needed (its needs list), allocated
 * (accepted — reserved — not yet shipped), shipped and signed (what arrived), and every allocation
 * made for it. Items only asked for by name have no catalogue id to match and stay on the needs list.
 *
 * Goods often reach an event in hops — city warehouse → county warehouse → the affected town — each
 * an allocation for the event. Counting every hop would send the same 家庭应急包 twice, so a pick from
 * a batch that itself arrived by an allocation for this event is not counted again: the goods joined
 * the event's flow when they first arrived. The allocations list still shows every hop.
 *
 * Whoever may see the event (its society, those above and below it) sees its whole flow, from
 * whichever warehouses the goods came: the event page is where the response is coordinated.
 */
export async function eventReliefFlow(q: Queryable, actor: Actor, eventId: number): Promise<EventReliefFlow> {
  await requireEventVisible(q, actor, eventId);
  const a = allocations;
  const items = await queryRows<{
    item_id: number;
    name: string;
    unit: string;
    needed: number;
    allocated: number;
    shipped: number;
    signed: number;
  }>(
    q,
    sql`with ev_alloc as (
          select ${a.id} as id, ${a.status} as status from ${a} where ${a.eventId} = ${eventId}
        ), forwarded as (
          select p.dest_batch_id as batch_id from ${allocationPicks} p
          join ev_alloc on ev_alloc.id = p.allocation_id where p.dest_batch_id is not null
        ), picks as (
          select b.item_id, ev_alloc.status, p.quantity, p.received_qty
          from ${allocationPicks} p join ev_alloc on ev_alloc.id = p.allocation_id
          join ${stockBatches} b on b.id = p.batch_id
          where p.batch_id not in (select batch_id from forwarded)
        ), sent as (
          select item_id,
            coalesce(sum(quantity) filter (where status in ('requested', 'approved')), 0)::bigint as allocated,
            coalesce(sum(quantity) filter (where status in ('shipped', 'signed')), 0)::bigint as shipped,
            coalesce(sum(received_qty) filter (where status = 'signed'), 0)::bigint as signed
          from picks group by 1
        ), needed as (
          select item_id, sum(quantity)::bigint as qty from ${disasterEventNeeds}
          where event_id = ${eventId} and item_id is not null group by 1
        )
        select coalesce(needed.item_id, sent.item_id) as item_id, i.name, i.unit,
          coalesce(needed.qty, 0) as needed, coalesce(sent.allocated, 0) as allocated,
          coalesce(sent.shipped, 0) as shipped, coalesce(sent.signed, 0) as signed
        from needed full join sent on sent.item_id = needed.item_id
        join ${reliefItems} i on i.id = coalesce(needed.item_id, sent.item_id)
        order by i.category, i.code, i.id`,
  );
  const list = await queryRows<{
    id: number;
    status: string;
    from_org_name: string;
    from_warehouse_name: string;
    label: string;
    value_fen: number;
    requested_at: Date | string;
    shipped_at: Date | string | null;
    signed_at: Date | string | null;
  }>(
    q,
    sql`select a.id, a.status, fo.name as from_org_name, fw.name as from_warehouse_name,
          ${destinationLabelSql} as label, a.value_fen, a.requested_at, a.shipped_at, a.signed_at
        from ${a} a
        join ${orgs} fo on fo.id = a.org_id
        join ${warehouses} fw on fw.id = a.from_warehouse_id
        ${destinationJoins}
        where a.event_id = ${eventId}
        order by a.requested_at desc, a.id desc`,
  );
  return {
    eventId,
    items: items.map((r) => ({
      itemId: r.item_id,
      name: r.name,
      unit: r.unit,
      neededQty: Number(r.needed),
      allocatedQty: Number(r.allocated),
      shippedQty: Number(r.shipped),
      signedQty: Number(r.signed),
    })),
    allocations: list.map((r) => ({
      id: r.id,
      status: r.status,
      fromOrgName: r.from_org_name,
      fromWarehouseName: r.from_warehouse_name,
      destinationLabel: r.label,
      valueFen: Number(r.value_fen),
      requestedAt: iso(r.requested_at)!,
      shippedAt: iso(r.shipped_at),
      signedAt: iso(r.signed_at),
    })),
  };
}
