import type { PublicBatch } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { presentBatches, publicBatch, selectLines } from './repository.ts';
import { disclosureBatches, disclosureLines } from './schema.ts';

/** A published batch and a page of its lines, for anyone (published data only). */
export async function publicBatchLines(
  q: Queryable,
  id: number,
  page: { page: number; pageSize: number },
): Promise<PublicBatch> {
  const rows = await q.select().from(disclosureBatches).where(eq(disclosureBatches.id, id));
  if (!rows.length) throw notFound();
  const [batch] = await presentBatches(q, rows);
  const lines = await selectLines(q, eq(disclosureLines.batchId, id), {
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  });
  return { batch: publicBatch(batch!), lines: { ...lines, page: page.page, pageSize: page.pageSize } };
}
