import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { disclosureBatches, disclosureLines } from './schema.ts';

/** The day and batch in which each of these gifts was published (gifts not yet published are absent). */
export async function publishedDays(
  q: Queryable,
  giftIds: number[],
): Promise<Map<number, { day: string; batchId: number }>> {
  if (!giftIds.length) return new Map();
  const rows = await q
    .select({ giftId: disclosureLines.giftId, day: disclosureBatches.day, batchId: disclosureBatches.id })
    .from(disclosureLines)
    .innerJoin(disclosureBatches, eq(disclosureBatches.id, disclosureLines.batchId))
    .where(and(eq(disclosureLines.kind, 'gift'), inArray(disclosureLines.giftId, [...new Set(giftIds)])));
  return new Map(rows.map((r) => [r.giftId!, { day: r.day, batchId: r.batchId }]));
}
