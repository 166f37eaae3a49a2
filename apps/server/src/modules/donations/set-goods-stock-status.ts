import type { GiftStockStatus } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { gifts } from './schema.ts';

/**
 * Records where a gift of goods stands with stock (待入库 → 部分入库 / 已入库 / 拒收), in the caller's
 * transaction: relief's goods in decides it from its notes and the gift's lines.
 *
 * NOT SCOPED by an actor: the caller has already checked that its actor may receive this gift, and
 * audits the change with the goods-in note that caused it.
 */
export async function setGoodsStockStatus(tx: Tx, giftId: number, status: GiftStockStatus): Promise<void> {
  await tx
    .update(gifts)
    .set({ stockStatus: status })
    .where(and(eq(gifts.id, giftId), eq(gifts.form, 'goods')));
}
