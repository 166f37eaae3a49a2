import type { CreateGoodsGiftInput } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { recordPublicEvents } from '../../platform/ledger/index.ts';
import { checkGiftTargets } from './record-gift.ts';
import { giftItems, gifts } from './schema.ts';

const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Each line's value and the gift's total in fen, computed in BigInt so that no product or sum is
 * ever rounded: a value past 2^53 is refused, never stored approximately. Line values are what the
 * database CHECK recomputes (unit × quantity), so the two can never disagree.
 */
function valueLines(items: CreateGoodsGiftInput['items']): { lineValues: number[]; totalFen: number } {
  let total = 0n;
  const lineValues = items.map((item, i) => {
    const value = BigInt(item.unitValueFen) * BigInt(item.quantity);
    if (value > MAX_FEN) throw invalid('GOODS_VALUE_TOO_LARGE', `items.${i}.unitValueFen`);
    total += value;
    return Number(value);
  });
  if (total > MAX_FEN) throw invalid('GOODS_VALUE_TOO_LARGE', 'items');
  if (total === 0n) throw invalid('GOODS_VALUE_ZERO', 'items');
  return { lineValues, totalFen: Number(total) };
}

/**
 * Records a gift of goods (物资捐赠): the same checks as a gift of money (society in scope and active,
 * the donor and appeal its own, not received in the future), no line already expired when received,
 * and its valuation (the receipt's amount) summed here from the lines. The goods await receipt into
 * stock until the relief module takes them in. The receipt is numbered by the receipt desk after
 * this transaction commits; the caller settles it.
 */
export async function recordGoodsGift(
  tx: Tx,
  actor: Actor,
  input: CreateGoodsGiftInput,
  now = new Date(),
): Promise<{ giftId: number }> {
  const { donorPublicName } = await checkGiftTargets(tx, actor, input, now);
  input.items.forEach((item, i) => {
    if (item.expiresOn && item.expiresOn < input.receivedOn)
      throw invalid('GOODS_EXPIRED', `items.${i}.expiresOn`);
  });
  const { lineValues, totalFen } = valueLines(input.items);
  const [gift] = await tx
    .insert(gifts)
    .values({
      orgId: input.orgId,
      donorId: input.donorId,
      form: 'goods',
      channel: 'goods',
      amountFen: totalFen,
      receivedOn: input.receivedOn,
      appealId: input.appealId ?? null,
      purpose: input.purpose ?? null,
      note: input.note ?? null,
      donorPublicName,
      stockStatus: 'awaiting',
    })
    .returning();
  await tx.insert(giftItems).values(
    input.items.map((item, i) => ({
      orgId: gift!.orgId,
      giftId: gift!.id,
      lineNo: i + 1,
      name: item.name,
      spec: item.spec ?? null,
      unit: item.unit,
      quantity: item.quantity,
      unitValueFen: item.unitValueFen,
      valueFen: lineValues[i]!,
      valuationBasis: item.valuationBasis,
      batchNo: item.batchNo ?? null,
      expiresOn: item.expiresOn ?? null,
    })),
  );
  await recordPublicEvents(tx, [{ orgId: gift!.orgId, kind: 'gift.received', ref: `gift:${gift!.id}` }]);
  await recordAudit(tx, actor, {
    action: 'gifts.create_goods',
    orgId: gift!.orgId,
    entityType: 'gift',
    entityId: gift!.id,
    after: { ...input, amountFen: totalFen },
  });
  return { giftId: gift!.id };
}
