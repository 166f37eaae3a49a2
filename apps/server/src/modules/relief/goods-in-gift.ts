import type { CreateGiftGoodsInInput, GiftStockStatus, GoodsInDetail } from '@boai/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { recordPublicEvents } from '../../platform/ledger/index.ts';
import { disasterEventAppeals } from '../disaster-events/index.ts';
import { giftItems, gifts, setGoodsStockStatus } from '../donations/index.ts';
import { orgsById } from '../orgs/index.ts';
import {
  checkLineTargets,
  checkReceivedOn,
  checkValue,
  expiryFor,
  stockNewBatch,
  unitValueFor,
  warehouseForGoodsIn,
} from './goods-in-lines.ts';
import { unsafeGoodsInDetail } from './goods-in-list.ts';
import { goodsInLines, goodsInNotes } from './schema.ts';

/** What earlier notes took of each gift line: accepted and rejected (a line may arrive in parts). */
export async function takenByGiftLine(q: Queryable, giftItemIds: number[]) {
  if (!giftItemIds.length) return new Map<number, { accepted: number; rejected: number }>();
  const l = goodsInLines;
  const rows = await q
    .select({
      id: l.giftItemId,
      accepted: sql<number>`sum(${l.acceptedQty})::bigint`,
      rejected: sql<number>`sum(${l.rejectedQty})::bigint`,
    })
    .from(l)
    .where(inArray(l.giftItemId, giftItemIds))
    .groupBy(l.giftItemId);
  return new Map(rows.map((r) => [r.id!, { accepted: Number(r.accepted), rejected: Number(r.rejected) }]));
}

/**
 * Where the gift stands once every note so far is counted: received when each line is fully
 * accounted for (accepted + rejected = its quantity) and something was accepted, rejected when all
 * of it was refused, partly otherwise.
 */
function stockStatusOf(
  lines: { id: number; quantity: number }[],
  taken: Map<number, { accepted: number; rejected: number }>,
): GiftStockStatus {
  let accepted = 0;
  let complete = true;
  for (const line of lines) {
    const t = taken.get(line.id) ?? { accepted: 0, rejected: 0 };
    accepted += t.accepted;
    if (t.accepted + t.rejected < line.quantity) complete = false;
  }
  if (!complete) return 'partly';
  return accepted > 0 ? 'received' : 'rejected';
}

/**
 * 捐赠物资验收入库: a gift of goods inspected into one warehouse. Each line maps a gift line to a
 * catalogue item and says what was accepted and what rejected (with the reason); a difference from
 * what is still expected needs its explanation. Every accepted line becomes one labelled batch
 * carrying the gift, its donor's designation (the appeal's disaster event, the gift's purpose) and the
 * recipient chosen at inspection. Then the gift's stock status follows, the public log gets a
 * goods.stocked event, and the audit trail the whole note.
 *
 * The gift row is locked first: two inspections of the same gift queue, so the second sees what the
 * first took and over-receiving is impossible under any interleaving.
 */
