import type { DisasterEventStatus, DisasterType, PublicDisasterEvent, ResponseLevel } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import { systemActor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { orgNamesById } from '../orgs/index.ts';
import { eventReliefFlow } from '../relief/index.ts';
import { eventAppeals, eventGoodsGifts, eventNeeds } from './get-event.ts';
import { disasterEvents } from './schema.ts';

// Reads relief's flow for one event only, after the event was found: never a list, never a write.
const publicPage = systemActor('public-event-page');

/**
 * The public page of an event (/p/events/:id). Every event is public, as a society's appeals are:
 * the people it helps and those who gave should see what was needed and what arrived. Numbers only —
 * needs against goods shipped and signed for, money raised per appeal — and no person: not who opened
 * it, nor donors, nor who shipped or signed.
 */
export async function publicEvent(q: Queryable, id: number): Promise<PublicDisasterEvent> {
  const [e] = await q.select().from(disasterEvents).where(eq(disasterEvents.id, id));
  if (!e) throw notFound();
  const needs = await eventNeeds(q, id);
  const linked = await eventAppeals(q, id);
  const goods = await eventGoodsGifts(q, linked);
  const flow = await eventReliefFlow(q, publicPage, id);
  const sent = new Map(flow.items.map((i) => [i.itemId, i]));
  const orgName = (await orgNamesById(q, [e.orgId])).get(e.orgId) ?? '';
  return {
    id: e.id,
    orgName,
    name: e.name,
    type: e.type as DisasterType,
    area: e.area,
    responseLevel: e.responseLevel as ResponseLevel,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    status: e.status as DisasterEventStatus,
    needs: needs.map((n) => {
      const s = n.itemId ? sent.get(n.itemId) : undefined;
      return {
        name: n.name,
        unit: n.unit,
        neededQty: n.quantity,
        shippedQty: s?.shippedQty ?? 0,
        signedQty: s?.signedQty ?? 0,
      };
    }),
    raisedFen: linked.reduce((s, a) => s + a.raisedFen, 0),
    giftCount: linked.reduce((s, a) => s + a.giftCount, 0),
    goodsValueFen: goods.reduce((s, g) => s + g.valueFen, 0),
    appeals: linked.map((a) => ({ id: a.id, name: a.name, raisedFen: a.raisedFen })),
  };
}
