import {
  GIFT_IMPORT_SAMPLE_SIZE,
  type GiftImport,
  type GiftImportError,
  type GiftImportRow,
  type GiftImportSource,
  type GiftImportStatus,
  type GiftImportSummary,
} from '@boai/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { appeals, gifts } from '../donations/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { giftImports } from './schema.ts';

export type ImportRow = typeof giftImports.$inferSelect;

/** What `gift_imports.rows` holds: the valid rows and what the preview learnt about the file. */
export interface StoredRows {
  appealId: number | null;
  debitRows: number;
  validFen: number;
  items: GiftImportRow[];
}

export const channelOf = (source: GiftImportSource) => (source === 'bank' ? 'bank' : 'platform');

/** Marks the rows whose gift is already recorded (same society, channel and external reference). */
export async function markDuplicates(
  q: Queryable,
  orgId: number,
  channel: string,
  rows: GiftImportRow[],
): Promise<GiftImportRow[]> {
  const seen = new Set<string>();
  // Chunked: a statement can hold thousands of references, and one IN list per chunk stays cheap.
  for (let i = 0; i < rows.length; i += 1000) {
    const refs = rows.slice(i, i + 1000).map((r) => r.externalRef);
    const found = await q
      .select({ ref: gifts.externalRef })
      .from(gifts)
      .where(and(eq(gifts.orgId, orgId), eq(gifts.channel, channel), inArray(gifts.externalRef, refs)));
    for (const f of found) seen.add(f.ref!);
  }
  return rows.map((r) => ({ ...r, duplicate: seen.has(r.externalRef) }));
}

/** Presents import rows as summaries, with society and appeal names read in two queries for all. */
export async function presentSummaries(q: Queryable, rows: ImportRow[]): Promise<GiftImportSummary[]> {
  const stored = rows.map((r) => r.rows as StoredRows);
  const orgNames = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  const appealIds = [...new Set(stored.flatMap((s) => (s.appealId ? [s.appealId] : [])))];
  const appealNames = new Map(
    appealIds.length
      ? (
          await q
            .select({ id: appeals.id, name: appeals.name })
            .from(appeals)
            .where(inArray(appeals.id, appealIds))
        ).map((a) => [a.id, a.name])
      : [],
  );
  return rows.map((r, i) => {
    const s = stored[i]!;
    return {
      id: r.id,
      orgId: r.orgId,
      orgName: orgNames.get(r.orgId) ?? '',
      source: r.source as GiftImportSource,
      fileName: r.fileName,
      status: r.status as GiftImportStatus,
      appealId: s.appealId,
      appealName: s.appealId ? (appealNames.get(s.appealId) ?? null) : null,
      totalRows: r.totalRows,
      validRows: r.validRows,
      errorRows: r.errorRows,
      debitRows: s.debitRows,
      duplicates: r.skippedDuplicates,
      validFen: s.validFen,
      createdGifts: r.createdGifts,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      committedAt: r.committedAt?.toISOString() ?? null,
    };
  });
}

/** One import with all its row errors and the first valid rows. */
export async function presentImport(q: Queryable, row: ImportRow): Promise<GiftImport> {
  const [summary] = await presentSummaries(q, [row]);
  return {
    ...summary!,
    errors: row.errors as GiftImportError[],
    sample: (row.rows as StoredRows).items.slice(0, GIFT_IMPORT_SAMPLE_SIZE),
  };
}