export async function receiveGiftGoods(
  tx: Tx,
  actor: Actor,
  input: CreateGiftGoodsInInput,
  now = new Date(),
): Promise<GoodsInDetail> {
  const [gift] = await tx
    .select()
    .from(gifts)
    .where(and(eq(gifts.id, input.giftId), inScope(actor, 'relief:manage', gifts.orgId)))
    .for('update');
  if (!gift) throw invalid('NOT_FOUND', 'giftId');
  if (gift.form !== 'goods' || gift.status !== 'confirmed')
    throw invalid('GOODS_IN_GIFT_NOT_RECEIVABLE', 'giftId');
  if (gift.stockStatus === 'received' || gift.stockStatus === 'rejected')
    throw conflict('GOODS_IN_GIFT_ALREADY_RECEIVED', 'giftId');

  const warehouse = await warehouseForGoodsIn(tx, actor, input.warehouseId);
  const tree = await orgsById(tx, [
    gift.orgId,
    warehouse.orgId,
    ...(input.designatedOrgId ? [input.designatedOrgId] : []),
  ]);
  const giftPath = tree.get(gift.orgId)!.path;
  if (!tree.get(warehouse.orgId)!.path.startsWith(giftPath))
    throw invalid('GOODS_IN_WAREHOUSE_OUTSIDE', 'warehouseId');
  if (input.designatedOrgId) {
    const designated = tree.get(input.designatedOrgId);
    if (!designated?.active || !designated.path.startsWith(giftPath))
      throw invalid('GOODS_IN_DESIGNATED_ORG_INVALID', 'designatedOrgId');
  }
  checkReceivedOn(input.receivedOn, now);
  if (input.receivedOn < gift.receivedOn)
    throw invalid('GOODS_IN_DATE_BEFORE_GIFT', 'receivedOn', { date: gift.receivedOn });

  const giftLines = await tx.select().from(giftItems).where(eq(giftItems.giftId, gift.id));
  const byId = new Map(giftLines.map((g) => [g.id, g]));
  const seen = new Set<number>();
  input.lines.forEach((l, i) => {
    if (!byId.has(l.giftItemId)) throw invalid('GOODS_IN_LINE_NOT_IN_GIFT', `lines.${i}.giftItemId`);
    if (seen.has(l.giftItemId)) throw invalid('GOODS_IN_LINE_DUPLICATE', `lines.${i}.giftItemId`);
    seen.add(l.giftItemId);
  });
  const items = await checkLineTargets(tx, warehouse, input.lines);
  const taken = await takenByGiftLine(tx, [...seen]);

  const planned = input.lines.map((l, i) => {
    const giftLine = byId.get(l.giftItemId)!;
    const item = items.get(l.itemId)!;
    const before = taken.get(l.giftItemId) ?? { accepted: 0, rejected: 0 };
    const expected = giftLine.quantity - before.accepted - before.rejected;
    const counted = l.acceptedQty + l.rejectedQty;
    if (counted > expected)
      throw new AppError(
        'GOODS_IN_OVER_RECEIVED',
        400,
        [{ field: `lines.${i}.acceptedQty`, code: 'GOODS_IN_OVER_RECEIVED' }],
        { taken: counted, remaining: expected },
      );
    if (counted !== expected && !l.differenceNote)
      throw new AppError(
        'GOODS_IN_DIFFERENCE_NOTE_REQUIRED',
        400,
        [{ field: `lines.${i}.differenceNote`, code: 'GOODS_IN_DIFFERENCE_NOTE_REQUIRED' }],
        { taken: counted, expected },
      );
    const expiresOn = expiryFor(item, l.expiresOn ?? giftLine.expiresOn, input.receivedOn);
    if (l.acceptedQty > 0 && expiresOn && expiresOn < input.receivedOn)
      throw invalid('GOODS_IN_LOT_EXPIRED', `lines.${i}.expiresOn`, { date: expiresOn });
    const unitValueFen = unitValueFor(item, giftLine.unitValueFen);
    checkValue(unitValueFen, l.acceptedQty, `lines.${i}.acceptedQty`);
    return { l, giftLine, expected, expiresOn, unitValueFen, lotNo: l.lotNo ?? giftLine.batchNo };
  });

  // The donor's designation travels with every batch: the appeal's disaster event, the stated purpose.
  const [eventLink] = gift.appealId
    ? await tx
        .select({ eventId: disasterEventAppeals.eventId })
        .from(disasterEventAppeals)
        .where(eq(disasterEventAppeals.appealId, gift.appealId))
    : [];

  const [note] = await tx
    .insert(goodsInNotes)
    .values({
      orgId: warehouse.orgId,
      warehouseId: warehouse.id,
      source: 'gift',
      giftId: gift.id,
      receivedOn: input.receivedOn,
      inspector: input.inspector,
      note: input.note ?? null,
      createdBy: actorName(actor),
    })
    .returning();
  for (const [i, p] of planned.entries()) {
    const batchId =
      p.l.acceptedQty > 0
        ? await stockNewBatch(tx, actor, note!.id, {
            warehouse,
            itemId: p.l.itemId,
            locationId: p.l.locationId ?? null,
            lotNo: p.lotNo,
            expiresOn: p.expiresOn,
            unitValueFen: p.unitValueFen,
            quantity: p.l.acceptedQty,
            source: 'gift',
            giftId: gift.id,
            giftItemId: p.giftLine.id,
            designatedOrgId: input.designatedOrgId ?? null,
            designatedEventId: eventLink?.eventId ?? null,
            designation: gift.purpose,
          })
        : null;
    await tx.insert(goodsInLines).values({
      orgId: warehouse.orgId,
      noteId: note!.id,
      lineNo: i + 1,
      giftItemId: p.giftLine.id,
      itemId: p.l.itemId,
      expectedQty: p.expected,
      acceptedQty: p.l.acceptedQty,
      rejectedQty: p.l.rejectedQty,
      rejectReason: p.l.rejectedQty > 0 ? p.l.rejectReason! : null,
      differenceNote: p.l.differenceNote ?? null,
      unitValueFen: p.unitValueFen,
      lotNo: p.lotNo,
      expiresOn: p.expiresOn,
      locationId: p.l.locationId ?? null,
      batchId,
    });
  }

  const status = stockStatusOf(giftLines, await takenByGiftLine(tx, [...byId.keys()]));
  await setGoodsStockStatus(tx, gift.id, status);
  await recordPublicEvents(tx, [
    { orgId: warehouse.orgId, kind: 'goods.stocked', ref: `goods-in:${note!.id}` },
  ]);
  await recordAudit(tx, actor, {
    action: 'relief.goods_in_gift',
    orgId: warehouse.orgId,
    entityType: 'goods_in',
    entityId: note!.id,
    after: { ...input, stockStatus: { before: gift.stockStatus, after: status } },
  });
  return unsafeGoodsInDetail(tx, note!.id);
}
