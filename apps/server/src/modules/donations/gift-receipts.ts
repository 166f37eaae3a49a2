import type { GiftReceipt } from '@boai/contracts';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { gifts, receipts } from './schema.ts';

/** A gift's receipts, live and voided, each voided one with why, when and by whom. */
export async function giftReceipts(q: Queryable, actor: Actor, giftId: number): Promise<GiftReceipt[]> {
  await requireAccess(q, actor, 'donations:read', gifts, gifts.id, gifts.orgId, [giftId]);
  const rows = await q.select().from(receipts).where(eq(receipts.giftId, giftId)).orderBy(desc(receipts.id));
  const replaced = rows.flatMap((r) => (r.replacesId ? [r.replacesId] : []));
  const numbers = new Map(
    replaced.length
      ? (
          await q
            .select({ id: receipts.id, number: receipts.number })
            .from(receipts)
            .where(inArray(receipts.id, replaced))
        ).map((r) => [r.id, r.number])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status as GiftReceipt['status'],
    amountFen: r.amountFen,
    issuedAt: r.issuedAt.toISOString(),
    replacesNumber: r.replacesId ? (numbers.get(r.replacesId) ?? null) : null,
    voidedAt: r.voidedAt?.toISOString() ?? null,
    voidReason: r.voidReason,
    voidedBy: r.voidedBy,
  }));
}
