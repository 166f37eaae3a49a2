import type { Gift, GiftItem } from '@boai/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { itemsOfGifts } from './gift-detail.ts';
import { presentGifts } from './list-gifts.ts';
import { gifts } from './schema.ts';

export type GoodsGift = Gift & { items: GiftItem[] };

/**
 * The confirmed gifts of goods that society `orgId` has received and not yet fully taken into stock
 * (待入库 or 部分入库), oldest first, each with its lines and stock status: what the relief module
 * offers its warehouse keeper to receive.
 *
 * NOT SCOPED by an actor: the caller (the relief module) must already have checked that its actor
 * may act for `orgId`'s warehouse. Only that one society's gifts are returned, never its branches'.
 */
export async function goodsAwaitingStock(q: Queryable, orgId: number): Promise<GoodsGift[]> {
  const rows = await q
    .select()
    .from(gifts)
    .where(
      and(
        eq(gifts.orgId, orgId),
        eq(gifts.form, 'goods'),
        eq(gifts.status, 'confirmed'),
        inArray(gifts.stockStatus, ['awaiting', 'partly']),
      ),
    )
    .orderBy(asc(gifts.receivedOn), asc(gifts.id));
  const items = await itemsOfGifts(
    q,
    rows.map((g) => g.id),
  );
  return (await presentGifts(q, rows)).map((g) => ({ ...g, items: items.get(g.id)! }));
}
