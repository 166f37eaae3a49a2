import type { PublicLinePage } from '@boai/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import { receipts } from '../donations/index.ts';
import { selectLines } from './repository.ts';
import { disclosureLines } from './schema.ts';

/**
 * 公示查询 within one society's published lines: by public name (a part of it, as published — a
 * masked name stays masked) or by receipt number. A receipt voided and reissued finds the gift by
 * either number: the published line holds the number of its day, the receipts table the others.
 */
export async function searchDisclosure(
  q: Queryable,
  f: { orgId: number; q: string; page: number; pageSize: number },
): Promise<PublicLinePage> {
  const term = f.q.trim();
  // Every number the gift ever had: lines carry the one live when they were published.
  const sameGift = sql`(select r1.gift_id from ${receipts} r1 where r1.number = ${term})`;
  const match = /^\d{14}$/.test(term)
    ? sql`(${disclosureLines.giftId} in ${sameGift} or ${disclosureLines.receiptNo} in
          (select r2.number from ${receipts} r2 where r2.gift_id in ${sameGift}))`
    : sql`${disclosureLines.publicName} like ${containsPattern(term)}`;
  const lines = await selectLines(
    q,
    and(eq(disclosureLines.orgId, f.orgId), match),
    { limit: f.pageSize, offset: (f.page - 1) * f.pageSize },
    true,
  );
  return { ...lines, page: f.page, pageSize: f.pageSize };
}
