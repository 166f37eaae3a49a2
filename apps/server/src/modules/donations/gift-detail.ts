import type { AttachmentMime, GiftDetail, GiftItem, ValuationBasis } from '@boai/contracts';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { getGift } from './list-gifts.ts';
import { giftAttachments, giftItems, gifts } from './schema.ts';

/** The item lines of these gifts (of goods), by gift, in line order. Callers have checked access. */
export async function itemsOfGifts(q: Queryable, giftIds: number[]): Promise<Map<number, GiftItem[]>> {
  const byGift = new Map<number, GiftItem[]>(giftIds.map((id) => [id, []]));
  if (!giftIds.length) return byGift;
  const rows = await q
    .select()
    .from(giftItems)
    .where(inArray(giftItems.giftId, giftIds))
    .orderBy(asc(giftItems.giftId), asc(giftItems.lineNo));
  for (const r of rows) {
    byGift.get(r.giftId)!.push({
      id: r.id,
      lineNo: r.lineNo,
      name: r.name,
      spec: r.spec,
      unit: r.unit,
      quantity: r.quantity,
      unitValueFen: r.unitValueFen,
      valueFen: r.valueFen,
      valuationBasis: r.valuationBasis as ValuationBasis,
      batchNo: r.batchNo,
      expiresOn: r.expiresOn,
    });
  }
  return byGift;
}

/** One gift with its item lines and the list of its attachments (never their content). */
export async function getGiftDetail(q: Queryable, actor: Actor, id: number): Promise<GiftDetail> {
  // getGift is the scope check: out-of-scope and missing gifts are both NOT_FOUND.
  const gift = await getGift(q, actor, id);
  const [row] = await q.select({ note: gifts.note }).from(gifts).where(eq(gifts.id, id));
  const attachments = await q
    .select({
      id: giftAttachments.id,
      giftId: giftAttachments.giftId,
      itemId: giftAttachments.itemId,
      fileName: giftAttachments.fileName,
      mime: giftAttachments.mime,
      sizeBytes: giftAttachments.sizeBytes,
      sha256: giftAttachments.sha256,
      createdAt: giftAttachments.createdAt,
    })
    .from(giftAttachments)
    .where(eq(giftAttachments.giftId, id))
    .orderBy(asc(giftAttachments.id));
  return {
    ...gift,
    note: row!.note,
    items: (await itemsOfGifts(q, [id])).get(id)!,
    attachments: attachments.map((a) => ({
      ...a,
      mime: a.mime as AttachmentMime,
      createdAt: a.createdAt.toISOString(),
    })),
  };
}
