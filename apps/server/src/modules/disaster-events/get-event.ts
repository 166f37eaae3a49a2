import type { DisasterAppeal, DisasterEventDetail, DisasterGoodsGift, DisasterNeed } from '@boai/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { ANONYMOUS_NAME, appeals, giftItems, gifts } from '../donations/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { loadVisibleEvent } from './repository.ts';
import { disasterEventAppeals, disasterEventNeeds } from './schema.ts';

export const presentNeed = (r: typeof disasterEventNeeds.$inferSelect): DisasterNeed => ({
  id: r.id,
  eventId: r.eventId,
  itemId: r.itemId,
  name: r.name,
  unit: r.unit,
  quantity: r.quantity,
  note: r.note,
});

export async function eventNeeds(q: Queryable, eventId: number): Promise<DisasterNeed[]> {
  const rows = await q
    .select()
    .from(disasterEventNeeds)
    .where(eq(disasterEventNeeds.eventId, eventId))
    .orderBy(asc(disasterEventNeeds.id));
  return rows.map(presentNeed);
}

/** The event's appeals with the money they raised: confirmed gifts of money (goods are counted apart). */
export async function eventAppeals(q: Queryable, eventId: number): Promise<DisasterAppeal[]> {
  const rows = await q
    .select({
      id: appeals.id,
      orgId: appeals.orgId,
      name: appeals.name,
      open: appeals.open,
      targetFen: appeals.targetFen,
      raisedFen: sql<number>`coalesce((select sum(g.amount_fen) from ${gifts} as g where g.appeal_id = ${appeals}.id and g.status = 'confirmed' and g.form = 'money'), 0)::bigint`,
      giftCount: sql<number>`(select count(*)::int from ${gifts} as g where g.appeal_id = ${appeals}.id and g.status = 'confirmed' and g.form = 'money')`,
    })
    .from(disasterEventAppeals)
    .innerJoin(appeals, eq(appeals.id, disasterEventAppeals.appealId))
    .where(eq(disasterEventAppeals.eventId, eventId))
    .orderBy(asc(appeals.id));
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    ...r,
    orgName: names.get(r.orgId) ?? '',
    raisedFen: Number(r.raisedFen),
    giftCount: Number(r.giftCount),
  }));
}

/**
 * Gifts of goods made to the event's appeals, each with its lines in one phrase. The donor appears
 * as the public sees them (the name fixed when the gift was recorded), never their contact details.
 */
export async function eventGoodsGifts(q: Queryable, linked: DisasterAppeal[]): Promise<DisasterGoodsGift[]> {
  if (!linked.length) return [];
  const names = new Map(linked.map((a) => [a.id, a.name]));
  const rows = await q
    .select({
      id: gifts.id,
      appealId: gifts.appealId,
      receivedOn: gifts.receivedOn,
      donorName: gifts.donorPublicName,
      valueFen: gifts.amountFen,
      stockStatus: gifts.stockStatus,
      // Correlated on the outer table by name: a single-table select renders its own columns unqualified.
      items: sql<string>`(select string_agg(i.name || ' ' || i.quantity || ' ' || i.unit, '、' order by i.line_no) from ${giftItems} as i where i.gift_id = ${gifts}.id)`,
    })
    .from(gifts)
    .where(
      and(inArray(gifts.appealId, [...names.keys()]), eq(gifts.form, 'goods'), eq(gifts.status, 'confirmed')),
    )
    .orderBy(asc(gifts.receivedOn), asc(gifts.id));
  return rows.map((r) => ({
    id: r.id,
    appealId: r.appealId!,
    appealName: names.get(r.appealId!) ?? '',
    receivedOn: r.receivedOn,
    donorName: r.donorName ?? ANONYMOUS_NAME,
    valueFen: Number(r.valueFen),
    stockStatus: r.stockStatus,
    items: r.items ?? '',
  }));
}

/**
 * An event's page: header, needs list, appeals with money raised and the goods given to them. What was
 * sent against the needs comes from relief (GET /api/relief/events/:id/flow). A society below the
 * event's sees it all too: it is responding to that event, and appeals and goods are public anyway.
 */
export async function getEvent(q: Queryable, actor: Actor, id: number): Promise<DisasterEventDetail> {
  const event = await loadVisibleEvent(q, actor, id);
  const needs = await eventNeeds(q, id);
  const linked = await eventAppeals(q, id);
  const goodsGifts = await eventGoodsGifts(q, linked);
  return {
    ...event,
    needs,
    appeals: linked,
    raisedFen: linked.reduce((s, a) => s + a.raisedFen, 0),
    goodsGifts,
    goodsValueFen: goodsGifts.reduce((s, g) => s + g.valueFen, 0),
  };
}
