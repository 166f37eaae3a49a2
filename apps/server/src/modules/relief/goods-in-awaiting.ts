import type { AwaitingGift, AwaitingGiftsQuery } from '@boai/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { disasterEventAppeals, disasterEvents } from '../disaster-events/index.ts';
import { giftItems, gifts, presentGifts } from '../donations/index.ts';
import { takenByGiftLine } from './goods-in-gift.ts';

/**
 * The gifts of goods waiting for inspection (待入库 / 部分入库) that the actor may receive, oldest
 * first, each line with what earlier notes took and what is still expected, and the disaster event
 * its appeal serves (the batches will be designated to it).
 */
export async function listAwaitingGifts(
  q: Queryable,
  actor: Actor,
  query: AwaitingGiftsQuery,
): Promise<{ items: AwaitingGift[] }> {
  const rows = await q
    .select()
    .from(gifts)
    .where(
      and(
        inScope(actor, 'relief:manage', gifts.orgId),
        query.orgId ? inOrgSubtree(gifts.orgId, query.orgId) : undefined,
        query.giftId ? eq(gifts.id, query.giftId) : undefined,
        eq(gifts.form, 'goods'),
        eq(gifts.status, 'confirmed'),
        inArray(gifts.stockStatus, ['awaiting', 'partly']),
      ),
    )
    .orderBy(asc(gifts.receivedOn), asc(gifts.id))
    .limit(200);
  if (!rows.length) return { items: [] };
  const presented = await presentGifts(q, rows);
  const lines = await q
    .select()
    .from(giftItems)
    .where(
      inArray(
        giftItems.giftId,
        rows.map((g) => g.id),
      ),
    )
    .orderBy(asc(giftItems.giftId), asc(giftItems.lineNo));
  const taken = await takenByGiftLine(
    q,
    lines.map((l) => l.id),
  );
  const appealIds = rows.flatMap((g) => (g.appealId ? [g.appealId] : []));
  const events = new Map(
    (appealIds.length
      ? await q
          .select({
            appealId: disasterEventAppeals.appealId,
            id: disasterEvents.id,
            name: disasterEvents.name,
          })
          .from(disasterEventAppeals)
          .innerJoin(disasterEvents, eq(disasterEvents.id, disasterEventAppeals.eventId))
          .where(inArray(disasterEventAppeals.appealId, appealIds))
      : []
    ).map((e) => [e.appealId, e]),
  );
  return {
    items: presented.map((gift, i) => {
      const event = rows[i]!.appealId ? events.get(rows[i]!.appealId!) : undefined;
      return {
        gift,
        lines: lines
          .filter((l) => l.giftId === gift.id)
          .map((l) => {
            const t = taken.get(l.id) ?? { accepted: 0, rejected: 0 };
            return {
              giftItemId: l.id,
              lineNo: l.lineNo,
              name: l.name,
              spec: l.spec,
              unit: l.unit,
              quantity: l.quantity,
              unitValueFen: l.unitValueFen,
              batchNo: l.batchNo,
              expiresOn: l.expiresOn,
              acceptedQty: t.accepted,
              rejectedQty: t.rejected,
              remainingQty: l.quantity - t.accepted - t.rejected,
            };
          }),
        designatedEventId: event?.id ?? null,
        designatedEventName: event?.name ?? null,
      };
    }),
  };
}
